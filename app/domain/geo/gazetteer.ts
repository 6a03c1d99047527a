import { CURATED_MUNICIPALITIES, CURATED_PLACES } from "./curated-places";

/*
 * Place names → coordinates, for vacancies, employer addresses and a candidate's preferred region.
 * The product ships a small curated gazetteer (curated-places.ts); a deployment can build a
 * complete one from the official places file (`importPlacesCsv`) and install it with `setGazetteer`.
 */

export { haversineKm, type LatLon } from "./distance";

export type Place = {
  name: string;
  /** CBS municipality number, four digits ("0995"). */
  municipalityCode: string;
  lat: number;
  lon: number;
  /** 0 when unknown. */
  population: number;
  /** Other names people use (Frisian names, older spellings). */
  aliases?: readonly string[];
};

export type Municipality = {
  code: string;
  name: string;
  lat: number;
  lon: number;
  province?: string;
};

export type Gazetteer = {
  readonly places: readonly Place[];
  readonly municipalities: readonly Municipality[];
  /** The place with this name; with a municipality code, only a place in that municipality. */
  findPlace(name: string, municipalityCode?: string): Place | undefined;
  /** Up to `n` places whose names are closest to `name`, for a "did you mean" message. */
  suggestPlaces(name: string, n?: number): Place[];
  municipalityByCode(code: string): Municipality | undefined;
  findMunicipality(name: string): Municipality | undefined;
};

/**
 * The form names are compared in: lower case, no diacritics, no apostrophes, hyphens and runs of
 * spaces as one space. So "'s-Hertogenbosch", "s Hertogenbosch" and "’s-hertogenbosch" are equal,
 * as are "Sûdwest Fryslân" and "sudwest fryslan".
 */
export function normalisePlaceName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Names the source spells differently from how people write them (GeoNames uses "The Hague").
const commonAliases: Record<string, string[]> = {
  "the hague": ["den haag", "s gravenhage"],
  "s hertogenbosch": ["den bosch"],
};

/** Every key a place can be found by: its name, its aliases, and the name without "'s-"/"'t". */
function keysOf(place: Place): string[] {
  const keys = new Set<string>();
  for (const raw of [place.name, ...(place.aliases ?? [])]) {
    const key = normalisePlaceName(raw);
    if (!key) continue;
    keys.add(key);
    for (const alias of commonAliases[key] ?? []) keys.add(alias);
    // "'s-Gravenzande" is also looked for as "Gravenzande".
    const bare = key.match(/^[st] (.+)$/)?.[1];
    if (bare) keys.add(bare);
  }
  return [...keys];
}

const preferLarger = (a: Place, b: Place) => b.population - a.population;

