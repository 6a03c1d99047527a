import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTask,
  type EnqueuedTaskPromise,
  type Index,
  type IndexSwap,
  type SearchParams as MeiliSearchParams,
  type Settings as MeiliSettings,
  type Task,
} from "meilisearch";
import {
  SearchEngineError,
  type BaseDocument,
  type EngineHealth,
  type IndexName,
  type IndexSettings,
  type SearchEngine,
  type SearchHit,
  type SearchParams,
  type SearchResult,
} from "./engine";
import { findGeoRadius, haversineMeters, toMeilisearchFilter } from "./filter";

/*
 * The Meilisearch adapter of `SearchEngine` (production; `MEILI_URL`, `MEILI_MASTER_KEY`).
 *
 * - Every write waits for its Meilisearch task (polling `GET /tasks/:uid`, bounded by
 *   `taskTimeoutMs`); a failed or canceled task becomes a `SearchEngineError("task_failed")`
 *   carrying the task's own error message; a task that does not finish in time becomes
 *   `SearchEngineError("timeout")`.
 * - Requests that cannot reach the server (refused, timed out, 5xx) become
 *   `SearchEngineError("unavailable")`; 4xx answers become `"invalid_request"` with
 *   Meilisearch's message.
 * - `applySettings` creates the index with primary key `id` if needed, then replaces the
 *   settings we manage; documents are only sent after that has succeeded.
 * - `reindex` builds `<index>_<timestamp>`, applies the settings, adds the documents, swaps
 *   it with the live index in one atomic `POST /swap-indexes`, then deletes the old one.
 * - Filters are the typed tree of `search/filter.ts`, serialised by `toMeilisearchFilter`
 *   (values quoted, `"` and `\` escaped); nothing from a user becomes filter syntax.
 * - `_geoDistance`: Meilisearch sets it only when sorting by `_geoPoint`; for a `_geoRadius`
 *   filter without such a sort the adapter computes it from the hit's `_geo` (haversine,
 *   metres, rounded), as the interface promises.
 */

export type MeilisearchEngineOptions = {
  /** Base URL of the Meilisearch server (`MEILI_URL`). */
  url: string;
  /** `MEILI_MASTER_KEY` or an API key with the needed actions; sent as `Authorization: Bearer`. */
  apiKey?: string;
  /**
   * Prefix for index uids (letters, digits, `-`, `_`): `candidates` lives in
   * `<prefix>_candidates`. Lets several environments or test runs share one server.
   */
  indexPrefix?: string;
  /** Longest wait for one task (ms). Default 60 000. */
  taskTimeoutMs?: number;
  /** Task polling interval (ms). Default 50. */
  taskPollIntervalMs?: number;
  /** Timeout of each HTTP request (ms). Default 10 000. */
  requestTimeoutMs?: number;
  /** Documents per add request. Default 5 000. */
  batchSize?: number;
  /** Clock for reindex index names (tests). */
  now?: () => number;
};

/** Settings keys the adapter manages (and copies on reindex when it has none in memory). */
const MANAGED_SETTINGS = [
  "searchableAttributes",
  "displayedAttributes",
  "filterableAttributes",
  "sortableAttributes",
  "synonyms",
  "typoTolerance",
  "rankingRules",
  "stopWords",
] as const satisfies readonly (keyof MeiliSettings)[];

const UID_PART = /^[A-Za-z0-9_-]+$/;

/** Makes a synonym map multi-way: whenever `a` lists `b`, `b` lists `a` too. Order is kept. */
export function bidirectionalSynonyms(synonyms: Record<string, string[]>): Record<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    const list = out.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    out.set(from, list);
  };
  for (const [word, list] of Object.entries(synonyms)) {
    if (!out.has(word)) out.set(word, []);
    for (const other of list) {
      add(word, other);
      add(other, word);
    }
  }
  return Object.fromEntries([...out].filter(([, list]) => list.length > 0));
}

