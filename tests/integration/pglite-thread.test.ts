import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "#db/client.server";
import { NoopLogger } from "drizzle-orm/logger";
import { PglitePreparedQuery } from "drizzle-orm/pglite/session";
import { ThreadedPglite, USUAL_TEXT_TYPES } from "#db/pglite-threaded.server";
import { notifications, users } from "#db/schema";

/*
 * The server runs PGlite on a worker thread (db/pglite-thread.mjs). These tests hold the
 * thread to what the app relies on from PGlite itself: drizzle's types, transactions with
 * commit, rollback and savepoints, one session at a time, PostgreSQL's error fields, data that
 * survives a restart, and a clear failure when the thread dies. (`WERKBRUG_PGLITE_THREAD=1
 * npm run test:unit` runs every other database test through the thread as well.)
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "werkbrug-thread-"));
let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openDatabase({ kind: "pglite", dataDir, thread: true });
  await handle.migrate();
  db = handle.db;
});

afterAll(async () => {
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const userCount = async () => (await db.select({ n: count() }).from(users))[0]!.n;

describe("PGlite on its own thread", () => {
  it("gives drizzle the same types as PGlite in the process: dates, booleans, defaults, json, counts", async () => {
    const [user] = await db.insert(users).values({ email: "draad@proef.werkbrug.test", name: "Draad" }).returning();
    expect(user!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user!.createdAt).toBeInstanceOf(Date);
    expect(user!.emailDigest).toBe(false);
    const [read] = await db.select().from(users).where(eq(users.id, user!.id));
    expect(read).toEqual(user);
    const result = (await db.execute(sql`select json_build_object('a', array[1,2]) as doc, 2 + 3 as n`)) as unknown as {
      rows: unknown[];
    };
    expect(result.rows).toEqual([{ doc: { a: [1, 2] }, n: 5 }]);
  });

  it("knows the types drizzle leaves as text on every query (they are set once in the thread)", () => {
    // The configs are private fields of drizzle's prepared query, set in its constructor.
    type Configs = Record<"queryConfig" | "rawQueryConfig", { parsers?: Record<string, unknown> }>;
    const Prepared = PglitePreparedQuery as unknown as new (...args: unknown[]) => Configs;
    const query = new Prepared({}, "select 1", [], new NoopLogger(), undefined, undefined, undefined, undefined, undefined, false);
    const usual = [...USUAL_TEXT_TYPES].sort();
    expect(Object.keys(query.queryConfig.parsers ?? {}).map(Number).sort()).toEqual(usual);
    expect(Object.keys(query.rawQueryConfig.parsers ?? {}).map(Number).sort()).toEqual(usual);
  });

  it("parses exactly what a query asks for, whether or not it asks for the usual text types", async () => {
    const thread = await ThreadedPglite.open("memory", PGlite.defaultStartParams);
    try {
      const text = "select timestamptz '2027-03-01 10:00:00+00' as at, date '2027-03-01' as day, array[date '2027-03-01'] as days, 7 as n";
      const keep = (types: number[]) => ({ rowMode: "object" as const, parsers: Object.fromEntries(types.map((t) => [t, (v: string) => v])) });
      for (let round = 0; round < 2; round++) {
        // drizzle's set: dates stay text
        const usual = await thread.query<Record<string, unknown>>(text, [], keep(USUAL_TEXT_TYPES));
        expect(usual.rows[0]).toEqual({ at: "2027-03-01 10:00:00+00", day: "2027-03-01", days: "{2027-03-01}", n: 7 });
        // no parsers of its own: PGlite's own types
        const parsed = await thread.query<Record<string, unknown>>(text, [], { rowMode: "object" });
        expect(parsed.rows[0]!.at).toEqual(new Date("2027-03-01T10:00:00Z"));
        expect(parsed.rows[0]!.day).toBeInstanceOf(Date);
        expect(parsed.rows[0]!.n).toBe(7);
        // only the date as text
        const some = await thread.query<Record<string, unknown>>(text, [], keep([1082]));
        expect(some.rows[0]!.day).toBe("2027-03-01");
        expect(some.rows[0]!.at).toEqual(new Date("2027-03-01T10:00:00Z"));
        // array rows too
        const arrays = await thread.query<unknown[]>(text, [], { ...keep(USUAL_TEXT_TYPES), rowMode: "array" });
        expect(arrays.rows[0]).toEqual(["2027-03-01 10:00:00+00", "2027-03-01", "{2027-03-01}", 7]);
      }
    } finally {
      await thread.close();
    }
  });

  it("commits a transaction, rolls back a failed one, and a failed savepoint only", async () => {
    const before = await userCount();
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ email: "commit@proef.werkbrug.test", name: "Commit" });
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values({ email: "rollback@proef.werkbrug.test", name: "Rollback" });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ email: "outer@proef.werkbrug.test", name: "Outer" });
      await tx
        .transaction(async (inner) => {
          await inner.insert(users).values({ email: "inner@proef.werkbrug.test", name: "Inner" });
          throw new Error("inner stops");
        })
        .catch(() => {});
    });
    const emails = (await db.select({ email: users.email }).from(users)).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(["commit@proef.werkbrug.test", "outer@proef.werkbrug.test"]));
    expect(emails).not.toContain("rollback@proef.werkbrug.test");
    expect(emails).not.toContain("inner@proef.werkbrug.test");
    expect(await userCount()).toBe(before + 2);
  });

  it("keeps PostgreSQL's error fields, so a duplicate is recognised as one", async () => {
    await db.insert(users).values({ email: "dubbel@proef.werkbrug.test", name: "Een" });
    const error = await db
      .insert(users)
      .values({ email: "dubbel@proef.werkbrug.test", name: "Twee" })
      .then(() => null, (e: unknown) => e as Error & { cause?: Record<string, unknown> });
    expect(error).not.toBeNull();
    const cause = (error!.cause ?? error) as Record<string, unknown>;
    expect(cause.code).toBe("23505");
    expect(cause.constraint).toBe("users_email_unique");
  });

  it("runs one transaction at a time: two read-modify-writes at once both count", async () => {
    const [user] = await db.insert(users).values({ email: "teller@proef.werkbrug.test", name: "Teller" }).returning();
    const bump = () =>
      db.transaction(async (tx) => {
        const [{ n }] = (await tx.select({ n: count() }).from(notifications).where(eq(notifications.userId, user!.id))) as [{ n: number }];
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.insert(notifications).values({ userId: user!.id, kind: "test", title: `nummer ${n + 1}` });
      });
    // plain queries meanwhile wait for the session too, and see only committed rows
    await Promise.all([bump(), bump(), userCount()]);
    const titles = (await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, user!.id))).map((r) => r.title);
    expect(titles.sort()).toEqual(["nummer 1", "nummer 2"]);
  });

  it("keeps the data when the database is closed and opened again", async () => {
    const before = await userCount();
    await handle.close();
    expect(fs.existsSync(path.join(dataDir, "werkbrug.lock"))).toBe(false);
    handle = await openDatabase({ kind: "pglite", dataDir, thread: true });
    db = handle.db;
    expect(await userCount()).toBe(before);
  });
});

describe("a database thread that dies", () => {
  it("fails every query with a clear error and says so once", async () => {
    const failures: Error[] = [];
    const threaded = await ThreadedPglite.open("memory", PGlite.defaultStartParams, (error) => failures.push(error));
    expect((await threaded.query<{ x: number }>("select 1 as x")).rows).toEqual([{ x: 1 }]);
    const waiting = threaded.query("select pg_sleep(0.5)");
    await threaded.kill();
    await expect(waiting).rejects.toThrow(/database-thread/);
    await expect(threaded.query("select 1")).rejects.toThrow(/database-thread/);
    expect(failures).toHaveLength(1);
    await threaded.close();
  });
});
