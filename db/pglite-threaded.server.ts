import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PGlite } from "@electric-sql/pglite";

/*
 * PGlite on a worker thread (db/pglite-thread.mjs) behind the part of PGlite's interface that
 * drizzle uses: `query` (with drizzle's row modes and its "leave these types as text"
 * parsers) and interactive `transaction`s. The main thread only posts messages; the
 * database's own work (parsing, planning, executing in WebAssembly) runs on another CPU.
 * Semantics are PGlite's own: one session, a transaction holds it until it ends, errors keep
 * their PostgreSQL fields (code, constraint, …).
 */

export const pgliteThreadScript = path.resolve(process.cwd(), "db/pglite-thread.mjs");

/**
 * The types drizzle's PGlite driver asks to leave as text on every query: timestamp,
 * timestamptz, interval, date, and the arrays of numeric, timestamp, timestamptz, interval and
 * date. The thread sets these once, so such a query needs no parsers of its own (PGlite copies
 * all its parsers for every query that brings some). tests/integration/pglite-thread.test.ts
 * checks the list against drizzle's.
 */
export const USUAL_TEXT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];

type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<string | number, (value: string, type: number) => unknown> };
type WireOptions = { rowMode?: "array" | "object"; textTypes: number[] } | undefined;
type Results = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** drizzle passes parsers that return the text as is (dates, intervals, numeric arrays): only those cross the thread. */
function wireOptions(options?: QueryOptions): WireOptions {
  if (!options) return undefined;
  const textTypes: number[] = [];
  for (const [type, parser] of Object.entries(options.parsers ?? {})) {
    if (parser("2026-01-01 00:00:00+00", Number(type)) !== "2026-01-01 00:00:00+00") {
      throw new Error(`De database-thread kent alleen parsers die de tekst laten staan (type ${type}).`);
    }
    textTypes.push(Number(type));
  }
  return { rowMode: options.rowMode, textTypes };
}

function toError(wire: Record<string, unknown>): Error {
  const error = new Error(String(wire.message)) as Error & Record<string, unknown>;
  error.name = String(wire.name ?? "Error");
  for (const [key, value] of Object.entries(wire)) if (key !== "message" && key !== "name") error[key] = value;
  return error;
}

export class ThreadedPglite {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    onFailure?: (error: Error) => void,
  ) {
    worker.on("message", (message: { id?: number; result?: unknown; error?: Record<string, unknown> }) => {
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(toError(message.error));
      else waiting.resolve(message.result);
    });
    const fail = (error: Error) => {
      if (this.failure) return;
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      if (!this.closing) onFailure?.(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`De database-thread is gestopt (code ${code}).`)));
  }

  /**
   * Starts the thread and opens the database in it. `onFailure` hears when the thread dies
   * while open (every waiting and later query fails from then on).
   */
  static async open(
    dataDir: string | "memory",
    startParams: string[],
    onFailure?: (error: Error) => void,
  ): Promise<ThreadedPglite> {
    const worker = new Worker(pgliteThreadScript, {
      workerData: { dataDir, startParams, textTypes: USUAL_TEXT_TYPES },
      // the thread's own JavaScript is small (PGlite's memory is WebAssembly, outside these)
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`De database-thread stopte bij het openen (code ${code}).`)));
    });
    return new ThreadedPglite(worker, onFailure);
  }

  private request<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results & { rows: T[] }> {
    return this.request({ kind: "query", sql, params, options: wireOptions(options) });
  }

  async transaction<T>(callback: (tx: TransactionProxy) => Promise<T>): Promise<T> {
    const tx = await this.request<number>({ kind: "begin" });
    const proxy: TransactionProxy = {
      query: (sql, params, options) => this.request({ kind: "query", tx, sql, params, options: wireOptions(options) }),
    };
    let value: T;
    try {
      value = await callback(proxy);
    } catch (error) {
      // drizzle rolls back by throwing (also for tx.rollback())
      await this.request({ kind: "end", tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.request({ kind: "end", tx, commit: true });
    return value;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (!this.failure) await this.request({ kind: "close" }).catch(() => {});
    await this.worker.terminate();
  }

  /** Stops the thread at once, as a crash would (for tests). */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  /** For drizzle, which asks for a PGlite instance. */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }
}

type TransactionProxy = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results & { rows: T[] }>;
};
