import {
  parseFieldSort,
  parseGeoSort,
  SearchEngineError,
  type BaseDocument,
  type EngineHealth,
  type FacetDistribution,
  type IndexName,
  type IndexSettings,
  type RankingScoreDetails,
  type SearchEngine,
  type SearchHit,
  type SearchParams,
  type SearchResult,
} from "./engine";
import {
  EARTH_RADIUS_M,
  findGeoRadius,
  haversineMeters,
  matchesFilter,
  type Filter,
  type FilterScalar,
} from "./filter";
import MiniSearch, { type Query as TextQuery, type SearchResult as TextResult } from "minisearch";
import { compoundParts, editDistance, stem, tokenize, typoBudget, words as wordsOf } from "./text";

/*
 * The embedded search engine: in-process, behind the same SearchEngine interface as
 * Meilisearch, with Meilisearch's semantics. Built for tens of thousands of documents on a
 * small machine: nothing is copied or sorted beyond what a page needs.
 *
 * Storage (one index):
 * - Documents are kept once, by reference, in a slot array (`id` → slot). A replaced document
 *   gets a new insertion number (ties rank in insertion order, as before).
 * - Text: MiniSearch (`minisearch`), with the slot as its document id. Per searchable attribute
 *   i two fields: `t<i>` (the attribute's text, tokenised with `words` and normalised with the
 *   Dutch word-form normalisation `stem` of search/text.ts as processTerm) and `p<i>` (the
 *   compound parts of its long words, split on the words the synonyms know:
 *   "vorkheftruckchauffeur" also indexes "heftruck" and "chauffeur"). Field boosts follow the
 *   order of `searchableAttributes`. A removed or replaced document is `discard`ed (MiniSearch
 *   vacuums in the background).
 * - Filterable and sortable attributes: our own columns per attribute (a type tag per slot,
 *   numbers and booleans in a Float64Array, strings as dictionary ids, string arrays in a
 *   shared pool) and the geo point in two Float64Arrays with an index of cells (0.05° square). A filter
 *   tree is compiled once per search into predicates over those columns with exactly
 *   `matchesFilter`'s semantics (values of an unusual shape fall back to `matchesFilter` on the
 *   document itself); `_geoRadius` checks a latitude/longitude box before the haversine.
 * - Facets are counted over the matching slots from the columns; ranking keeps only the top
 *   `offset + limit` with a bounded heap; only the page is projected (copied).
 *
 * A text query is one MiniSearch query tree: per query word its form with `fuzzy` (the word's
 * typo budget in Levenshtein edits) and its letter-swap variants (a swap of two letters is one
 * typo for Meilisearch, two edits for Levenshtein; see `swapVariants`), `prefix` on the last
 * word unless the query ends with a space, OR its synonyms (multi-word ones as AND); the words
 * combined with AND for matching strategy "all", else OR. MiniSearch's `boostDocument` returns
 * 0 for documents outside the filter and for word forms beyond the typo budget, so those never
 * become results. The ranking does not use MiniSearch's BM25 score: from each result's match
 * info (word form → fields) the engine derives Meilisearch's ranking values per document and
 * applies the ranking rules. A narrow filter over common words skips MiniSearch: the same
 * values come from the word forms kept per document (see `textMatches`).
 *
 * Query semantics: Meilisearch's ranking rules in the settings' order (words, typo, attribute,
 * sort, exactness, custom `field:asc|desc`), typo tolerance by word length (0 typos under 5
 * characters, 1 from 5, 2 from 9; a typo on the first letter counts twice; letters swapped
 * count as one), prefix search on the last query word (every completion), synonyms
 * (multi-way, multi-word; a one-word synonym within a query word's typo budget counts too),
 * matching strategy `last`/`all`, facets, `_geoDistance` and geo sort, pagination.
 *
 * Orama (@orama/orama) held the text and filter indexes first and a hand-written posting-list
 * index after it; see docs/decisions/002-search-engine.md for the measured reasons.
 */

type Slot = {
  /** The query word as typed (normalised). */
  word: string;
  /** Alternatives: each a phrase (all tokens must be present) with its typo cost and exactness. */
  alternatives: Array<{ tokens: string[]; typos: number; exact: boolean }>;
};

/** Attribute index in a match key (searchable attributes beyond 63 rank as the 64th). */
const MAX_ATTRIBUTE = 63;
const NO_KEY = 0xffff;
/** A cell of the geo index: this many degrees of latitude by as many of longitude (≈ 5.6 × 3.4 km here). */
const GEO_CELL = 0.05;
const GEO_COLUMNS = Math.round(360 / GEO_CELL);

/**
 * Half the height and width (degrees) of a box that holds every point within the radius, with
 * a margin for rounding: points outside it are never within the radius (haversine, as
 * `matchesFilter`). The width is unbounded when the circle reaches a pole.
 */
function geoBox(radius: { lat: number; distanceMeters: number }): {
  latMargin: number;
  lngMargin: number;
} {
  const r = radius.distanceMeters / EARTH_RADIUS_M;
  const toRad = Math.PI / 180;
  const latMargin = (r / toRad) * 1.000001 + 1e-9;
  const cosLat = Math.cos(radius.lat * toRad);
  const lngMargin =
    r < Math.PI / 2 && Math.sin(r) < cosLat * 0.999999
      ? (Math.asin(Math.sin(r) / cosLat) / toRad) * 1.000001 + 1e-9
      : Infinity;
  return { latMargin, lngMargin };
}

/** The key of a geo cell: its latitude row and its longitude column (around the globe). */
function geoCell(row: number, column: number): number {
  return row * GEO_COLUMNS + (((column % GEO_COLUMNS) + GEO_COLUMNS) % GEO_COLUMNS);
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  if (!path.includes(".")) return doc[path];
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(textOf).join(" \n ");
  if (typeof value === "object")
    return Object.values(value as Record<string, unknown>)
      .map(textOf)
      .join(" ");
  return String(value);
}

function grow<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(
  array: T,
  size: number,
  fill?: number,
): T {
  if (array.length >= size) return array;
  let length = Math.max(16, array.length);
  while (length < size) length *= 2;
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

// ---------------------------------------------------------------------------
// Columns

const T_UNDEF = 0;
const T_NULL = 1;
const T_NUM = 2; // finite number
const T_BOOL = 3;
const T_STR = 4;
const T_STRS = 5; // array of strings only (possibly empty)
const T_OTHER = 6; // anything else: predicates fall back to the document

/** Strings of one attribute: raw values (facets) and their lowercase forms (filters). */
class Dictionary {
  private readonly rawIds = new Map<string, number>();
  readonly raw: string[] = [];
  rawToLower = new Int32Array(16);
  private readonly lowerIds = new Map<string, number>();

  id(value: string): number {
    let id = this.rawIds.get(value);
    if (id === undefined) {
      id = this.raw.length;
      this.raw.push(value);
      this.rawIds.set(value, id);
      const lower = value.toLowerCase();
      let lid = this.lowerIds.get(lower);
      if (lid === undefined) {
        lid = this.lowerIds.size;
        this.lowerIds.set(lower, lid);
      }
      this.rawToLower = grow(this.rawToLower, id + 1);
      this.rawToLower[id] = lid;
    }
    return id;
  }

  rawId(value: string): number {
    return this.rawIds.get(value) ?? -1;
  }

  /** The id of the lowercase form of `value`, or -1 when no stored string has it. */
  lowerId(value: string): number {
    return this.lowerIds.get(value.toLowerCase()) ?? -1;
  }

  get lowerCount(): number {
    return this.lowerIds.size;
  }
}

class Column {
  tag = new Uint8Array(16);
  /** T_NUM: the number; T_BOOL: 1 or 0; T_STR: the raw string id. */
  num = new Float64Array(16);
  /** T_STRS: a range of raw string ids in `pool`. */
  start = new Int32Array(16);
  count = new Int32Array(16);
  pool = new Int32Array(64);
  poolUsed = 0;
  poolGarbage = 0;
  readonly dict = new Dictionary();

  constructor(readonly field: string) {}

  ensure(capacity: number) {
    this.tag = grow(this.tag, capacity);
    this.num = grow(this.num, capacity);
    this.start = grow(this.start, capacity);
    this.count = grow(this.count, capacity);
  }

  set(slot: number, value: unknown) {
    this.clear(slot);
    if (value === undefined) return;
    if (value === null) {
      this.tag[slot] = T_NULL;
    } else if (typeof value === "number") {
      if (Number.isFinite(value)) {
        this.tag[slot] = T_NUM;
        this.num[slot] = value;
      } else this.tag[slot] = T_OTHER;
    } else if (typeof value === "boolean") {
      this.tag[slot] = T_BOOL;
      this.num[slot] = value ? 1 : 0;
    } else if (typeof value === "string") {
      this.tag[slot] = T_STR;
      this.num[slot] = this.dict.id(value);
    } else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      this.tag[slot] = T_STRS;
      if (this.poolUsed + value.length > this.pool.length) this.compact(value.length);
      this.start[slot] = this.poolUsed;
      this.count[slot] = value.length;
      for (const v of value as string[]) this.pool[this.poolUsed++] = this.dict.id(v);
    } else {
      this.tag[slot] = T_OTHER;
    }
  }

  clear(slot: number) {
    if (this.tag[slot] === T_STRS) this.poolGarbage += this.count[slot]!;
    this.tag[slot] = T_UNDEF;
    this.count[slot] = 0;
  }

  /** Makes room for `extra` more ids: drops unused ranges, grows the pool if still needed. */
  private compact(extra: number) {
    const live = this.poolUsed - this.poolGarbage;
    let size = this.pool.length;
    while (size < (live + extra) * 2) size *= 2;
    const next = new Int32Array(size);
    let used = 0;
    for (let slot = 0; slot < this.tag.length; slot++) {
      if (this.tag[slot] !== T_STRS) continue;
      const s = this.start[slot]!;
      const n = this.count[slot]!;
      next.set(this.pool.subarray(s, s + n), used);
      this.start[slot] = used;
      used += n;
    }
    this.pool = next;
    this.poolUsed = used;
    this.poolGarbage = 0;
  }
}

