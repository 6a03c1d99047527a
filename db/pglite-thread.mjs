// The embedded database on its own thread. PGlite (PostgreSQL compiled to WebAssembly) runs
// here; the server's main thread sends it queries through `db/pglite-threaded.server.ts`, so
// rendering pages and running the database use two CPUs instead of one. Plain JavaScript: the
// worker is loaded as is, from the sources and from the build alike.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const { dataDir, startParams } = workerData;
const pg = dataDir === "memory" ? await PGlite.create({ startParams }) : await PGlite.create(dataDir, { startParams });

const identity = (value) => value;

/*
 * Types left as text. drizzle asks for the same ones on every query (dates, timestamps,
 * intervals and their arrays: `textTypes` of the main thread). PGlite merges per-query parsers
 * into a copy of all its ~320 parsers on every query, which cost 0.2-0.3 ms per query here, so
 * the usual set is set once on the instance and such a query passes no parsers of its own. Any
 * other set still gets exactly what it asks for: PGlite's own parser for a type it wants parsed.
 */
const usualTextTypes = [...new Set(workerData.textTypes ?? [])].sort((a, b) => a - b);
const usualKey = usualTextTypes.join(",");
const ownParsers = new Map();
/** (Again) sets the usual text types on the instance; cheap when they are set already. */
function keepUsualAsText() {
  for (const type of usualTextTypes) {
    const parser = pg.parsers[type];
    if (parser === identity) continue;
    ownParsers.set(type, parser);
    pg.parsers[type] = identity;
  }
}
keepUsualAsText();

/** Query options as the main thread describes them: row mode, and the types to leave as text. */
function optionsOf(o) {
  if (!o) return undefined;
  const textTypes = o.textTypes ?? [];
  keepUsualAsText();
  if ([...textTypes].sort((a, b) => a - b).join(",") === usualKey) return { rowMode: o.rowMode };
  const parsers = {};
  for (const type of usualTextTypes) if (!textTypes.includes(type)) parsers[type] = ownParsers.get(type) ?? identity;
  for (const type of textTypes) parsers[type] = identity;
  return { rowMode: o.rowMode, parsers };
}

const ERROR_FIELDS = ["code", "severity", "detail", "hint", "position", "schema", "table", "column", "dataType", "constraint", "routine", "where", "file", "line"];
function serialiseError(error) {
  const out = { message: String(error?.message ?? error), name: error?.name ?? "Error" };
  for (const key of ERROR_FIELDS) if (error?.[key] !== undefined) out[key] = error[key];
  return out;
}

const ROLLBACK = Symbol("rollback");
/** Open transactions by id: the PGlite transaction handle and how to end it. */
const transactions = new Map();
let nextTransaction = 1;

function targetOf(message) {
  if (!message.tx) return pg;
  const open = transactions.get(message.tx);
  if (!open) throw new Error("Deze databasetransactie is al afgesloten.");
  return open.tx;
}

async function handle(message) {
  switch (message.kind) {
    case "query": {
      const result = await targetOf(message).query(message.sql, message.params, optionsOf(message.options));
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "begin": {
      const id = nextTransaction++;
      return await new Promise((resolveBegin, rejectBegin) => {
        let end;
        const ended = new Promise((resolve, reject) => (end = { resolve, reject }));
        const done = pg
          .transaction(async (tx) => {
            transactions.get(id).tx = tx;
            resolveBegin(id);
            await ended; // commit resolves, rollback rejects
          })
          .catch((error) => {
            if (error !== ROLLBACK) throw error;
          })
          .finally(() => transactions.delete(id));
        transactions.set(id, { tx: undefined, end, done });
        done.catch(rejectBegin);
      });
    }
    case "end": {
      const open = transactions.get(message.tx);
      if (!open) return null;
      if (message.commit) open.end.resolve();
      else open.end.reject(ROLLBACK);
      await open.done;
      return null;
    }
    case "close": {
      await pg.close();
      return null;
    }
    default:
      throw new Error(`Onbekend verzoek aan de database-thread: ${message.kind}`);
  }
}

parentPort.on("message", (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: serialiseError(error) }),
  );
});
parentPort.postMessage({ ready: true });
