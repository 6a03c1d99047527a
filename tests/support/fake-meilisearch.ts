import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A local HTTP server that plays Meilisearch's HTTP and task API well enough for wiring
 * tests of the Meilisearch adapter (the conventions forbid mocking third parties at the
 * module level; this is the "local HTTP endpoint" they ask for).
 *
 * - Every request is recorded: method, path, query, headers (lower-case names, including
 *   `authorization`), parsed JSON body.
 * - Writes (`POST/PUT/PATCH/DELETE` on `/indexes...`, `POST /swap-indexes`) answer
 *   `202 {taskUid, indexUid, status: "enqueued", type, enqueuedAt}`.
 * - `GET /tasks/:uid` walks a task through `enqueued` → `processing` → `succeeded` (one step
 *   per poll), or `failed` with an error object when told to ({@link FakeMeilisearch.failNextTask},
 *   {@link FakeMeilisearch.failTasksWhere}); it stays `processing` forever when told to
 *   ({@link FakeMeilisearch.hangTasks}). The effect of a write (index created, settings
 *   stored, documents added, indexes swapped) is applied when its task succeeds.
 * - `POST /indexes/:uid/search` answers canned hits ({@link FakeMeilisearch.setSearchResponse}).
 * - `GET /health`, `GET /indexes`, `GET /indexes/:uid`, `GET /indexes/:uid/settings`.
 * - It can answer 500 to everything ({@link FakeMeilisearch.answer500}) or refuse
 *   connections altogether ({@link FakeMeilisearch.refuseConnections}).
 */

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
};

export type FakeTaskError = { message: string; code: string; type: string; link: string };

type Effect = () => FakeTaskError | null;

type FakeTask = {
  uid: number;
  indexUid: string | null;
  type: string;
  enqueuedAt: string;
  polls: number;
  hang: boolean;
  fail: FakeTaskError | null;
  effect: Effect;
  status: "enqueued" | "processing" | "succeeded" | "failed";
  error: FakeTaskError | null;
  startedAt: string | null;
  finishedAt: string | null;
};

type FakeIndex = {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: Record<string, unknown>;
  documents: Map<string, Record<string, unknown>>;
};

export type FakeSearchResponse = {
  hits: Record<string, unknown>[];
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
  processingTimeMs?: number;
};

type TaskMatcher = (task: { type: string; indexUid: string | null; request: RecordedRequest }) => boolean;

export type FakeMeilisearch = {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests other than task polling (`GET /tasks/...`) and health checks. */
  calls(): RecordedRequest[];
  /** Indexes that currently exist (after their creating task succeeded). */
  indexes(): string[];
  /** The stored documents of an index, or `undefined` when it does not exist. */
  documents(indexUid: string): Record<string, unknown>[] | undefined;
  /** The settings last stored for an index. */
  settings(indexUid: string): Record<string, unknown> | undefined;
  /** Create an index directly (no task), e.g. to set up an existing live index. */
  seedIndex(uid: string, documents?: Record<string, unknown>[], primaryKey?: string): void;
  /** How many polls a task stays enqueued/processing before it finishes (default 2). */
  setPollsBeforeDone(n: number): void;
  /** The next enqueued task fails with this error (defaults to a generic internal error). */
  failNextTask(error?: Partial<FakeTaskError>): void;
  /** Every task matching the predicate fails with this error; `null` clears it. */
  failTasksWhere(matcher: TaskMatcher | null, error?: Partial<FakeTaskError>): void;
  /** Tasks enqueued while on never finish (they stay `processing`). */
  hangTasks(on?: boolean): void;
  /** Answer every request with `500 {message, code: "internal", ...}` while on. */
  answer500(on?: boolean): void;
  /** Canned response for `POST /indexes/:uid/search` (any index when `indexUid` is `"*"`). */
  setSearchResponse(indexUid: string, response: FakeSearchResponse): void;
  /** Stop listening and drop open connections: clients get ECONNREFUSED. */
  refuseConnections(): Promise<void>;
  /** Listen again on the same port. */
  acceptConnections(): Promise<void>;
  /** Forget recorded requests (state and behaviour stay). */
  clearRequests(): void;
  close(): Promise<void>;
};