// ---------------------------------------------------------------------------
// Posting lists

type Postings = { list: Int32Array; n: number };

/** What the text index (MiniSearch) holds per document: per searchable attribute its text and its compound parts. */
type TextDocument = { id: number } & Record<string, string | number>;

/** How a word form of a document satisfies query words: per query word, typo cost and exactness. */
type TermUse = { slot: number; typos: number; exact: boolean };

/** The documents a text query matches with their ranking values (parallel arrays, `n` used). */
type TextMatches = {
  queryWords: number;
  /** With a filter: the share of the documents the words touched that passed it. */
  passRate: number;
  n: number;
  matched: Int32Array;
  words: Uint8Array;
  typos: Uint16Array;
  attribute: Uint8Array;
  exact: Uint8Array;
};

/** At most this many queries' text matches are kept, and at most this many matches in all (≈ 9 bytes each). */
const TEXT_CACHE_QUERIES = 256;
const TEXT_CACHE_ENTRIES = 1_000_000;
/**
 * A query text is kept from its second search on if a filter let through at least this share
 * of the documents its words touched, else from its third: for a narrow filter (a matcher's
 * hard constraints and radius keep a few percent) the filter inside MiniSearch, skipping the
 * rest, is much cheaper than working out every match once, which pays only for a text that
 * keeps coming back.
 */
const TEXT_CACHE_MIN_PASS_RATE = 0.25;
/**
 * A filtered text query whose words MiniSearch would read more postings for than this (a
 * common word and its synonyms run to tens of thousands) is matched against the word forms of
 * the documents the filter lets through (about 20 to 40 each) when those are fewer than the
 * postings and at most DIRECT_TEXT_MAX_DOCUMENTS; else MiniSearch runs with the filter inside
 * (a rare word: few postings).
 */
const DIRECT_TEXT_MIN_POSTINGS = 1_000;
const DIRECT_TEXT_MAX_DOCUMENTS = 10_000;
/** At most this many narrow filters' text matches are kept, and this many matches in all. */
const FILTERED_TEXT_CACHE_QUERIES = 256;
const FILTERED_TEXT_CACHE_ENTRIES = 500_000;

/** How a filtered text query is matched: chosen per query, or always one way (for tests). */
export type TextPath = "auto" | "postings" | "documents";

type Predicate = (slot: number) => boolean;

/**
 * Text matches kept until the index changes: at most `maxQueries` of them and `maxEntries`
 * matches in all, the least recently used going first.
 */
class KeptTextMatches {
  private readonly kept = new Map<string, TextMatches>();
  private entries = 0;

  constructor(
    private readonly maxQueries: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string): TextMatches | undefined {
    const hit = this.kept.get(key);
    if (hit) {
      // most recently used last
      this.kept.delete(key);
      this.kept.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: TextMatches) {
    const old = this.kept.get(key);
    if (old) this.entries -= old.n;
    this.kept.delete(key);
    this.kept.set(key, value);
    this.entries += value.n;
    for (const [oldKey, oldValue] of this.kept) {
      if (this.kept.size <= this.maxQueries && this.entries <= this.maxEntries) break;
      if (oldKey === key) break;
      this.kept.delete(oldKey);
      this.entries -= oldValue.n;
    }
  }

  clear() {
    if (this.kept.size) this.kept.clear();
    this.entries = 0;
  }
}

/** Slots in the first `n` places of `list`. */
type SlotList = { list: Int32Array; n: number };

type PreparedText = {
  slots: Slot[];
  prefixLast: boolean;
  usesOf: (term: string) => TermUse[];
  phrases: Array<TermUse & { tokens: string[] }>;
};

type CompiledSort =
  | { kind: "geo"; direction: "asc" | "desc" }
  | { kind: "field"; field: string; direction: "asc" | "desc" };

/** One index of the embedded engine (exported for its tests; use `EmbeddedSearchEngine`). */
export class EmbeddedIndex {
  // Documents by slot.
  private docs: Array<BaseDocument | undefined> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private seq = new Float64Array(16);
  private nextSeq = 0;
  private capacity = 0;
  private geoState = new Uint8Array(16); // 0: no _geo, 1: _geo without numeric lat/lng, 2: numeric
  private lat = new Float64Array(16);
  private lng = new Float64Array(16);
  /** Slots by geo cell (GEO_CELL degrees square): a radius filter only visits the cells it can reach. */
  private readonly geoCells = new Map<number, Postings>();
  private readonly columns = new Map<string, Column>();

  // Text: MiniSearch, one text field and one compound-parts field per searchable attribute.
  private readonly text: MiniSearch<TextDocument>;
  /** MiniSearch field name → code (attribute × 2, + 1 for the compound-parts field). */
  private readonly fieldCode = new Map<string, number>();
  private readonly compoundCache = new Map<string, string[]>();
  private synonymIndex = new Map<string, string[][]>(); // phrase key (tokens joined by " ") → alternative phrases
  private maxSynonymWords = 1;
  private compoundDictionary = new Set<string>();
  /** Text matches by matching strategy + query text (see `textMatches`). */
  private readonly textCache = new KeptTextMatches(TEXT_CACHE_QUERIES, TEXT_CACHE_ENTRIES);
  /**
   * A narrow filter's text matches by strategy + query text + filter: apart, so that a run of
   * one-off matcher queries never pushes out `textCache`.
   */
  private readonly filteredTextCache = new KeptTextMatches(FILTERED_TEXT_CACHE_QUERIES, FILTERED_TEXT_CACHE_ENTRIES);
  /** Per filter object, the documents that pass it (see `passing`); forgotten when the index changes. */
  private passingKept = new WeakMap<Filter, SlotList>();
  /** Query texts seen before: how often, and the largest share of their matches a filter let through. */
  private readonly textSeen = new Map<string, { count: number; passRate: number }>();
  /**
   * Per slot the word forms MiniSearch indexed for it, each with the best field code it is
   * in (see `fieldCode`): what a narrow filter's text matching reads instead of MiniSearch's
   * postings (see `computeTextMatches`). The word forms are the strings the stem and compound
   * caches hand out, so mostly shared.
   */
  private slotTerms: Array<{ terms: string[]; codes: Uint8Array } | undefined> = [];
  /** The word forms of the document being added (MiniSearch's processTerm fills it). */
  private collecting: Map<string, number> | undefined;
  private readonly collected = new Map<string, number>();
  /** Per word form, how many documents hold it. */
  private readonly documentFrequency = new Map<string, number>();

  /** How filtered text queries are matched (see DIRECT_TEXT_MIN_POSTINGS). */
  private readonly textPath: TextPath;

  constructor(
    readonly settings: IndexSettings,
    options: { textPath?: TextPath } = {},
  ) {
    this.textPath = options.textPath ?? "auto";
    this.prepareSettings();
    this.text = this.createTextIndex();
    for (const field of new Set([
      ...settings.filterableAttributes,
      ...settings.sortableAttributes,
    ])) {
      if (field !== "_geo") this.columns.set(field, new Column(field));
    }
  }