export function createGazetteer(input: {
  places: readonly Place[];
  municipalities?: readonly Municipality[];
}): Gazetteer {
  // The same place listed twice (curated list plus official file): the first one counts.
  const seen = new Set<string>();
  const places = input.places.filter((place) => {
    const id = `${normalisePlaceName(place.name)}|${place.municipalityCode}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const municipalities = input.municipalities ?? [];
  const byKey = new Map<string, Place[]>();
  for (const place of places) {
    for (const key of keysOf(place)) {
      const list = byKey.get(key);
      if (!list) byKey.set(key, [place]);
      else if (!list.includes(place)) list.push(place);
    }
  }
  // Several places share a name ("Hengelo", "Borne"): the larger one is meant unless said otherwise.
  for (const list of byKey.values()) list.sort(preferLarger);
  const keys = [...byKey.keys()];

  const municipalityByCodeMap = new Map(municipalities.map((m) => [m.code, m]));
  const municipalityByName = new Map(municipalities.map((m) => [normalisePlaceName(m.name), m]));

  return {
    places,
    municipalities,
    findPlace(name, municipalityCode) {
      const list = byKey.get(normalisePlaceName(name));
      if (!list) return undefined;
      return municipalityCode ? list.find((p) => p.municipalityCode === municipalityCode) : list[0];
    },
    suggestPlaces(name, n = 5) {
      const query = normalisePlaceName(name);
      if (!query || n <= 0) return [];
      // Allow about one typo per three letters, at least one.
      const allowed = Math.max(1, Math.floor(query.length / 3));
      const scored: { key: string; score: number }[] = [];
      for (const key of keys) {
        let score: number;
        if (key === query) score = -2;
        else if (key.startsWith(query)) score = -1;
        else {
          const distance = editDistance(query, key, allowed);
          // A query that is a typo of the start of a longer name ("Almer" → "Almere Haven").
          const prefixDistance =
            key.length > query.length
              ? editDistance(query, key.slice(0, query.length), allowed)
              : distance;
          score = Math.min(distance, prefixDistance + 0.5);
          if (score > allowed) continue;
        }
        scored.push({ key, score });
      }
      scored.sort(
        (a, b) =>
          a.score - b.score ||
          byKey.get(b.key)![0]!.population - byKey.get(a.key)![0]!.population ||
          a.key.localeCompare(b.key),
      );
      const result: Place[] = [];
      for (const { key } of scored) {
        for (const place of byKey.get(key)!) {
          if (!result.includes(place)) result.push(place);
          if (result.length === n) return result;
        }
      }
      return result;
    },
    municipalityByCode(code) {
      return municipalityByCodeMap.get(code.padStart(4, "0"));
    },
    findMunicipality(name) {
      return municipalityByName.get(normalisePlaceName(name));
    },
  };
}

/**
 * Damerau–Levenshtein distance (optimal string alignment). Stops early and returns `limit + 1`
 * once the distance is certain to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------
// Importers for the official files

export class GazetteerImportError extends Error {}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

function readTable(csvText: string, required: string[], file: string) {
  const [header, ...rows] = parseCsv(csvText);
  if (!header) throw new GazetteerImportError(`${file}: het bestand is leeg.`);
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new GazetteerImportError(
      `${file}: kolom ${missing.join(", ")} ontbreekt (verwacht: ${required.join(",")}).`,
    );
  }
  const index = (name: string) => columns.indexOf(name);
  return rows.map((fields, i) => ({
    line: i + 2,
    get: (name: string) => (index(name) >= 0 ? (fields[index(name)] ?? "").trim() : ""),
  }));
}

function coordinate(
  value: string,
  min: number,
  max: number,
  what: string,
  line: number,
  file: string,
) {
  const number = Number(value);
  if (value === "" || !Number.isFinite(number) || number < min || number > max) {
    throw new GazetteerImportError(
      `${file}, regel ${line}: ${what} "${value}" is geen geldige waarde.`,
    );
  }
  return number;
}

function municipalityCode(value: string, line: number, file: string) {
  const code = value.padStart(4, "0");
  if (!/^[0-9]{4}$/.test(code)) {
    throw new GazetteerImportError(
      `${file}, regel ${line}: gemeentecode "${value}" is geen viercijferig getal.`,
    );
  }
  return code;
}

/**
 * Reads a places file shaped like the GeoNames extract
 * (`name,lat,lon,municipality_code,population`; population optional). Throws
 * `GazetteerImportError` naming the line of the first bad row.
 */
export function importPlacesCsv(csvText: string): Place[] {
  const file = "plaatsenbestand";
  return readTable(csvText, ["name", "lat", "lon", "municipality_code"], file).map((row) => {
    const name = row.get("name");
    if (!name) throw new GazetteerImportError(`${file}, regel ${row.line}: de naam ontbreekt.`);
    const population = Number(row.get("population") || 0);
    return {
      name,
      municipalityCode: municipalityCode(row.get("municipality_code"), row.line, file),
      lat: coordinate(row.get("lat"), -90, 90, "breedtegraad", row.line, file),
      lon: coordinate(row.get("lon"), -180, 180, "lengtegraad", row.line, file),
      population: Number.isFinite(population) && population > 0 ? population : 0,
    };
  });
}

/** Reads a municipalities file shaped like `code,name,lat,lon[,population][,province]`. */
export function importMunicipalitiesCsv(csvText: string): Municipality[] {
  const file = "gemeentebestand";
  return readTable(csvText, ["code", "name", "lat", "lon"], file).map((row) => {
    const name = row.get("name");
    if (!name) throw new GazetteerImportError(`${file}, regel ${row.line}: de naam ontbreekt.`);
    const province = row.get("province");
    return {
      code: municipalityCode(row.get("code"), row.line, file),
      name,
      lat: coordinate(row.get("lat"), -90, 90, "breedtegraad", row.line, file),
      lon: coordinate(row.get("lon"), -180, 180, "lengtegraad", row.line, file),
      ...(province ? { province } : {}),
    };
  });
}

// ---------------------------------------------------------------------------
// The process's gazetteer

export const curatedGazetteer: Gazetteer = createGazetteer({
  places: CURATED_PLACES,
  municipalities: CURATED_MUNICIPALITIES,
});

let active: Gazetteer = curatedGazetteer;

/** Replaces the gazetteer the functions below use (e.g. with the full official places file). */
export function setGazetteer(gazetteer: Gazetteer | undefined) {
  active = gazetteer ?? curatedGazetteer;
}

export function getGazetteer(): Gazetteer {
  return active;
}

/** Case-, diacritics- and "'s-"-insensitive lookup of a place by name (or alias). */
export function findPlace(name: string, municipalityCode?: string): Place | undefined {
  return active.findPlace(name, municipalityCode);
}

/** The `n` names closest to `name`; empty when nothing is close. */
export function suggestPlaces(name: string, n = 5): Place[] {
  return active.suggestPlaces(name, n);
}

export function municipalityByCode(code: string): Municipality | undefined {
  return active.municipalityByCode(code);
}

export function findMunicipality(name: string): Municipality | undefined {
  return active.findMunicipality(name);
}
