import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ThreadedPglite } from "./pglite-threaded.server";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; domain functions accept it wherever they accept a Database. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export type DatabaseOptions =
  | { kind: "postgres"; url: string; max?: number }
  | {
      kind: "pglite";
      dataDir: string | "memory";
      sharedBuffers?: string;
      /** Run PGlite on a worker thread (db/pglite-threaded.server.ts); the server does. */
      thread?: boolean;
      /** With `thread`: called when the database thread dies while open. */
      onThreadFailure?: (error: Error) => void;
    };

/**
 * PostgreSQL's buffer cache inside PGlite. PGlite starts Postgres with its default of 128 MB,
 * all of it inside the process's WebAssembly memory, on top of the operating system's file
 * cache that already holds the same pages (PGlite reads its data dir through ordinary files).
 * 16 MB keeps the hot indexes and catalog in Postgres and leaves the rest to the OS: measured
 * on the benchmark world (20,000 candidates), the process held 257 MB after reading every
 * profile instead of 466 MB (docs/benchmarks.md). 8 MB saved another 15 MB but slowed the
 * full read of a reindex by about 8 %.
 */
export const PGLITE_SHARED_BUFFERS = "16MB";

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    return {
      db: db as unknown as Database,
      kind: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const release = options.dataDir === "memory" ? () => {} : takeDataDirLock(options.dataDir);
  const startParams = [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers ?? PGLITE_SHARED_BUFFERS}`];
  const where = options.dataDir === "memory" ? "memory" : path.resolve(options.dataDir, "pg");
  let client: { pglite: PGlite; close(): Promise<void> };
  try {
    client = options.thread
      ? await openThreaded(where, startParams, options.onThreadFailure)
      : await openInProcess(where, startParams);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client.pglite, { schema });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

async function openThreaded(where: string, startParams: string[], onFailure?: (error: Error) => void) {
  const threaded = await ThreadedPglite.open(where, startParams, onFailure);
  return { pglite: threaded.asPglite(), close: () => threaded.close() };
}

async function openInProcess(where: string, startParams: string[]) {
  const pglite = where === "memory" ? new PGlite({ startParams }) : new PGlite(where, { startParams });
  await pglite.waitReady;
  return { pglite, close: () => pglite.close() };
}

/**
 * PGlite is single-process: a lock file in DATA_DIR keeps a second process from opening the
 * same files (which would corrupt them). A lock left by a process that no longer runs is taken over.
 */
function takeDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "werkbrug.lock");
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && processIsAlive(pid)) {
      throw new Error(
        `De ingebouwde database in ${dataDir} is in gebruik door proces ${pid}. ` +
          `Stop dat proces, of gebruik DATABASE_URL (PostgreSQL) voor meerdere processen.`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
}

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// One handle per process, kept on globalThis so dev rebuilds reuse it.
const globalKey = "__werkbrugDatabase" as const;
type GlobalWithDb = typeof globalThis & { [globalKey]?: DatabaseHandle };

export function setDatabase(handle: DatabaseHandle | undefined) {
  (globalThis as GlobalWithDb)[globalKey] = handle;
}

export function getDatabaseHandle(): DatabaseHandle {
  const handle = (globalThis as GlobalWithDb)[globalKey];
  if (!handle) throw new Error("Database is not open yet (boot() opens it).");
  return handle;
}

/** The process's database. */
export function getDb(): Database {
  return getDatabaseHandle().db;
}

export { schema };