  private prepareSettings() {
    const groups = new Map<string, Set<string>>();
    const dict = new Set<string>();
    for (const [key, values] of Object.entries(this.settings.synonyms)) {
      const k = tokenize(key).join(" ");
      if (!k) continue;
      const set = groups.get(k) ?? new Set<string>();
      for (const v of values) {
        const t = tokenize(v).join(" ");
        if (t && t !== k) set.add(t);
      }
      groups.set(k, set);
    }
    this.synonymIndex = new Map();
    this.maxSynonymWords = 1;
    for (const [k, set] of groups) {
      this.synonymIndex.set(
        k,
        [...set].map((s) => s.split(" ")),
      );
      this.maxSynonymWords = Math.max(this.maxSynonymWords, k.split(" ").length);
      for (const phrase of [k, ...set])
        for (const w of phrase.split(" ")) if (w.length >= 4) dict.add(w);
    }
    this.compoundDictionary = dict;
  }

  /**
   * MiniSearch over the searchable attributes: field `t<i>` holds attribute i's text (tokenised
   * and normalised with search/text.ts: `words`, then the Dutch word-form normalisation `stem`
   * as processTerm), field `p<i>` the compound parts of its long words (already normalised).
   * Boosts follow the order of `searchableAttributes`; the ranking itself uses the ranking
   * rules (words, typo, attribute, exactness), computed from MiniSearch's per-term match info.
   */
  private createTextIndex(): MiniSearch<TextDocument> {
    const attrs = this.settings.searchableAttributes;
    const fields: string[] = [];
    const boost: Record<string, number> = {};
    attrs.forEach((_, i) => {
      const a = Math.min(i, MAX_ATTRIBUTE);
      fields.push(`t${i}`, `p${i}`);
      this.fieldCode.set(`t${i}`, a * 2);
      this.fieldCode.set(`p${i}`, a * 2 + 1);
      boost[`t${i}`] = attrs.length - i;
      boost[`p${i}`] = (attrs.length - i) / 2;
    });
    const isParts = (field?: string) => field !== undefined && field.startsWith("p");
    return new MiniSearch<TextDocument>({
      idField: "id",
      fields,
      storeFields: [],
      extractField: (doc, field) => (field === "id" ? doc.id : String(doc[field] ?? "")),
      tokenize: (text, field) => (isParts(field) ? text.split(" ").filter(Boolean) : wordsOf(text)),
      processTerm: (term, field) => {
        const form = isParts(field) ? term : stem(term);
        // while a document is added: its word forms with the best code of their fields
        const collected = this.collecting;
        if (collected && form) {
          const code = this.fieldCode.get(field!)!;
          const known = collected.get(form);
          if (known === undefined || code < known) collected.set(form, code);
        }
        return form;
      },
      // query words arrive tokenised and normalised already (see `textQuery`)
      searchOptions: { boost, tokenize: (text) => [text], processTerm: (term) => term },
    });
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** How many distinct word forms the documents hold now (a removed document's go with it). */
  get vocabularySize(): number {
    return this.documentFrequency.size;
  }

  get(id: string): BaseDocument | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.docs[slot];
  }

  /** Every document in insertion order. */
  all(): BaseDocument[] {
    const slots = [...this.slotOf.values()].sort((a, b) => this.seq[a]! - this.seq[b]!);
    return slots.map((s) => this.docs[s]!);
  }

  // -------------------------------------------------------------------------
  // Writing

  private ensureCapacity(size: number) {
    if (size <= this.capacity) return;
    this.seq = grow(this.seq, size);
    this.geoState = grow(this.geoState, size);
    this.lat = grow(this.lat, size);
    this.lng = grow(this.lng, size);
    for (const column of this.columns.values()) column.ensure(size);
    this.capacity = this.seq.length;
  }

  private compoundPartsOf(token: string): string[] {
    let parts = this.compoundCache.get(token);
    if (!parts) {
      parts = compoundParts(token, this.compoundDictionary);
      if (this.compoundCache.size > 100_000) this.compoundCache.clear();
      this.compoundCache.set(token, parts);
    }
    return parts;
  }

  /** The document as MiniSearch indexes it: per searchable attribute its text and its compound parts. */
  private textDocument(slot: number, doc: BaseDocument): TextDocument {
    const out: TextDocument = { id: slot };
    this.settings.searchableAttributes.forEach((attr, i) => {
      const text = textOf(getPath(doc, attr));
      out[`t${i}`] = text;
      let parts = "";
      for (const token of tokenize(text)) {
        if (token.length < 8) continue;
        for (const part of this.compoundPartsOf(token)) parts += parts ? ` ${part}` : part;
      }
      out[`p${i}`] = parts;
    });
    return out;
  }

  /** A document's word forms as kept per slot, their document frequencies counted. */
  private keepTerms(best: Map<string, number>): { terms: string[]; codes: Uint8Array } {
    const terms: string[] = [];
    const codes = new Uint8Array(best.size);
    const df = this.documentFrequency;
    for (const [term, code] of best) {
      df.set(term, (df.get(term) ?? 0) + 1);
      codes[terms.length] = code;
      terms.push(term);
    }
    return { terms, codes };
  }

  upsert(docs: BaseDocument[]) {
    for (const doc of docs) {
      if (typeof doc.id !== "string" || doc.id === "") {
        throw new SearchEngineError("Elk document heeft een id (tekst) nodig", "invalid_request");
      }
    }
    // last write wins within one batch
    const batch = new Map<string, BaseDocument>();
    for (const doc of docs) batch.set(doc.id, doc);
    const existing = [...batch.keys()].filter((id) => this.slotOf.has(id));
    if (existing.length) this.remove(existing);
    this.ensureCapacity(this.slotOf.size + batch.size);
    for (const doc of batch.values()) this.insert(doc);
  }

  private insert(doc: BaseDocument) {
    const slot = this.free.length ? this.free.pop()! : this.docs.length;
    if (slot === this.docs.length) this.docs.push(doc);
    else this.docs[slot] = doc;
    this.ensureCapacity(slot + 1);
    this.slotOf.set(doc.id, slot);
    this.seq[slot] = this.nextSeq++;
    this.forgetTextMatches();
    const collected = (this.collecting = this.collected);
    collected.clear();
    this.text.add(this.textDocument(slot, doc));
    this.collecting = undefined;
    this.slotTerms[slot] = this.keepTerms(collected);
    const g = doc._geo as { lat?: unknown; lng?: unknown } | undefined;
    if (g) {
      this.geoState[slot] = typeof g.lat === "number" && typeof g.lng === "number" ? 2 : 1;
      this.lat[slot] = Number(g.lat);
      this.lng[slot] = Number(g.lng);
      const cell = this.cellOf(slot);
      if (cell !== undefined) {
        let p = this.geoCells.get(cell);
        if (!p) this.geoCells.set(cell, (p = { list: new Int32Array(16), n: 0 }));
        if (p.n === p.list.length) p.list = grow(p.list, p.n + 1);
        p.list[p.n++] = slot;
      }
    } else this.geoState[slot] = 0;
    for (const column of this.columns.values()) column.set(slot, getPath(doc, column.field));
  }

  remove(ids: string[]) {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.forgetTextMatches();
      this.text.discard(slot); // the slot (MiniSearch's id) may be used again right away
      for (const column of this.columns.values()) column.clear(slot);
      const cell = this.cellOf(slot);
      if (cell !== undefined) {
        const p = this.geoCells.get(cell)!;
        const i = p.list.subarray(0, p.n).indexOf(slot);
        p.list[i] = p.list[--p.n]!;
      }
      this.geoState[slot] = 0;
      this.docs[slot] = undefined;
      for (const term of this.slotTerms[slot]?.terms ?? []) {
        const left = this.documentFrequency.get(term)! - 1;
        if (left > 0) this.documentFrequency.set(term, left);
        else this.documentFrequency.delete(term);
      }
      this.slotTerms[slot] = undefined;
      this.slotOf.delete(id);
      this.free.push(slot);
    }
  }

