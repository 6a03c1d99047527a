/*
 * A small RFC 4180 CSV parser (no CSV library is installed): fields separated by commas,
 * records by CRLF or LF; a field in double quotes may hold commas, line breaks and doubled
 * quotes (""). A UTF-8 byte-order mark at the start is ignored.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (regel ${line})`);
    this.name = "CsvError";
  }
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let inQuotes = false;
  let quotedField = false;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = "";
    quotedField = false;
  };
  const endRow = () => {
    endField();
    // a blank line is no record
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new CsvError("Tekst na een afsluitend aanhalingsteken", line);
        }
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "" || quotedField) throw new CsvError("Aanhalingsteken midden in een veld", line);
      inQuotes = true;
      quotedField = true;
      i++;
      continue;
    }
    if (c === ",") {
      endField();
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRow();
      if (c === "\r" && text[i + 1] === "\n") i++;
      i++;
      line++;
      continue;
    }
    field += c;
    i++;
  }
  if (inQuotes) throw new CsvError("Niet afgesloten aanhalingsteken", line);
  if (field !== "" || row.length > 0 || quotedField) endRow();
  return rows;
}

/** Parses a CSV with a header row into objects keyed by the header's column names. */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((cells, index) => {
    if (cells.length !== names.length) {
      throw new CsvError(`Verwacht ${names.length} velden, gevonden ${cells.length}`, index + 2);
    }
    const out: Record<string, string> = {};
    names.forEach((name, j) => {
      out[name] = cells[j]!;
    });
    return out;
  });
}