/** The exact `PATCH /indexes/:uid/settings` body for our index settings. */
export function toMeilisearchSettings(settings: IndexSettings): MeiliSettings {
  const withAll = (list: string[], extra: string[]) => [...list, ...extra.filter((x) => !list.includes(x))];
  return {
    searchableAttributes: [...settings.searchableAttributes],
    displayedAttributes: settings.displayedAttributes ? [...settings.displayedAttributes] : ["*"],
    // `_geo` for _geoRadius / _geoPoint; `id` because the filter serialiser writes a filter that
    // matches nothing as `id IN []`, and Meilisearch rejects filters on non-filterable fields.
    filterableAttributes: withAll(settings.filterableAttributes, ["_geo", "id"]),
    sortableAttributes: withAll(settings.sortableAttributes, ["_geo"]),
    synonyms: bidirectionalSynonyms(settings.synonyms),
    typoTolerance: {
      enabled: settings.typoTolerance.enabled,
      minWordSizeForTypos: {
        oneTypo: settings.typoTolerance.minWordSizeForTypos.oneTypo,
        twoTypos: settings.typoTolerance.minWordSizeForTypos.twoTypos,
      },
      disableOnAttributes: settings.typoTolerance.disableOnAttributes ?? [],
    },
    rankingRules: [...settings.rankingRules],
    stopWords: settings.stopWords ? [...settings.stopWords] : [],
  };
}

/** The exact `POST /indexes/:uid/search` body for a query of the interface. */
export function toMeilisearchSearch(params: SearchParams): MeiliSearchParams {
  const body: MeiliSearchParams = { q: params.q ?? "" };
  const filter = toMeilisearchFilter(params.filter);
  if (filter !== undefined) body.filter = filter;
  if (params.sort && params.sort.length > 0) body.sort = [...params.sort];
  if (params.facets && params.facets.length > 0) body.facets = [...params.facets];
  if (params.limit !== undefined) body.limit = params.limit;
  if (params.offset !== undefined) body.offset = params.offset;
  if (params.showRankingScore) body.showRankingScore = true;
  if (params.showRankingScoreDetails) body.showRankingScoreDetails = true;
  if (params.attributesToRetrieve) {
    const attrs = params.attributesToRetrieve.includes("id")
      ? [...params.attributesToRetrieve]
      : ["id", ...params.attributesToRetrieve];
    // A radius filter without a _geoPoint sort: we compute _geoDistance from _geo ourselves.
    if (needsLocalGeoDistance(params) && !attrs.includes("_geo")) attrs.push("_geo");
    body.attributesToRetrieve = attrs;
  }
  if (params.matchingStrategy) body.matchingStrategy = params.matchingStrategy;
  return body;
}

function hasGeoPointSort(sort: string[] | undefined): boolean {
  return (sort ?? []).some((s) => s.trim().startsWith("_geoPoint("));
}

function needsLocalGeoDistance(params: SearchParams): boolean {
  return !hasGeoPointSort(params.sort) && findGeoRadius(params.filter) !== undefined;
}

type RawSearchResponse = {
  hits: Record<string, unknown>[];
  query?: string;
  limit?: number;
  offset?: number;
  estimatedTotalHits?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  processingTimeMs?: number;
};

/** Maps Meilisearch's search response to the interface's result. */
export function fromMeilisearchSearch<D extends BaseDocument>(
  params: SearchParams,
  raw: RawSearchResponse,
): SearchResult<D> {
  const radius = needsLocalGeoDistance(params) ? findGeoRadius(params.filter) : undefined;
  const stripGeo =
    radius !== undefined &&
    params.attributesToRetrieve !== undefined &&
    !params.attributesToRetrieve.includes("_geo");
  const hits = raw.hits.map((hit) => {
    const out: Record<string, unknown> = { ...hit };
    if (radius && typeof out._geoDistance !== "number") {
      const geo = out._geo as { lat?: unknown; lng?: unknown } | undefined;
      const lat = Number(geo?.lat);
      const lng = Number(geo?.lng);
      if (geo && Number.isFinite(lat) && Number.isFinite(lng)) {
        out._geoDistance = Math.round(haversineMeters(radius.lat, radius.lng, lat, lng));
      }
    }
    if (stripGeo) delete out._geo;
    return out as SearchHit<D>;
  });
  const result: SearchResult<D> = {
    hits,
    query: raw.query ?? params.q ?? "",
    limit: raw.limit ?? params.limit ?? 20,
    offset: raw.offset ?? params.offset ?? 0,
    estimatedTotalHits: raw.estimatedTotalHits ?? raw.totalHits ?? hits.length,
    processingTimeMs: raw.processingTimeMs ?? 0,
  };
  if (raw.facetDistribution) result.facetDistribution = raw.facetDistribution;
  return result;
}