  /** The geo cell of a slot that a radius filter can match (numeric, finite point), else undefined. */
  private cellOf(slot: number): number | undefined {
    const lat = this.lat[slot]!;
    const lng = this.lng[slot]!;
    if (this.geoState[slot] !== 2 || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
    return geoCell(Math.floor(lat / GEO_CELL), Math.floor(lng / GEO_CELL));
  }

  // -------------------------------------------------------------------------
  // Query analysis

  /** Typos of `token` for query word `word` within its budget (Meilisearch's rule; a wrong first letter counts twice), else undefined. */
  private typoCost(word: string, token: string): number | undefined {
    const tt = this.settings.typoTolerance;
    if (!tt.enabled || token === word || /^\d+$/.test(word)) return undefined;
    const budget = typoBudget(word.length, tt.minWordSizeForTypos);
    if (budget === 0 || Math.abs(token.length - word.length) > budget) return undefined;
    const firstCost = token[0] === word[0] ? 0 : 2;
    if (firstCost > budget) return undefined;
    const d = editDistance(word, token, budget);
    const cost = d + (firstCost && d > 0 ? 1 : 0);
    return d <= budget && cost <= budget ? Math.max(1, cost) : undefined;
  }

  /** The typo budget of a query word by its length (0: exact only). */
  private budgetOf(word: string): number {
    const tt = this.settings.typoTolerance;
    if (!tt.enabled || /^\d+$/.test(word)) return 0;
    return typoBudget(word.length, tt.minWordSizeForTypos);
  }

  /** The query words with their exact and synonym alternatives (typo variants and completions come from the text index). */
  private baseSlots(q: string): Slot[] {
    const stop = new Set((this.settings.stopWords ?? []).flatMap((w) => tokenize(w)));
    const raw = tokenize(q).filter((t) => !stop.has(t));
    const slots: Slot[] = raw.map((word) => ({
      word,
      alternatives: [{ tokens: [word], typos: 0, exact: true }],
    }));
    // synonyms: n-grams of the query (longest first) map to alternative phrases
    for (let n = Math.min(this.maxSynonymWords, raw.length); n >= 1; n--) {
      for (let i = 0; i + n <= raw.length; i++) {
        const key = raw.slice(i, i + n).join(" ");
        const alts = this.synonymIndex.get(key);
        if (!alts) continue;
        // attach to the first word of the n-gram; the other words become satisfied by it
        const slot = slots[i]!;
        for (const alt of alts) slot.alternatives.push({ tokens: alt, typos: 0, exact: false });
        if (n > 1) {
          slot.alternatives.push({ tokens: raw.slice(i, i + n), typos: 0, exact: true });
          for (let j = i + 1; j < i + n; j++) {
            for (const alt of alts)
              slots[j]!.alternatives.push({ tokens: alt, typos: 0, exact: false });
          }
        }
      }
    }
    // synonyms of a (one-word) synonym within the typo budget of a query word count too
    for (const slot of slots) {
      if (this.budgetOf(slot.word) === 0) continue;
      for (const [key, alts] of this.synonymIndex) {
        if (key.includes(" ")) continue;
        const typos = this.typoCost(slot.word, key);
        if (typos === undefined) continue;
        for (const alt of alts) slot.alternatives.push({ tokens: alt, typos, exact: false });
      }
    }
    return slots;
  }

  /**
   * A query prepared for matching: the query words with their exact and synonym alternatives,
   * the phrases (multi-word alternatives) and `usesOf`: per word form of a document, which
   * query words it satisfies (typo variants and prefix completions classified on demand).
   */
  private prepareText(q: string): PreparedText {
    const slots = this.baseSlots(q);
    const prefixLast = !/\s$/.test(q);
    const uses = new Map<string, TermUse[]>();
    const phrases: Array<TermUse & { tokens: string[] }> = [];
    slots.forEach((slot, s) => {
      for (const alt of slot.alternatives) {
        const use = { slot: s, typos: alt.typos, exact: alt.exact };
        if (alt.tokens.length > 1) phrases.push({ ...use, tokens: alt.tokens });
        else {
          const list = uses.get(alt.tokens[0]!);
          if (list) list.push(use);
          else uses.set(alt.tokens[0]!, [use]);
        }
      }
    });
    const classified = new Set<string>();
    const last = slots.length - 1;
    const usesOf = (term: string): TermUse[] => {
      if (!classified.has(term)) {
        classified.add(term);
        let list = uses.get(term);
        slots.forEach((slot, s) => {
          const typos = this.typoCost(slot.word, term);
          const completion =
            prefixLast && s === last && term.length > slot.word.length && term.startsWith(slot.word);
          if (typos === undefined && !completion) return;
          if (!list) uses.set(term, (list = []));
          if (typos !== undefined) {
            list.push({ slot: s, typos, exact: false });
            slot.alternatives.push({ tokens: [term], typos, exact: false });
          }
          if (completion) {
            list.push({ slot: s, typos: 0, exact: false });
            slot.alternatives.push({ tokens: [term], typos: 0, exact: false });
          }
        });
        if (!list) uses.set(term, []);
      }
      return uses.get(term)!;
    };
    return { slots, prefixLast, usesOf, phrases };
  }

  /**
   * Runs a prepared query on MiniSearch: per query word its exact form (fuzzy within the word's
   * typo budget, prefix for the last word unless the query ends with a space) OR its synonyms
   * (phrases as AND); the words combined with AND for matching strategy "all", else OR.
   */
  private runText(
    prepared: PreparedText,
    strategy: "last" | "all",
    predicate?: Predicate,
  ): {
    results: TextResult[];
    /** The share of the documents the words touched that passed the filter (1 without one). */
    passRate: number;
  } {
    const { slots, prefixLast, usesOf, phrases } = prepared;
    if (!slots.length) return { results: [], passRate: 1 };
    const last = slots.length - 1;
    const query: TextQuery = {
      combineWith: strategy === "all" ? "AND" : "OR",
      queries: slots.map((slot, s): TextQuery => {
        // MiniSearch's fuzzy is Levenshtein distance; Meilisearch (and `typoCost`) count a
        // swap of two letters as one typo, which is two Levenshtein edits. Every form within
        // the budget is found by the word within the budget plus its letter swaps (see
        // `swapVariants`); `typoCost` keeps only the forms within it.
        const budget = this.budgetOf(slot.word);
        const queries: TextQuery[] = [
          { queries: [slot.word], fuzzy: budget || false, prefix: prefixLast && s === last },
        ];
        for (const variant of swapVariants(slot.word, budget))
          queries.push({ queries: [variant.term], fuzzy: variant.fuzzy || false });
        const seen = new Set([slot.word]);
        for (const alt of slot.alternatives) {
          if (alt.tokens.length > 1) queries.push({ combineWith: "AND", queries: alt.tokens });
          else if (!seen.has(alt.tokens[0]!)) {
            seen.add(alt.tokens[0]!);
            queries.push(alt.tokens[0]!);
          }
        }
        return { combineWith: "OR", queries };
      }),
    };
    // MiniSearch skips a (document, word form) when boostDocument returns 0: word forms that
    // satisfy no query word (fuzzy candidates beyond the typo budget, a wrong first letter) and
    // documents outside the filter (when one is given) never become results, so MiniSearch
    // neither scores nor sorts them.
    const phraseTokens = new Set(phrases.flatMap((p) => p.tokens));
    let lastTerm = "";
    let lastUseful = false;
    const passed = predicate ? new Uint8Array(this.docs.length) : undefined; // 0 unknown, 1 in, 2 out
    let inFilter = 0;
    let outFilter = 0;
    const boostDocument = (id: number, term: string): number => {
      if (term !== lastTerm) {
        lastTerm = term;
        lastUseful = usesOf(term).length > 0 || phraseTokens.has(term);
      }
      if (!lastUseful) return 0;
      if (!passed) return 1;
      let p = passed[id]!;
      if (p === 0) {
        passed[id] = p = predicate!(id) ? 1 : 2;
        if (p === 1) inFilter++;
        else outFilter++;
      }
      return p === 1 ? 1 : 0;
    };
    const results = this.text.search(query, { boostDocument });
    const passRate = inFilter + outFilter ? inFilter / (inFilter + outFilter) : 1;
    return { results, passRate };
  }

  /**
   * The documents a text query matches, with per document the ranking values of the query
   * words (words matched, typos, best attribute, exact words). A query text seen before (with
   * this matching strategy) is worked out once WITHOUT the filter and kept until the index
   * changes: paging, other filters, facets and sort over the same words reuse it (a common word
   * with its synonyms scans tens of thousands of postings in MiniSearch; the filter is a cheap
   * pass over the matches). A query text seen for the first time, or the second time when its
   * filter kept only a small share of its matches, is run with the filter inside MiniSearch and
   * not kept. Before all that (unless the text is kept already): when the query's words have
   * many documents and the filter lets only a few through (a matcher's hard constraints and
   * radius), those few documents' own word forms are matched, every time: cheap, and no
   * full-text pass over a common word each time the index changes.
   * `filtered` says whether the filter has been applied already.
   */
  private textMatches(
    q: string,
    strategy: "last" | "all",
    filter: Filter | undefined,
    predicate: Predicate | undefined,
    narrow?: (limit: number) => SlotList | undefined,
  ): { matches: TextMatches; filtered: boolean } {
    const key = `${strategy}\u0000${q}`;
    const hit = this.textCache.get(key);
    if (hit) return { matches: hit, filtered: false };
    let prepared: PreparedText | undefined;
    // A narrow filter over words with many documents: the passing documents' own word forms
    // (kept for this filter: the next page of the same search reads them again).
    if (predicate && narrow && this.textPath !== "postings") {
      const filteredKey = `${key}\u0000${JSON.stringify(filter)}`;
      const kept = this.filteredTextCache.get(filteredKey);
      if (kept) return { matches: kept, filtered: true };
      prepared = this.prepareText(q);
      const postings = this.textPath === "documents" ? Infinity : this.postingsEstimate(prepared.slots);
      if (postings > DIRECT_TEXT_MIN_POSTINGS) {
        const within = narrow(Math.min(postings, DIRECT_TEXT_MAX_DOCUMENTS));
        if (within) {
          const matches = this.computeTextMatches(prepared, strategy, predicate, within);
          this.filteredTextCache.set(filteredKey, matches);
          return { matches, filtered: true };
        }
      }
    }
    prepared ??= this.prepareText(q);
    const seen = this.textSeen.get(key);
    if (predicate && !(seen && (seen.count >= 2 || seen.passRate >= TEXT_CACHE_MIN_PASS_RATE))) {
      const matches = this.computeTextMatches(prepared, strategy, predicate);
      if (this.textSeen.size >= TEXT_CACHE_QUERIES * 4) this.textSeen.clear();
      this.textSeen.set(key, {
        count: (seen?.count ?? 0) + 1,
        passRate: Math.max(matches.passRate, seen?.passRate ?? 0),
      });
      return { matches, filtered: true };
    }
    const value = this.computeTextMatches(prepared, strategy, undefined);
    this.textCache.set(key, value);
    return { matches: value, filtered: !predicate };
  }

  /**
   * Roughly how many postings MiniSearch would read for a query: the documents that hold each
   * query word or a word of its synonyms (typo variants and completions not counted).
   */
  private postingsEstimate(slots: Slot[]): number {
    let total = 0;
    for (const slot of slots) {
      for (const alt of slot.alternatives) for (const token of alt.tokens) total += this.documentFrequency.get(token) ?? 0;
    }
    return total;
  }

  private forgetTextMatches() {
    this.textCache.clear();
    this.filteredTextCache.clear();
    this.passingKept = new WeakMap();
  }

  /**
   * The text matches of a query with their ranking values (words matched, typos, best
   * attribute, exact words). From MiniSearch's results, or, for the slots in `within` (the few
   * documents a narrow filter lets through), from each document's own word forms: the same
   * values, without reading the postings of every document that has a query word.
   */
  private computeTextMatches(
    prepared: PreparedText,
    strategy: "last" | "all",
    predicate: Predicate | undefined,
    within?: SlotList,
  ): TextMatches {
    const { slots, usesOf, phrases } = prepared;
    const ran = within ? undefined : this.runText(prepared, strategy, predicate);
    const capacity = within ? within.n : ran!.results.length;
    const out: TextMatches = {
      queryWords: slots.length,
      passRate: ran?.passRate ?? 1,
      n: 0,
      matched: new Int32Array(capacity),
      words: new Uint8Array(capacity),
      typos: new Uint16Array(capacity),
      attribute: new Uint8Array(capacity),
      exact: new Uint8Array(capacity),
    };
    if (!slots.length) return out;
    const attrCount = Math.max(1, this.settings.searchableAttributes.length);
    // Per query word the best way each document matches it:
    // typos × 128 + (exact ? 0 : 64) + attribute (lower is better).
    const keys = new Uint16Array(slots.length);
    const useTerm = (term: string, code: number) => {
      for (const use of usesOf(term)) {
        const key = use.typos * 128 + (use.exact && (code & 1) === 0 ? 0 : 64) + (code >> 1);
        if (key < keys[use.slot]!) keys[use.slot] = key;
      }
    };
    // a phrase: every token present; attribute = the worst one, a part makes it inexact
    const usePhrases = (codeOfToken: (token: string) => number | undefined) => {
      for (const phrase of phrases) {
        let attr = -1;
        let part = 0;
        let all = true;
        for (const token of phrase.tokens) {
          const code = codeOfToken(token);
          if (code === undefined) {
            all = false;
            break;
          }
          if (code >> 1 > attr) attr = code >> 1;
          part |= code & 1;
        }
        if (!all) continue;
        const key = phrase.typos * 128 + (phrase.exact && !part ? 0 : 64) + attr;
        if (key < keys[phrase.slot]!) keys[phrase.slot] = key;
      }
    };
    const finish = (docSlot: number) => {
      let w = 0;
      let t = 0;
      let e = 0;
      let bestAttr = Infinity;
      let matchedPrefix = 0;
      let prefixOpen = true;
      for (let s = 0; s < keys.length; s++) {
        const key = keys[s]!;
        if (key === NO_KEY) {
          prefixOpen = false;
          continue;
        }
        w++;
        t += key >> 7;
        if ((key & 64) === 0) e++;
        if ((key & 63) < bestAttr) bestAttr = key & 63;
        if (prefixOpen) matchedPrefix++;
      }
      if (strategy === "all" && w < slots.length) return;
      if (strategy === "last") {
        if (matchedPrefix === 0) return;
        w = matchedPrefix;
      }
      const i = out.n++;
      out.matched[i] = docSlot;
      out.words[i] = w;
      out.typos[i] = t;
      out.attribute[i] = bestAttr === Infinity ? attrCount : bestAttr;
      out.exact[i] = e;
    };
    if (ran) {
      const fieldCode = this.fieldCode;
      const codeOf = (fields: string[]) => {
        let code = Infinity;
        for (const field of fields) {
          const c = fieldCode.get(field)!;
          if (c < code) code = c;
        }
        return code;
      };
      for (const r of ran.results) {
        keys.fill(NO_KEY);
        const match = r.match;
        for (const term in match) useTerm(term, codeOf(match[term]!));
        usePhrases((token) => (match[token] ? codeOf(match[token]!) : undefined));
        finish(r.id as number);
      }
    } else {
      for (let k = 0; k < within!.n; k++) {
        const slot = within!.list[k]!;
        const own = this.slotTerms[slot];
        if (!own) continue;
        keys.fill(NO_KEY);
        const { terms, codes } = own;
        for (let i = 0; i < terms.length; i++) useTerm(terms[i]!, codes[i]!);
        if (phrases.length)
          usePhrases((token) => {
            const i = terms.indexOf(token);
            return i < 0 ? undefined : codes[i];
          });
        finish(slot);
      }
      // sized for every passing document; kept, it should hold only the matches
      out.matched = out.matched.slice(0, out.n);
      out.words = out.words.slice(0, out.n);
      out.typos = out.typos.slice(0, out.n);
      out.attribute = out.attribute.slice(0, out.n);
      out.exact = out.exact.slice(0, out.n);
    }
    return out;
  }

  /** The query words with every alternative the index has for them (synonyms, typo variants, completions). */
  analyseQuery(q: string): Slot[] {
    const prepared = this.prepareText(q);
    const { results } = this.runText(prepared, "last");
    for (const r of results) for (const term of r.terms) prepared.usesOf(term);
    return prepared.slots;
  }

  // -------------------------------------------------------------------------
  // Filters

  /** A predicate over slots with exactly `matchesFilter`'s semantics (see search/filter.ts). */
  private compile(node: Filter): Predicate {
    const fallback: Predicate = (slot) => matchesFilter(this.docs[slot]!, node);
    switch (node.op) {
      case "and": {
        // cheap and selective first: the geo box, then the rest in the given order, the
        // exact distance (trigonometry) last, for the few documents everything else let through
        const boxes: Predicate[] = [];
        const rest: Predicate[] = [];
        const exact: Predicate[] = [];
        for (const x of node.filters) {
          if (x.op === "geoRadius") {
            const geo = this.compileGeoRadius(x);
            boxes.push(geo.box);
            exact.push(geo.exact);
          } else rest.push(this.compile(x));
        }
        const parts = [...boxes, ...rest, ...exact];
        if (parts.length === 0) return () => true;
        if (parts.length === 1) return parts[0]!;
        if (parts.length === 2) {
          const [a, b] = parts as [Predicate, Predicate];
          return (slot) => a(slot) && b(slot);
        }
        return (slot) => {
          for (const p of parts) if (!p(slot)) return false;
          return true;
        };
      }
      case "or": {
        const parts = node.filters.map((x) => this.compile(x));
        if (parts.length === 0) return () => false;
        return (slot) => {
          for (const p of parts) if (p(slot)) return true;
          return false;
        };
      }
      case "not": {
        const inner = this.compile(node.filter);
        return (slot) => !inner(slot);
      }
      case "eq":
      case "neq": {
        const column = this.columns.get(node.field);
        if (!column) return fallback;
        const eq = this.compileEquals(column, node.value);
        return node.op === "eq" ? eq : (slot) => !eq(slot);
      }
      case "in": {
        const column = this.columns.get(node.field);
        if (!column) return fallback;
        const parts = node.values.map((v) => this.compileEquals(column, v));
        if (parts.length === 1) return parts[0]!;
        return (slot) => {
          for (const p of parts) if (p(slot)) return true;
          return false;
        };
      }
      case "gt":
      case "gte":
      case "lt":
      case "lte":
      case "range": {
        const column = this.columns.get(node.field);
        if (!column) return fallback;
        const { tag, num } = column;
        let test: (n: number) => boolean;
        if (node.op === "range") {
          const { from, to } = node;
          test = (n) => n >= from && n <= to;
        } else {
          const value = node.value;
          test =
            node.op === "gt"
              ? (n) => n > value
              : node.op === "gte"
                ? (n) => n >= value
                : node.op === "lt"
                  ? (n) => n < value
                  : (n) => n <= value;
        }
        return (slot) => {
          const t = tag[slot];
          if (t === T_NUM) return test(num[slot]!);
          return t === T_OTHER ? fallback(slot) : false; // strings, booleans, missing: no number
        };
      }
      case "exists": {
        const column = this.columns.get(node.field);
        if (!column) return fallback;
        return (slot) => column.tag[slot] !== T_UNDEF;
      }
      case "isEmpty": {
        const column = this.columns.get(node.field);
        if (!column) return fallback;
        const empty = column.dict.rawId("");
        return (slot) => {
          const t = column.tag[slot];
          if (t === T_STR) return column.num[slot] === empty;
          if (t === T_STRS) return column.count[slot] === 0;
          return t === T_OTHER ? fallback(slot) : false;
        };
      }
      case "geoRadius": {
        const { box, exact } = this.compileGeoRadius(node);
        return (slot) => box(slot) && exact(slot);
      }
    }
  }

  /**
   * `_geoRadius` as two predicates, both needed: a box that holds the whole circle (with a
   * margin; cheap) and the exact haversine distance.
   */
  private compileGeoRadius(node: Extract<Filter, { op: "geoRadius" }>): { box: Predicate; exact: Predicate } {
    const { lat: lat0, lng: lng0, distanceMeters } = node;
    const { latMargin, lngMargin } = geoBox(node);
    const { geoState, lat, lng } = this;
    return {
      box: (slot) => {
        if (geoState[slot] !== 2) return false;
        if (Math.abs(lat[slot]! - lat0) > latMargin) return false;
        if (lngMargin !== Infinity) {
          let dl = Math.abs(lng[slot]! - lng0);
          if (dl > 180) dl = 360 - dl;
          if (dl > lngMargin) return false;
        }
        return true;
      },
      exact: (slot) => geoState[slot] === 2 && haversineMeters(lat0, lng0, lat[slot]!, lng[slot]!) <= distanceMeters,
    };
  }

  /** `field = b` (`anyEquals` of search/filter.ts) over a column. */
  private compileEquals(column: Column, b: FilterScalar): Predicate {
    const { tag, num, dict } = column;
    const eqNode: Filter = { op: "eq", field: column.field, value: b };
    const fallback: Predicate = (slot) => matchesFilter(this.docs[slot]!, eqNode);
    const anyString = (slot: number, lid: number) => {
      const start = column.start[slot]!;
      const end = start + column.count[slot]!;
      const pool = column.pool;
      const toLower = dict.rawToLower;
      for (let i = start; i < end; i++) if (toLower[pool[i]!] === lid) return true;
      return false;
    };
    if (typeof b === "string") {
      const lid = dict.lowerId(b);
      // a number equals a string when String(number) === string
      const x = Number(b);
      const numeric = b !== "" && String(x) === b;
      return (slot) => {
        switch (tag[slot]) {
          case T_STR:
            return lid >= 0 && dict.rawToLower[num[slot]!] === lid;
          case T_STRS:
            return lid >= 0 && anyString(slot, lid);
          case T_NUM:
            return numeric && num[slot] === x;
          case T_OTHER:
            return fallback(slot);
          default:
            return false;
        }
      };
    }
    if (typeof b === "number") {
      // a string equals a number when string === String(number) (case-sensitive: check letters on the document)
      const text = String(b);
      const plain = !/[a-z]/i.test(text);
      const lid = dict.lowerId(text);
      return (slot) => {
        switch (tag[slot]) {
          case T_NUM:
            return num[slot] === b;
          case T_STR:
            if (!plain) return fallback(slot);
            return lid >= 0 && dict.rawToLower[num[slot]!] === lid;
          case T_STRS:
            if (!plain) return fallback(slot);
            return lid >= 0 && anyString(slot, lid);
          case T_OTHER:
            return fallback(slot);
          default:
            return false;
        }
      };
    }
    const want = b ? 1 : 0;
    return (slot) => {
      const t = tag[slot];
      if (t === T_BOOL) return num[slot] === want;
      return t === T_OTHER ? fallback(slot) : false;
    };
  }

  // -------------------------------------------------------------------------
  // Search

  search(params: SearchParams): SearchResult {
    const started = performance.now();
    const q = params.q ?? "";
    const limit = Math.max(0, Math.min(params.limit ?? 20, 10_000));
    const offset = Math.max(0, params.offset ?? 0);
    const filter = params.filter;
    const strategy = params.matchingStrategy ?? "last";

    for (const facet of params.facets ?? []) {
      if (!this.settings.filterableAttributes.includes(facet)) {
        throw new SearchEngineError(`Attribuut ${facet} is niet filterbaar`, "invalid_request");
      }
    }
    const sortRules: CompiledSort[] = (params.sort ?? []).map((rule) => {
      const g2 = parseGeoSort(rule);
      if (g2) return { kind: "geo" as const, direction: g2.direction };
      const fs = parseFieldSort(rule);
      if (!fs) throw new SearchEngineError(`Ongeldige sortering: ${rule}`, "invalid_request");
      if (!this.settings.sortableAttributes.includes(fs.field)) {
        throw new SearchEngineError(`Attribuut ${fs.field} is niet sorteerbaar`, "invalid_request");
      }
      return { kind: "field" as const, field: fs.field, direction: fs.direction };
    });

    const predicate = filter ? this.compile(filter) : undefined;
    const text = q.trim()
      ? this.textMatches(q, strategy, filter, predicate, (limit) => this.passing(filter, predicate!, limit))
      : undefined;
    const queryWords = text?.matches.queryWords ?? 0;
    const attrCount = Math.max(1, this.settings.searchableAttributes.length);

    // 1. Matches: the text matches that pass the filter, or the filter over every document.
    let matched: Int32Array = new Int32Array(64);
    let words: Uint8Array = new Uint8Array(64);
    let typos: Uint16Array = new Uint16Array(64);
    let attribute: Uint8Array = new Uint8Array(64);
    let exact: Uint8Array = new Uint8Array(64);
    let n = 0;
    const push = (slot: number, w: number, t: number, a: number, e: number) => {
      if (n === matched.length) {
        matched = grow(matched, n + 1);
        words = grow(words, n + 1);
        typos = grow(typos, n + 1);
        attribute = grow(attribute, n + 1);
        exact = grow(exact, n + 1);
      }
      matched[n] = slot;
      words[n] = w;
      typos[n] = t;
      attribute[n] = a;
      exact[n] = e;
      n++;
    };
    if (queryWords) {
      const m = text!.matches;
      if (!predicate || text!.filtered) {
        // the cached arrays are shared: the ranking only reads them
        ({ matched, words, typos, attribute, exact, n } = m);
      } else {
        for (let i = 0; i < m.n; i++) {
          const slot = m.matched[i]!;
          if (predicate(slot)) push(slot, m.words[i]!, m.typos[i]!, m.attribute[i]!, m.exact[i]!);
        }
      }
    } else {
      // no query words: every document through the filter, all ranking values 0
      ({ list: matched, n } = this.passing(filter, predicate, Infinity)!);
      words = new Uint8Array(n);
      typos = new Uint16Array(n);
      attribute = new Uint8Array(n);
      exact = new Uint8Array(n);
    }

    // 2. Distances from the sort point or the radius centre.
    const geo = findGeoRadius(filter);
    const geoSortRule = (params.sort ?? []).map(parseGeoSort).find(Boolean);
    const geoPoint = geoSortRule ?? geo;
    const distanceOf = (slot: number): number | undefined =>
      geoPoint && this.geoState[slot] !== 0
        ? Math.round(haversineMeters(geoPoint.lat, geoPoint.lng, this.lat[slot]!, this.lng[slot]!))
        : undefined;
    let distances: Float64Array | undefined;
    if (geoPoint && sortRules.some((s) => s.kind === "geo")) {
      distances = new Float64Array(n);
      for (let i = 0; i < n; i++) distances[i] = distanceOf(matched[i]!) ?? NaN;
    }

    // 3. Facets over every match.
    let facetDistribution: FacetDistribution | undefined;
    if (params.facets?.length) {
      facetDistribution = {};
      for (const facet of params.facets) facetDistribution[facet] = this.facet(facet, matched, n);
    }

    // 4. Ranking rules, in the settings' order; only the first offset + limit are put in order.
    const rules = this.settings.rankingRules.includes("sort")
      ? this.settings.rankingRules
      : [...this.settings.rankingRules, "sort" as const];
    const compare = this.comparator(rules, sortRules, queryWords > 0, {
      matched,
      words,
      typos,
      attribute,
      exact,
      distances,
    });
    const order = topK(n, offset + limit, compare);

    // 5. Page, project, score.
    const displayed = this.settings.displayedAttributes;
    const retrieve = params.attributesToRetrieve;
    const hits: SearchHit[] = [];
    for (let k = offset; k < order.length; k++) {
      const i = order[k]!;
      const slot = matched[i]!;
      const doc = this.docs[slot]!;
      let base: Record<string, unknown> = doc;
      if (displayed && !displayed.includes("*")) base = pick(base, displayed);
      if (retrieve && !retrieve.includes("*")) base = pick(base, retrieve);
      const hit = (base === doc ? { ...doc } : base) as SearchHit;
      const distance = distances
        ? Number.isNaN(distances[i]!)
          ? undefined
          : distances[i]
        : distanceOf(slot);
      if (distance !== undefined) hit._geoDistance = distance;
      if (params.showRankingScore || params.showRankingScoreDetails) {
        const details = scoreDetails(
          { words: words[i]!, typos: typos[i]!, attribute: attribute[i]!, exact: exact[i]! },
          queryWords,
          attrCount,
          rules,
        );
        if (params.showRankingScore) hit._rankingScore = details.score;
        if (params.showRankingScoreDetails) hit._rankingScoreDetails = details.details;
      }
      hits.push(hit);
    }
    return {
      hits,
      query: q,
      limit,
      offset,
      estimatedTotalHits: n,
      ...(facetDistribution ? { facetDistribution } : {}),
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  /**
   * The slots of the documents that pass the filter, or undefined as soon as there are more
   * than `limit`. A radius filter visits only the geo cells it reaches (the predicate still
   * checks everything). The answer is kept per filter object until the index changes: the
   * matcher asks several things under the same constraints (an AND with them first reads
   * only their documents).
   */
  private passing(filter: Filter | undefined, predicate: Predicate | undefined, limit: number): SlotList | undefined {
    const known = filter && this.passingKept.get(filter);
    if (known) return known.n <= limit ? known : undefined;
    const out: SlotList = { list: new Int32Array(64), n: 0 };
    const add = (slot: number) => {
      if (out.n === out.list.length) out.list = grow(out.list, out.n + 1);
      out.list[out.n++] = slot;
      return out.n <= limit;
    };
    const first = filter?.op === "and" ? filter.filters[0] : undefined;
    const within = first && findGeoRadius(first) ? this.passing(first, this.compile(first), Infinity) : undefined;
    if (within) {
      for (let k = 0; k < within.n; k++) {
        const slot = within.list[k]!;
        if (predicate!(slot) && !add(slot)) return undefined;
      }
    } else {
      const radius = findGeoRadius(filter);
      const cells = radius ? this.cellsWithin(radius) : undefined;
      if (cells) {
        for (const p of cells) {
          for (let k = 0; k < p.n; k++) {
            const slot = p.list[k]!;
            if (predicate!(slot) && !add(slot)) return undefined;
          }
        }
      } else {
        const docs = this.docs;
        for (let slot = 0; slot < docs.length; slot++) {
          if (docs[slot] === undefined || (predicate && !predicate(slot))) continue;
          if (!add(slot)) return undefined;
        }
      }
    }
    if (filter) this.passingKept.set(filter, out);
    return out;
  }

  /** The geo cells a radius can reach (undefined: no usable centre, scan everything). */
  private cellsWithin(radius: { lat: number; lng: number; distanceMeters: number }): Postings[] | undefined {
    const { latMargin, lngMargin } = geoBox(radius);
    const rowFrom = Math.floor((radius.lat - latMargin) / GEO_CELL);
    const rowTo = Math.floor((radius.lat + latMargin) / GEO_CELL);
    if (!Number.isFinite(rowFrom) || !Number.isFinite(rowTo)) return undefined;
    // an unbounded width (a circle around a pole) or one all around: every column
    const columnFrom = Number.isFinite(lngMargin) ? Math.floor((radius.lng - lngMargin) / GEO_CELL) : 0;
    const columnTo = Number.isFinite(lngMargin) ? Math.floor((radius.lng + lngMargin) / GEO_CELL) : GEO_COLUMNS;
    if (!Number.isFinite(columnFrom) || !Number.isFinite(columnTo)) return undefined;
    const columns = Math.min(columnTo - columnFrom + 1, GEO_COLUMNS);
    const out: Postings[] = [];
    if ((rowTo - rowFrom + 1) * columns <= this.geoCells.size) {
      for (let row = rowFrom; row <= rowTo; row++) {
        for (let c = 0; c < columns; c++) {
          const p = this.geoCells.get(geoCell(row, columnFrom + c));
          if (p?.n) out.push(p);
        }
      }
    } else {
      // fewer cells hold documents than the box has: pick those inside it
      for (const [key, p] of this.geoCells) {
        const row = Math.floor(key / GEO_COLUMNS);
        const column = key - row * GEO_COLUMNS;
        const offset = (((column - columnFrom) % GEO_COLUMNS) + GEO_COLUMNS) % GEO_COLUMNS;
        if (p.n && row >= rowFrom && row <= rowTo && offset < columns) out.push(p);
      }
    }
    return out;
  }

  /** Counts of each value of `field` over the matches (array values once per document). */
  private facet(field: string, matched: Int32Array, n: number): Record<string, number> {
    const counts = new Map<string, number>();
    const add = (key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by);
    const column = this.columns.get(field);
    if (!column) {
      for (let i = 0; i < n; i++) this.facetFromDocument(this.docs[matched[i]!]!, field, add);
      return Object.fromEntries(counts);
    }
    const { tag, num, start, count, dict } = column;
    const byId = new Int32Array(dict.raw.length);
    const seen = new Int32Array(dict.raw.length);
    const order: number[] = [];
    let yes = 0;
    let no = 0;
    for (let i = 0; i < n; i++) {
      const slot = matched[i]!;
      switch (tag[slot]) {
        case T_STR: {
          const id = num[slot]!;
          if (byId[id]!++ === 0) order.push(id);
          break;
        }
        case T_STRS: {
          const s = start[slot]!;
          const pool = column.pool;
          for (let k = s; k < s + count[slot]!; k++) {
            const id = pool[k]!;
            if (seen[id] === i + 1) continue; // once per document
            seen[id] = i + 1;
            if (byId[id]!++ === 0) order.push(id);
          }
          break;
        }
        case T_BOOL:
          if (num[slot] === 1) yes++;
          else no++;
          break;
        case T_NUM:
          add(String(num[slot]));
          break;
        case T_OTHER:
          this.facetFromDocument(this.docs[slot]!, field, add);
          break;
        default:
          break;
      }
    }
    for (const id of order) add(dict.raw[id]!, byId[id]);
    if (yes) add("true", yes);
    if (no) add("false", no);
    return Object.fromEntries(counts);
  }

  private facetFromDocument(doc: BaseDocument, field: string, add: (key: string) => void) {
    const value = getPath(doc, field);
    const values = Array.isArray(value)
      ? new Set(value.map(String))
      : value === undefined || value === null
        ? []
        : [String(value)];
    for (const v of values) add(v);
  }

  private comparator(
    rules: readonly string[],
    sortRules: CompiledSort[],
    hasQuery: boolean,
    m: {
      matched: Int32Array;
      words: Uint8Array;
      typos: Uint16Array;
      attribute: Uint8Array;
      exact: Uint8Array;
      distances: Float64Array | undefined;
    },
  ): (a: number, b: number) => number {
    const { matched, words, typos, attribute, exact, distances } = m;
    const steps: Array<(a: number, b: number) => number> = [];
    // Numbers compare as numbers, anything else as Dutch text, missing values last. (A field
    // that mixes numbers and text has no total order; the document schemas keep sort fields numeric.)
    const fieldStep = (field: string, direction: "asc" | "desc") => {
      const column = this.columns.get(field);
      const sign = direction === "asc" ? 1 : -1;
      return (a: number, b: number) => {
        const sa = matched[a]!;
        const sb = matched[b]!;
        if (column && column.tag[sa] === T_NUM && column.tag[sb] === T_NUM)
          return sign * (column.num[sa]! - column.num[sb]!);
        return compareValues(
          getPath(this.docs[sa]!, field),
          getPath(this.docs[sb]!, field),
          direction,
        );
      };
    };
    for (const rule of rules) {
      if (rule === "words") {
        if (hasQuery) steps.push((a, b) => words[b]! - words[a]!);
      } else if (rule === "typo") {
        if (hasQuery) steps.push((a, b) => typos[a]! - typos[b]!);
      } else if (rule === "attribute") {
        if (hasQuery) steps.push((a, b) => attribute[a]! - attribute[b]!);
      } else if (rule === "exactness") {
        if (hasQuery) steps.push((a, b) => exact[b]! - exact[a]!);
      } else if (rule === "proximity") {
        // not modelled: every hit ties
      } else if (rule === "sort") {
        for (const s of sortRules) {
          if (s.kind === "geo") {
            const sign = s.direction === "asc" ? 1 : -1;
            steps.push((a, b) => {
              const da = distances ? distances[a]! : NaN;
              const db = distances ? distances[b]! : NaN;
              const missingA = Number.isNaN(da);
              const missingB = Number.isNaN(db);
              if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1; // missing last
              return sign * (da - db);
            });
          } else steps.push(fieldStep(s.field, s.direction));
        }
      } else {
        const fs = parseFieldSort(rule);
        if (fs) steps.push(fieldStep(fs.field, fs.direction));
      }
    }
    const seq = this.seq;
    return (a, b) => {
      for (const step of steps) {
        const c = step(a, b);
        if (c) return c;
      }
      return seq[matched[a]!]! - seq[matched[b]!]!;
    };
  }
}

function compareValues(a: unknown, b: unknown, direction: "asc" | "desc"): number {
  const missingA = a === undefined || a === null;
  const missingB = b === undefined || b === null;
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1; // missing last
  const c =
    typeof a === "number" && typeof b === "number"
      ? a - b
      : String(a).localeCompare(String(b), "nl");
  return direction === "asc" ? c : -c;
}

/**
 * The first `k` of `0 … n-1` in `compare` order (a total order): a bounded max-heap keeps the
 * best k seen so far, then only those are sorted. O(n log k) instead of sorting everything.
 */
export function topK(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0 || n === 0) return [];
  if (k >= n) {
    const all = Array.from({ length: n }, (_, i) => i);
    return all.sort(compare);
  }
  const heap = new Int32Array(k); // heap[0] is the worst of the best k
  let size = 0;
  const siftUp = (i: number) => {
    const x = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[parent]!, x) >= 0) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = x;
  };
  const siftDown = (i: number) => {
    const x = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const worse = r < size && compare(heap[r]!, heap[l]!) > 0 ? r : l;
      if (compare(heap[worse]!, x) <= 0) break;
      heap[i] = heap[worse]!;
      i = worse;
    }
    heap[i] = x;
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      heap[size] = i;
      siftUp(size++);
    } else if (compare(i, heap[0]!) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return Array.from(heap).sort(compare);
}

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: obj.id };
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

