import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { rateLimitCounters } from "#db/schema";

/*
 * Fixed-window counters in the database, so every app process shares them.
 */

export type Limit = { max: number; windowMs: number };

export const LOGIN_LIMIT_PER_ACCOUNT: Limit = { max: 5, windowMs: 15 * 60 * 1000 };
export const LOGIN_LIMIT_PER_IP: Limit = { max: 30, windowMs: 15 * 60 * 1000 };

function windowStart(limit: Limit, now: Date) {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

/** Adds one to the counter of `key` and returns the new count in this window. */
export async function hit(db: Database, key: string, limit: Limit, now = new Date()) {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart: windowStart(limit, now), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return row!.count;
}

export async function count(db: Database, key: string, limit: Limit, now = new Date()) {
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, windowStart(limit, now))),
    );
  return row?.count ?? 0;
}

export async function isLimited(db: Database, key: string, limit: Limit, now = new Date()) {
  return (await count(db, key, limit, now)) >= limit.max;
}

export async function pruneCounters(db: Database, now = new Date()) {
  await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
