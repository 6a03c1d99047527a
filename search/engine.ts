import type { Filter } from "./filter";

/*
 * One search-engine interface for Werkbrug, shaped after Meilisearch's concepts, with two
 * adapters: Meilisearch (production, `search/meilisearch*.ts`) and the embedded in-process
 * engine (`search/embedded.ts`, default when MEILI_URL is unset): MiniSearch for the text,
 * its own columns for filters, facets, sort and geo.
 *
 * Contract (checked by `runEngineContract` in `search/contract.ts` for every adapter):
 * - Every document has a string primary key `id`; an optional geo point `_geo: {lat, lng}`.
 * - `applySettings` comes before documents; it replaces the index's settings as a whole.
 * - Filters are the typed tree of `search/filter.ts` (never a string from a user); the
 *   Meilisearch adapter serialises it with `toMeilisearchFilter`.
 * - `sort` uses Meilisearch's syntax: `"field:asc"`, `"field:desc"`,
 *   `"_geoPoint(52.5,5.4):asc"`. Without sort, hits come by relevance (`_rankingScore` desc).
 * - `_geoDistance` (metres, rounded) is set on hits whenever the filter has a `_geoRadius`
 *   or the sort has a `_geoPoint`.
 * - `_rankingScore` is in [0, 1] when `showRankingScore` is true (1 for an empty query).
 * - All writes are awaited: when the promise resolves the change is searchable.
 * - `reindex` replaces the whole index atomically: searches see either the old documents or
 *   the new ones, never a mix or an empty index.
 * - The browser never talks to an engine. The server restricts what is returned with
 *   `attributesToRetrieve` (e.g. employers never receive the coach-only fields of a candidate).
 */

export const INDEX_NAMES = ["candidates", "vacancies"] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

export type GeoPoint = { lat: number; lng: number };

export type BaseDocument = { id: string; _geo?: GeoPoint } & Record<string, unknown>;

export type RankingRule =
  | "words"
  | "typo"
  | "proximity"
  | "attribute"
  | "sort"
  | "exactness"
  | `${string}:asc`
  | `${string}:desc`;

export type TypoTolerance = {
  enabled: boolean;
  /** Meilisearch defaults: one typo from 5 characters, two typos from 9. */
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  /** Attributes matched exactly (no typos), e.g. codes. */
  disableOnAttributes?: string[];
};

export type IndexSettings = {
  /** Always "id". */
  primaryKey: "id";
  /** In order of importance: a match in an earlier attribute ranks higher. */
  searchableAttributes: string[];
  /** What a search may return at most; the server narrows it further per role. */
  displayedAttributes?: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  /** Multi-way synonyms: every word of a group maps to the others (as Meilisearch stores them). */
  synonyms: Record<string, string[]>;
  typoTolerance: TypoTolerance;
  rankingRules: RankingRule[];
  stopWords?: string[];
};

export type SearchParams = {
  q?: string;
  filter?: Filter;
  /** Meilisearch sort syntax, e.g. `["_geoPoint(52.5,5.4):asc", "publishedAt:desc"]`. */
  sort?: string[];
  facets?: string[];
  limit?: number;
  offset?: number;
  showRankingScore?: boolean;
  showRankingScoreDetails?: boolean;
  /** Only these attributes on each hit (`id` always included). Omit for all displayed ones. */
  attributesToRetrieve?: string[];
  /** As Meilisearch: "last" (default) drops trailing words until something matches; "all" needs every word. */
  matchingStrategy?: "last" | "all";
};

export type RankingScoreDetails = Record<string, { order: number; score?: number } & Record<string, unknown>>;

export type SearchHit<D extends BaseDocument = BaseDocument> = D & {
  _rankingScore?: number;
  _rankingScoreDetails?: RankingScoreDetails;
  /** Metres from the `_geoRadius` / `_geoPoint` point. */
  _geoDistance?: number;
};

export type FacetDistribution = Record<string, Record<string, number>>;

export type SearchResult<D extends BaseDocument = BaseDocument> = {
  hits: SearchHit<D>[];
  query: string;
  limit: number;
  offset: number;
  estimatedTotalHits: number;
  facetDistribution?: FacetDistribution;
  processingTimeMs: number;
};

export type EngineHealth = { ok: boolean; engine: "embedded" | "meilisearch"; detail?: string };

export interface SearchEngine {
  readonly kind: "embedded" | "meilisearch";
  applySettings(index: IndexName, settings: IndexSettings): Promise<void>;
  /** Adds or replaces documents by `id`. */
  upsertDocuments<D extends BaseDocument>(index: IndexName, docs: D[]): Promise<void>;
  deleteDocuments(index: IndexName, ids: string[]): Promise<void>;
  /** Removes every document (settings stay). */
  clear(index: IndexName): Promise<void>;
  getDocument<D extends BaseDocument>(index: IndexName, id: string): Promise<D | null>;
  search<D extends BaseDocument>(index: IndexName, params: SearchParams): Promise<SearchResult<D>>;
  /** Replaces all documents at once (Meilisearch: new index + swap; embedded: build then swap). */
  reindex<D extends BaseDocument>(index: IndexName, docs: D[]): Promise<void>;
  health(): Promise<EngineHealth>;
}

export class SearchEngineError extends Error {
  constructor(
    message: string,
    readonly code: "unavailable" | "invalid_request" | "timeout" | "task_failed",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SearchEngineError";
  }
}

/** Meilisearch's word-length rule for typos. */
export const DEFAULT_TYPO_TOLERANCE: TypoTolerance = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
};

export const DEFAULT_RANKING_RULES: RankingRule[] = [
  "words",
  "typo",
  "proximity",
  "attribute",
  "sort",
  "exactness",
];

/** Parses `"_geoPoint(52.5, 5.4):asc"`; undefined for other sort rules. */
export function parseGeoSort(rule: string): { lat: number; lng: number; direction: "asc" | "desc" } | undefined {
  const m = /^_geoPoint\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\):(asc|desc)$/.exec(rule.trim());
  if (!m) return undefined;
  return { lat: Number(m[1]), lng: Number(m[2]), direction: m[3] as "asc" | "desc" };
}

/** Builds `"_geoPoint(lat,lng):asc"`. */
export function geoSort(lat: number, lng: number, direction: "asc" | "desc" = "asc"): string {
  return `_geoPoint(${lat},${lng}):${direction}`;
}

/** Parses `"field:asc"`; undefined for geo rules or malformed ones. */
export function parseFieldSort(rule: string): { field: string; direction: "asc" | "desc" } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_.]*):(asc|desc)$/.exec(rule.trim());
  if (!m) return undefined;
  return { field: m[1]!, direction: m[2] as "asc" | "desc" };
}