/** A Meilisearch-like ranking score: rule scores in [0, 1] combined hierarchically. */
function scoreDetails(
  s: { words: number; typos: number; attribute: number; exact: number },
  wordCount: number,
  attrCount: number,
  rules: readonly string[],
): { score: number; details: RankingScoreDetails } {
  if (wordCount === 0) return { score: 1, details: {} };
  const maxTypos = wordCount * 2;
  const parts: Record<string, number> = {
    words: s.words / wordCount,
    typo: 1 - s.typos / (maxTypos + 1),
    attribute: 1 - s.attribute / attrCount,
    exactness: s.exact / wordCount,
  };
  const details: RankingScoreDetails = {};
  let score = 0;
  let weight = 1;
  let order = 0;
  for (const rule of rules) {
    const v = parts[rule];
    if (v === undefined) continue;
    details[rule] = { order: order++, score: v };
    // each rule refines the one before it: it shares the remaining weight
    const share = rule === "words" ? 0.8 : 0.5;
    score += weight * share * v;
    weight *= 1 - share;
  }
  score += weight; // the remainder is common to every hit
  return { score: Math.max(0, Math.min(1, score)), details };
}

export type EmbeddedEngineOptions = { settings?: Partial<Record<IndexName, IndexSettings>> };

/** The in-process engine (default when MEILI_URL is unset). */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private readonly indexes = new Map<IndexName, EmbeddedIndex>();

  constructor(options: EmbeddedEngineOptions = {}) {
    for (const [name, settings] of Object.entries(options.settings ?? {})) {
      if (settings) this.indexes.set(name as IndexName, new EmbeddedIndex(settings));
    }
  }

  private index(name: IndexName): EmbeddedIndex {
    const index = this.indexes.get(name);
    if (!index)
      throw new SearchEngineError(`Index ${name} heeft nog geen instellingen`, "invalid_request");
    return index;
  }

  async applySettings(name: IndexName, settings: IndexSettings): Promise<void> {
    const next = new EmbeddedIndex(settings);
    const current = this.indexes.get(name);
    if (current && current.size) next.upsert(current.all());
    this.indexes.set(name, next);
  }

  async upsertDocuments<D extends BaseDocument>(name: IndexName, docs: D[]): Promise<void> {
    if (docs.length) this.index(name).upsert(docs);
  }

  async deleteDocuments(name: IndexName, ids: string[]): Promise<void> {
    this.index(name).remove(ids);
  }

  async clear(name: IndexName): Promise<void> {
    const current = this.index(name);
    this.indexes.set(name, new EmbeddedIndex(current.settings));
  }

  async getDocument<D extends BaseDocument>(name: IndexName, id: string): Promise<D | null> {
    return (this.index(name).get(id) as D | undefined) ?? null;
  }

  async search<D extends BaseDocument>(
    name: IndexName,
    params: SearchParams,
  ): Promise<SearchResult<D>> {
    return this.index(name).search(params) as SearchResult<D>;
  }

  async reindex<D extends BaseDocument>(name: IndexName, docs: D[]): Promise<void> {
    const next = new EmbeddedIndex(this.index(name).settings);
    if (docs.length) next.upsert(docs);
    this.indexes.set(name, next); // swap: searches see the old index until here
  }

  async health(): Promise<EngineHealth> {
    return { ok: true, engine: "embedded" };
  }

  /** Number of documents (for tests and the bench). */
  size(name: IndexName): number {
    return this.indexes.get(name)?.size ?? 0;
  }
}

