import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import {
  type Database,
  type DatabaseHandle,
  openDatabase,
  setDatabase,
} from "#db/client.server";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server of DATABASE_URL (dropped afterwards). It becomes the
 * process database, so loaders and actions under test use it.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // WERKBRUG_PGLITE_THREAD=1 runs the suite through the database thread the server uses
    const handle = await openDatabase({ kind: "pglite", dataDir: "memory", thread: process.env.WERKBRUG_PGLITE_THREAD === "1" });
    await handle.migrate();
    return { ...handle, drop: () => handle.close() };
  }
  const name = `werkbrug_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: testUrl.toString(), max: 5 });
  await handle.migrate();
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function useTestDatabase() {
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabase(handle);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await handle?.drop();
  });
  return {
    get db(): Database {
      if (!handle) throw new Error("test database not ready");
      return handle.db;
    },
    get handle(): DatabaseHandle {
      if (!handle) throw new Error("test database not ready");
      return handle;
    },
  };
}