/**
 * One pair for `POST /swap-indexes`: `{"indexes": [a, b]}`. The client's type asks for
 * `rename` (Meilisearch >= 1.18), but servers before 1.18 reject unknown fields, and a swap
 * without it is a plain swap everywhere; so it is left out.
 */
function swapPair(a: string, b: string): IndexSwap {
  return { indexes: [a, b] } as Omit<IndexSwap, "rename"> as IndexSwap;
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  let cur: unknown = error;
  for (let depth = 0; cur instanceof Error && depth < 4; depth++) {
    parts.push(cur.message);
    cur = cur.cause;
  }
  if (cur && typeof cur === "object" && "code" in cur) parts.push(String((cur as { code: unknown }).code));
  return parts.join(": ");
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  readonly client: Meilisearch;
  readonly #url: string;
  readonly #prefix: string;
  readonly #taskTimeoutMs: number;
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #now: () => number;
  readonly #settings = new Map<IndexName, IndexSettings>();

  constructor(options: MeilisearchEngineOptions) {
    if (options.indexPrefix !== undefined && options.indexPrefix !== "" && !UID_PART.test(options.indexPrefix)) {
      throw new Error(`indexPrefix may only hold letters, digits, "-" and "_": ${options.indexPrefix}`);
    }
    this.#url = options.url;
    this.#prefix = options.indexPrefix ?? "";
    this.#taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.#pollMs = options.taskPollIntervalMs ?? 50;
    this.#batchSize = options.batchSize ?? 5_000;
    this.#now = options.now ?? Date.now;
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 10_000,
      defaultWaitOptions: { timeout: this.#taskTimeoutMs, interval: this.#pollMs },
      clientAgents: ["Werkbrug"],
    });
  }

  /** From `MEILI_URL` / `MEILI_MASTER_KEY` (undefined when `MEILI_URL` is unset). */
  static fromEnv(
    env: Record<string, string | undefined> = process.env,
    options: Partial<MeilisearchEngineOptions> = {},
  ): MeilisearchEngine | undefined {
    if (!env.MEILI_URL) return undefined;
    return new MeilisearchEngine({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY || undefined, ...options });
  }

  /** The Meilisearch index uid of one of our indexes. */
  indexUid(index: IndexName): string {
    return this.#prefix ? `${this.#prefix}_${index}` : index;
  }

  // -------------------------------------------------------------------------
  // Errors and tasks

  #error(what: string, error: unknown): SearchEngineError {
    if (error instanceof SearchEngineError) return error;
    if (error instanceof MeilisearchTaskTimeOutError) {
      return new SearchEngineError(
        `Meilisearch: ${what}: taak ${error.cause.taskUid} niet klaar binnen ${error.cause.timeout} ms`,
        "timeout",
        { cause: error },
      );
    }
    if (error instanceof MeilisearchRequestError) {
      return new SearchEngineError(
        `Meilisearch niet bereikbaar op ${this.#url} (${what}): ${describeCause(error.cause)}`,
        "unavailable",
        { cause: error },
      );
    }
    if (error instanceof MeilisearchApiError) {
      const status = error.response.status;
      const code = error.cause?.code ? ` [${error.cause.code}]` : "";
      return new SearchEngineError(
        `Meilisearch: ${what}: ${error.message}${code} (HTTP ${status})`,
        status >= 500 ? "unavailable" : "invalid_request",
        { cause: error },
      );
    }
    if (error instanceof MeilisearchError) {
      return new SearchEngineError(`Meilisearch: ${what}: ${error.message}`, "unavailable", { cause: error });
    }
    return new SearchEngineError(`Meilisearch: ${what}: ${describeCause(error)}`, "unavailable", {
      cause: error,
    });
  }

  async #call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw this.#error(what, error);
    }
  }

  /** Waits for the task; a failed or canceled task becomes an error with the task's message. */
  async #wait(what: string, enqueued: EnqueuedTaskPromise | Promise<Task>): Promise<Task> {
    const task = await this.#call(what, () =>
      "waitTask" in enqueued ? enqueued.waitTask({ timeout: this.#taskTimeoutMs, interval: this.#pollMs }) : enqueued,
    );
    if (task.status !== "succeeded") {
      const reason = task.error
        ? `${task.error.message} [${task.error.code}]`
        : `status ${task.status}`;
      throw new SearchEngineError(
        `Meilisearch: ${what}: taak ${task.uid} (${task.type}) mislukt: ${reason}`,
        "task_failed",
        { cause: task },
      );
    }
    return task;
  }

  /**
   * Enqueues the tasks one after the other (so their order, and with it last-write-wins for a
   * document sent twice, is the order given), then waits for each; Meilisearch batches them.
   */
  async #waitAll(what: string, starts: Array<() => EnqueuedTaskPromise>): Promise<void> {
    const enqueued: EnqueuedTask[] = [];
    for (const start of starts) enqueued.push(await this.#call(what, () => start()));
    for (const task of enqueued) {
      await this.#wait(what, this.client.tasks.waitForTask(task, { timeout: this.#taskTimeoutMs, interval: this.#pollMs }));
    }
  }

  #index(uid: string): Index<Record<string, unknown>> {
    return this.client.index<Record<string, unknown>>(uid);
  }

  async #exists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return false;
      throw this.#error(`index ${uid} opvragen`, error);
    }
  }

  async #createIndex(uid: string): Promise<void> {
    await this.#wait(`index ${uid} aanmaken`, this.client.createIndex(uid, { primaryKey: "id" }));
  }

  async #putSettings(uid: string, settings: MeiliSettings): Promise<void> {
    await this.#wait(`instellingen van ${uid}`, this.#index(uid).updateSettings(settings));
  }

  async #addDocuments(uid: string, docs: readonly Record<string, unknown>[]): Promise<void> {
    const starts: Array<() => EnqueuedTaskPromise> = [];
    for (let i = 0; i < docs.length; i += this.#batchSize) {
      const batch = docs.slice(i, i + this.#batchSize);
      starts.push(() => this.#index(uid).addDocuments(batch, { primaryKey: "id" }));
    }
    await this.#waitAll(`documenten toevoegen aan ${uid}`, starts);
  }

  // -------------------------------------------------------------------------
  // SearchEngine

  async applySettings(index: IndexName, settings: IndexSettings): Promise<void> {
    const uid = this.indexUid(index);
    if (!(await this.#exists(uid))) await this.#createIndex(uid);
    await this.#putSettings(uid, toMeilisearchSettings(settings));
    this.#settings.set(index, settings);
  }

  async upsertDocuments<D extends BaseDocument>(index: IndexName, docs: D[]): Promise<void> {
    if (docs.length === 0) return;
    await this.#addDocuments(this.indexUid(index), docs);
  }

  async deleteDocuments(index: IndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const uid = this.indexUid(index);
    await this.#wait(`documenten verwijderen uit ${uid}`, this.#index(uid).deleteDocuments(ids));
  }

  async clear(index: IndexName): Promise<void> {
    const uid = this.indexUid(index);
    await this.#wait(`index ${uid} leegmaken`, this.#index(uid).deleteAllDocuments());
  }

  async getDocument<D extends BaseDocument>(index: IndexName, id: string): Promise<D | null> {
    const uid = this.indexUid(index);
    try {
      return await this.#index(uid).getDocument<D>(encodeURIComponent(id));
    } catch (error) {
      const code = error instanceof MeilisearchApiError ? error.cause?.code : undefined;
      if (code === "document_not_found" || code === "index_not_found") return null;
      throw this.#error(`document ${id} uit ${uid} opvragen`, error);
    }
  }

  async search<D extends BaseDocument>(index: IndexName, params: SearchParams): Promise<SearchResult<D>> {
    const uid = this.indexUid(index);
    const body = toMeilisearchSearch(params);
    const { q, ...options } = body;
    const raw = await this.#call(`zoeken in ${uid}`, () => this.#index(uid).search(q, options));
    return fromMeilisearchSearch<D>(params, raw as unknown as RawSearchResponse);
  }

  async reindex<D extends BaseDocument>(index: IndexName, docs: D[]): Promise<void> {
    await this.reindexFrom(index, [docs]);
  }

  /**
   * Rebuilds an index from batches of documents (an array or an async generator reading the
   * database page by page): new index `<uid>_<timestamp>`, settings, documents, one atomic
   * swap with the live index, then the old index is deleted. Searches see the old documents
   * until the swap and the new ones after it. On failure before the swap the new index is
   * deleted again and the live index is untouched.
   */
  async reindexFrom<D extends BaseDocument>(
    index: IndexName,
    batches: Iterable<D[]> | AsyncIterable<D[]>,
    settings?: IndexSettings,
  ): Promise<{ uid: string; temporaryUid: string; documents: number }> {
    const live = this.indexUid(index);
    const temporary = `${live}_${this.#now()}`;
    const liveExists = await this.#exists(live);
    const meiliSettings = await this.#settingsForReindex(index, live, liveExists, settings);

    let documents = 0;
    let swapped = false;
    await this.#createIndex(temporary);
    try {
      await this.#putSettings(temporary, meiliSettings);
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        await this.#addDocuments(temporary, batch);
        documents += batch.length;
      }
      if (!liveExists) {
        // First build: an empty live index to swap with, so one code path works on every
        // Meilisearch v1.x (renaming through a swap needs v1.18).
        await this.#createIndex(live);
        await this.#putSettings(live, meiliSettings);
      }
      await this.#wait(`${temporary} omwisselen met ${live}`, this.client.swapIndexes([swapPair(temporary, live)]));
      swapped = true;
    } finally {
      if (!swapped) {
        await this.#wait(`${temporary} opruimen`, this.client.deleteIndex(temporary)).catch(() => undefined);
      }
    }
    // After the swap the temporary name holds the old documents.
    await this.#wait(`oude index ${temporary} verwijderen`, this.client.deleteIndex(temporary));
    if (settings) this.#settings.set(index, settings);
    return { uid: live, temporaryUid: temporary, documents };
  }

  async #settingsForReindex(
    index: IndexName,
    live: string,
    liveExists: boolean,
    given: IndexSettings | undefined,
  ): Promise<MeiliSettings> {
    const known = given ?? this.#settings.get(index);
    if (known) return toMeilisearchSettings(known);
    if (!liveExists) {
      throw new SearchEngineError(
        `Meilisearch: herindexeren van ${live}: geen instellingen bekend en er is nog geen index om ze van over te nemen (eerst applySettings)`,
        "invalid_request",
      );
    }
    const current = await this.#call(`instellingen van ${live} opvragen`, () => this.#index(live).getSettings());
    const copy: MeiliSettings = {};
    for (const key of MANAGED_SETTINGS) {
      if (current[key] !== undefined) (copy as Record<string, unknown>)[key] = current[key];
    }
    return copy;
  }

  async health(): Promise<EngineHealth> {
    try {
      const { status } = await this.client.health();
      return status === "available"
        ? { ok: true, engine: "meilisearch" }
        : { ok: false, engine: "meilisearch", detail: `status ${String(status)}` };
    } catch (error) {
      return { ok: false, engine: "meilisearch", detail: this.#error("health", error).message };
    }
  }
}