export function createEmbeddedEngine(options?: EmbeddedEngineOptions): EmbeddedSearchEngine {
  return new EmbeddedSearchEngine(options);
}

/**
 * The forms to look up besides a query word (with Levenshtein distance `budget` around the
 * word itself) so that every word within `budget` typos, a swap of two neighbouring letters
 * counting as one, is found: optimal string alignment never edits a letter twice, so a word
 * with one swap and other edits is within `budget - 1` edits of the word with that swap, and
 * one with two swaps (budget 2) is exactly the word with both. Far fewer index words than
 * asking MiniSearch for twice the budget in Levenshtein edits, whose extra candidates
 * `typoCost` would throw away after MiniSearch had read their documents.
 */
export function swapVariants(word: string, budget: number): Array<{ term: string; fuzzy: number }> {
  if (budget < 1) return [];
  const swap = (w: string, i: number) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const once = swap(word, i);
    if (once !== word) out.set(once, Math.max(out.get(once) ?? 0, budget - 1));
    if (budget < 2) continue;
    for (let j = i + 2; j + 1 < word.length; j++) {
      if (once[j] === once[j + 1]) continue;
      const twice = swap(once, j);
      if (twice !== word && !out.has(twice)) out.set(twice, 0);
    }
  }
  return [...out].map(([term, fuzzy]) => ({ term, fuzzy }));
}