function apiError(message: string, code: string, type = "invalid_request"): FakeTaskError {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export async function startFakeMeilisearch(): Promise<FakeMeilisearch> {
  const requests: RecordedRequest[] = [];
  const tasks = new Map<number, FakeTask>();
  const indexes = new Map<string, FakeIndex>();
  const searchResponses = new Map<string, FakeSearchResponse>();
  let nextTaskUid = 0;
  let pollsBeforeDone = 2;
  let failNext: FakeTaskError | null = null;
  let failWhere: { matcher: TaskMatcher; error: FakeTaskError } | null = null;
  let hang = false;
  let fail500 = false;
  const sockets = new Set<Socket>();

  const now = () => new Date().toISOString();

  const newIndex = (uid: string, primaryKey: string | null): FakeIndex => ({
    uid,
    primaryKey,
    createdAt: now(),
    updatedAt: now(),
    settings: {},
    documents: new Map(),
  });

  const indexView = (ix: FakeIndex) => ({
    uid: ix.uid,
    primaryKey: ix.primaryKey,
    createdAt: ix.createdAt,
    updatedAt: ix.updatedAt,
  });

  const taskView = (t: FakeTask) => ({
    uid: t.uid,
    batchUid: t.status === "enqueued" ? null : t.uid,
    indexUid: t.indexUid,
    status: t.status,
    type: t.type,
    canceledBy: null,
    details: {},
    error: t.error,
    duration: t.finishedAt ? "PT0.001S" : null,
    enqueuedAt: t.enqueuedAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
  });

  const notFound = (uid: string) => apiError(`Index \`${uid}\` not found.`, "index_not_found");

  function enqueue(res: ServerResponse, request: RecordedRequest, type: string, indexUid: string | null, effect: Effect) {
    const uid = nextTaskUid++;
    let fail: FakeTaskError | null = null;
    if (failNext) {
      fail = failNext;
      failNext = null;
    } else if (failWhere?.matcher({ type, indexUid, request })) {
      fail = failWhere.error;
    }
    const task: FakeTask = {
      uid,
      indexUid,
      type,
      enqueuedAt: now(),
      polls: 0,
      hang,
      fail,
      effect,
      status: "enqueued",
      error: null,
      startedAt: null,
      finishedAt: null,
    };
    tasks.set(uid, task);
    send(res, 202, { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: task.enqueuedAt });
  }

  function advance(t: FakeTask) {
    if (t.status === "succeeded" || t.status === "failed") return;
    t.polls++;
    if (t.hang) {
      if (t.polls > 1) {
        t.status = "processing";
        t.startedAt ??= now();
      }
      return;
    }
    if (t.polls <= pollsBeforeDone) {
      if (t.polls > 1) {
        t.status = "processing";
        t.startedAt ??= now();
      }
      return;
    }
    t.startedAt ??= now();
    t.finishedAt = now();
    const error = t.fail ?? t.effect();
    if (error) {
      t.status = "failed";
      t.error = error;
    } else {
      t.status = "succeeded";
    }
  }

  function primaryKeyOf(ix: FakeIndex, docs: Record<string, unknown>[]): string | null {
    if (ix.primaryKey) return ix.primaryKey;
    const first = docs[0];
    if (!first) return null;
    const key = Object.keys(first).find((k) => /id$/i.test(k));
    return key ?? null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    let body: unknown = undefined;
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string") headers[k] = v;
      else if (Array.isArray(v)) headers[k] = v.join(", ");
    }
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    requests.push(request);

    if (fail500) {
      send(res, 500, apiError("Internal error (fake)", "internal", "internal"));
      return;
    }

    const method = request.method;
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);

    if (method === "GET" && url.pathname === "/health") {
      send(res, 200, { status: "available" });
      return;
    }

    if (parts[0] === "tasks" && parts.length === 2 && method === "GET") {
      const task = tasks.get(Number(parts[1]));
      if (!task) {
        send(res, 404, apiError(`Task \`${parts[1]}\` not found.`, "task_not_found"));
        return;
      }
      advance(task);
      send(res, 200, taskView(task));
      return;
    }

    if (parts[0] === "swap-indexes" && method === "POST") {
      const swaps = Array.isArray(body) ? (body as { indexes: [string, string]; rename?: boolean }[]) : [];
      enqueue(res, request, "indexSwap", null, () => {
        for (const s of swaps) {
          const [a, b] = s.indexes;
          const ia = indexes.get(a);
          const ib = indexes.get(b);
          if (!ia) return notFound(a);
          if (s.rename) {
            if (ib) return apiError(`Index \`${b}\` already exists.`, "index_already_exists");
          } else if (!ib) {
            return notFound(b);
          }
        }
        for (const s of swaps) {
          const [a, b] = s.indexes;
          const ia = indexes.get(a)!;
          const ib = indexes.get(b);
          indexes.delete(a);
          indexes.delete(b);
          indexes.set(b, { ...ia, uid: b });
          if (ib && !s.rename) indexes.set(a, { ...ib, uid: a });
        }
        return null;
      });
      return;
    }

    if (parts[0] !== "indexes") {
      send(res, 404, apiError(`Not found: ${url.pathname}`, "not_found"));
      return;
    }

    // /indexes
    if (parts.length === 1) {
      if (method === "GET") {
        const all = [...indexes.values()].map(indexView);
        const offset = Number(url.searchParams.get("offset") ?? 0);
        const limit = Number(url.searchParams.get("limit") ?? 20);
        send(res, 200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length });
        return;
      }
      if (method === "POST") {
        const { uid, primaryKey } = (body ?? {}) as { uid?: string; primaryKey?: string };
        if (!uid) {
          send(res, 400, apiError("Missing uid", "missing_index_uid"));
          return;
        }
        enqueue(res, request, "indexCreation", uid, () => {
          if (indexes.has(uid)) return apiError(`Index \`${uid}\` already exists.`, "index_already_exists");
          indexes.set(uid, newIndex(uid, primaryKey ?? null));
          return null;
        });
        return;
      }
    }

    const uid = parts[1]!;
    const rest = parts.slice(2);

    if (rest.length === 0) {
      if (method === "GET") {
        const ix = indexes.get(uid);
        if (ix) send(res, 200, indexView(ix));
        else send(res, 404, notFound(uid));
        return;
      }
      if (method === "DELETE") {
        enqueue(res, request, "indexDeletion", uid, () => (indexes.delete(uid) ? null : notFound(uid)));
        return;
      }
      if (method === "PATCH") {
        const { primaryKey } = (body ?? {}) as { primaryKey?: string };
        enqueue(res, request, "indexUpdate", uid, () => {
          const ix = indexes.get(uid);
          if (!ix) return notFound(uid);
          if (primaryKey) ix.primaryKey = primaryKey;
          return null;
        });
        return;
      }
    }

    if (rest[0] === "search" && (method === "POST" || method === "GET")) {
      if (!indexes.has(uid) && !searchResponses.has(uid) && !searchResponses.has("*")) {
        send(res, 404, notFound(uid));
        return;
      }
      const canned = searchResponses.get(uid) ?? searchResponses.get("*") ?? { hits: [] };
      const q = (body as { q?: string } | undefined)?.q ?? url.searchParams.get("q") ?? "";
      const b = (body ?? {}) as { limit?: number; offset?: number };
      send(res, 200, {
        hits: canned.hits,
        query: q,
        processingTimeMs: canned.processingTimeMs ?? 1,
        limit: b.limit ?? 20,
        offset: b.offset ?? 0,
        estimatedTotalHits: canned.estimatedTotalHits ?? canned.hits.length,
        ...(canned.facetDistribution ? { facetDistribution: canned.facetDistribution } : {}),
        ...(canned.facetStats ? { facetStats: canned.facetStats } : {}),
      });
      return;
    }

    if (rest[0] === "settings") {
      if (method === "GET") {
        const ix = indexes.get(uid);
        if (ix) send(res, 200, ix.settings);
        else send(res, 404, notFound(uid));
        return;
      }
      const sub = rest[1];
      enqueue(res, request, "settingsUpdate", uid, () => {
        let ix = indexes.get(uid);
        if (!ix) {
          // Like Meilisearch, a settings update creates a missing index.
          ix = newIndex(uid, null);
          indexes.set(uid, ix);
        }
        if (method === "DELETE") {
          if (sub) delete ix.settings[sub];
          else ix.settings = {};
        } else if (sub) {
          ix.settings[sub] = body;
        } else {
          ix.settings = { ...ix.settings, ...(body as Record<string, unknown>) };
        }
        return null;
      });
      return;
    }

    if (rest[0] === "documents") {
      if (method === "GET" && rest.length === 1) {
        const ix = indexes.get(uid);
        if (!ix) {
          send(res, 404, notFound(uid));
          return;
        }
        const all = [...ix.documents.values()];
        send(res, 200, { results: all, offset: 0, limit: all.length, total: all.length });
        return;
      }
      if (method === "GET" && rest.length === 2) {
        const ix = indexes.get(uid);
        const doc = ix?.documents.get(rest[1]!);
        if (!ix) send(res, 404, notFound(uid));
        else if (!doc) send(res, 404, apiError(`Document \`${rest[1]}\` not found.`, "document_not_found"));
        else send(res, 200, doc);
        return;
      }
      if ((method === "POST" || method === "PUT") && rest.length === 1) {
        const docs = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
        const pk = request.query.primaryKey;
        enqueue(res, request, "documentAdditionOrUpdate", uid, () => {
          let ix = indexes.get(uid);
          if (!ix) {
            ix = newIndex(uid, pk ?? null);
            indexes.set(uid, ix);
          }
          const key = pk ?? primaryKeyOf(ix, docs);
          if (!key) return apiError("The primary key inference failed.", "index_primary_key_no_candidate_found");
          ix.primaryKey ??= key;
          for (const d of docs) {
            const id = String(d[key]);
            ix.documents.set(id, method === "PUT" ? { ...ix.documents.get(id), ...d } : d);
          }
          return null;
        });
        return;
      }
      if (method === "DELETE" && rest.length === 2) {
        const id = rest[1]!;
        enqueue(res, request, "documentDeletion", uid, () => {
          const ix = indexes.get(uid);
          if (!ix) return notFound(uid);
          ix.documents.delete(id);
          return null;
        });
        return;
      }
      if (method === "DELETE" && rest.length === 1) {
        enqueue(res, request, "documentDeletion", uid, () => {
          const ix = indexes.get(uid);
          if (!ix) return notFound(uid);
          ix.documents.clear();
          return null;
        });
        return;
      }
      if (method === "POST" && rest[1] === "delete-batch") {
        const ids = Array.isArray(body) ? (body as (string | number)[]) : [];
        enqueue(res, request, "documentDeletion", uid, () => {
          const ix = indexes.get(uid);
          if (!ix) return notFound(uid);
          for (const id of ids) ix.documents.delete(String(id));
          return null;
        });
        return;
      }
      if (method === "POST" && rest[1] === "delete") {
        // Deletion by filter: recorded, not evaluated.
        enqueue(res, request, "documentDeletion", uid, () => (indexes.has(uid) ? null : notFound(uid)));
        return;
      }
    }

    send(res, 404, apiError(`Not found: ${method} ${url.pathname}`, "not_found"));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, apiError(String(err), "internal", "internal"));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) {
        resolve();
        return;
      }
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      sockets.clear();
    });

  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    requests,
    calls: () => requests.filter((r) => !r.path.startsWith("/tasks/") && r.path !== "/health"),
    indexes: () => [...indexes.keys()].sort(),
    documents: (uid) => {
      const ix = indexes.get(uid);
      return ix ? [...ix.documents.values()] : undefined;
    },
    settings: (uid) => indexes.get(uid)?.settings,
    seedIndex: (uid, documents = [], primaryKey = "id") => {
      const ix = newIndex(uid, primaryKey);
      for (const d of documents) ix.documents.set(String(d[primaryKey]), d);
      indexes.set(uid, ix);
    },
    setPollsBeforeDone: (n) => {
      pollsBeforeDone = n;
    },
    failNextTask: (error) => {
      failNext = { ...apiError("Internal error (fake)", "internal", "internal"), ...error };
    },
    failTasksWhere: (matcher, error) => {
      failWhere = matcher ? { matcher, error: { ...apiError("Internal error (fake)", "internal", "internal"), ...error } } : null;
    },
    hangTasks: (on = true) => {
      hang = on;
    },
    answer500: (on = true) => {
      fail500 = on;
    },
    setSearchResponse: (uid, response) => {
      searchResponses.set(uid, response);
    },
    refuseConnections: stop,
    acceptConnections: () => (server.listening ? Promise.resolve() : listen(port)),
    clearRequests: () => {
      requests.length = 0;
    },
    close: stop,
  };
}
