import { create, insertMultiple, removeMultiple, search as oramaSearch, type AnyOrama } from "@orama/orama";
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
import { findGeoRadius, haversineMeters, matchesFilter, type Filter } from "./filter";
import { compoundParts, editDistance, normalizeText, tokenize, typoBudget } from "./text";

/*
 * The embedded search engine: @orama/orama in-process, behind the same SearchEngine interface
 * as Meilisearch.
 *
 * - Orama holds the inverted index (one pre-tokenised string property per searchable
 *   attribute) and the filter indexes (enum / number / boolean / geopoint properties); a
 *   search asks Orama for every document that contains one of the query's word forms and
 *   passes the filter's translatable part as an Orama `where` clause.
 * - The exact Meilisearch semantics are then applied in memory on that (small) candidate set:
 *   the full filter (`matchesFilter`), Meilisearch's ranking rules in the settings' order
 *   (words, typo, attribute, sort, exactness, custom `field:asc|desc`), typo tolerance by word
 *   length (0 typos under 5 characters, 1 from 5, 2 from 9; a typo on the first letter
 *   counts twice), prefix search on the last query word, synonyms (multi-way, multi-word),
 *   facets, `_geoDistance` and geo sort, pagination.
 * - Words are normalised the same way on both sides (`search/text.ts`: lowercase, no
 *   diacritics, Dutch plural / diminutive / female forms) and compound words are split on the
 *   words the synonyms know ("vorkheftruckchauffeur" also indexes "heftruck" and "chauffeur").
 */

type FieldKind = "string" | "string[]" | "number" | "number[]" | "boolean" | "boolean[]" | "geo";

type DocTokens = Map<string, number>; // token → attributeIndex * 2 + (compound part ? 1 : 0)

type Slot = {
  /** The query word as typed (normalised). */
  word: string;
  /** Alternatives: each a phrase (all tokens must be present) with its typo cost and exactness. */
  alternatives: Array<{ tokens: string[]; typos: number; exact: boolean }>;
};

const SEARCHABLE_PREFIX = "s";
const FILTER_PREFIX = "f_";

function filterProp(field: string): string {
  return FILTER_PREFIX + field.replace(/[^A-Za-z0-9_]/g, "_");
}

function kindOf(value: unknown): FieldKind | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) {
    const first = value.find((v) => v !== null && v !== undefined);
    if (first === undefined) return undefined;
    if (typeof first === "number") return "number[]";
    if (typeof first === "boolean") return "boolean[]";
    return "string[]";
  }
  return undefined;
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
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).map(textOf).join(" ");
  return String(value);
}

class EmbeddedIndex {
  readonly docs = new Map<string, BaseDocument>();
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;
  private readonly tokens = new Map<string, DocTokens>();
  /** token → number of documents containing it */
  private readonly vocabulary = new Map<string, number>();
  private vocabularyByFirst = new Map<string, string[]> ();
  private vocabularyDirty = true;
  private readonly kinds = new Map<string, FieldKind>();
  private orama!: AnyOrama;
  private synonymIndex = new Map<string, string[][]>(); // phrase key (tokens joined by " ") → alternative phrases
  private maxSynonymWords = 1;
  private compoundDictionary = new Set<string>();

  constructor(readonly settings: IndexSettings) {
    this.prepareSettings();
    this.orama = this.createOrama();
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
      this.synonymIndex.set(k, [...set].map((s) => s.split(" ")));
      this.maxSynonymWords = Math.max(this.maxSynonymWords, k.split(" ").length);
      for (const phrase of [k, ...set]) for (const w of phrase.split(" ")) if (w.length >= 4) dict.add(w);
    }
    this.compoundDictionary = dict;
  }

  private createOrama(): AnyOrama {
    const schema: Record<string, string> = { id: "string" };
    this.settings.searchableAttributes.forEach((_, i) => {
      schema[SEARCHABLE_PREFIX + i] = "string";
    });
    for (const field of new Set([...this.settings.filterableAttributes, ...this.settings.sortableAttributes])) {
      if (field === "_geo") {
        schema[filterProp(field)] = "geopoint";
        continue;
      }
      const kind = this.kinds.get(field);
      if (!kind) continue;
      schema[filterProp(field)] =
        kind === "string" ? "enum" : kind === "string[]" ? "enum[]" : kind === "geo" ? "geopoint" : kind;
    }
    return create({
      schema: schema as never,
      components: {
        tokenizer: {
          language: "english",
          normalizationCache: new Map(),
          // Values are tokenised by `search/text.ts` before they reach Orama.
          tokenize: (raw: string) => (raw ? raw.split(" ").filter(Boolean) : []),
        },
      },
    }) as AnyOrama;
  }

  /** The document's tokens per searchable attribute, with compound parts. */
  private analyse(doc: BaseDocument): { perAttribute: string[][]; map: DocTokens } {
    const map: DocTokens = new Map();
    const perAttribute = this.settings.searchableAttributes.map((attr, i) => {
      const out: string[] = [];
      for (const token of tokenize(textOf(getPath(doc, attr)))) {
        out.push(token);
        const code = i * 2;
        const prev = map.get(token);
        if (prev === undefined || code < prev) map.set(token, code);
        if (token.length >= 8) {
          for (const part of compoundParts(token, this.compoundDictionary)) {
            out.push(part);
            const partCode = i * 2 + 1;
            const p = map.get(part);
            if (p === undefined || partCode < p) map.set(part, partCode);
          }
        }
      }
      return out;
    });
    return { perAttribute, map };
  }

  private toOrama(doc: BaseDocument, perAttribute: string[][]): Record<string, unknown> {
    const out: Record<string, unknown> = { id: doc.id };
    perAttribute.forEach((tokens, i) => {
      out[SEARCHABLE_PREFIX + i] = tokens.join(" ");
    });
    for (const field of new Set([...this.settings.filterableAttributes, ...this.settings.sortableAttributes])) {
      const value = getPath(doc, field);
      if (field === "_geo") {
        const g = value as { lat?: unknown; lng?: unknown } | undefined;
        if (g && typeof g.lat === "number" && typeof g.lng === "number") out[filterProp(field)] = { lat: g.lat, lon: g.lng };
        continue;
      }
      const kind = this.kinds.get(field);
      if (!kind || kindOf(value) === undefined) continue;
      if (kindOf(value) !== kind && !(Array.isArray(value) && value.length === 0)) continue;
      if (kind === "string") out[filterProp(field)] = normalizeText(value as string);
      else if (kind === "string[]") out[filterProp(field)] = (value as unknown[]).map((v) => normalizeText(String(v)));
      else out[filterProp(field)] = value;
    }
    return out;
  }

  /** Learns field kinds from documents; true when a new kind appeared (the Orama schema must grow). */
  private learnKinds(docs: BaseDocument[]): boolean {
    let grew = false;
    for (const field of new Set([...this.settings.filterableAttributes, ...this.settings.sortableAttributes])) {
      if (field === "_geo" || this.kinds.has(field)) continue;
      for (const doc of docs) {
        const kind = kindOf(getPath(doc, field));
        if (kind) {
          this.kinds.set(field, kind);
          grew = true;
          break;
        }
      }
    }
    return grew;
  }

  async upsert(docs: BaseDocument[]) {
    for (const doc of docs) {
      if (typeof doc.id !== "string" || doc.id === "") {
        throw new SearchEngineError("Elk document heeft een id (tekst) nodig", "invalid_request");
      }
    }
    // last write wins within one batch
    const batch = new Map<string, BaseDocument>();
    for (const doc of docs) batch.set(doc.id, doc);
    const list = [...batch.values()];
    if (this.learnKinds(list)) {
      for (const doc of list) this.storeDoc(doc);
      await this.rebuildOrama();
      return;
    }
    const existing = list.filter((d) => this.docs.has(d.id)).map((d) => d.id);
    if (existing.length) await this.remove(existing);
    const oramaDocs = list.map((doc) => this.toOrama(doc, this.storeDoc(doc)));
    await insertMultiple(this.orama, oramaDocs as never, 1000);
  }

  private storeDoc(doc: BaseDocument): string[][] {
    const old = this.tokens.get(doc.id);
    if (old) for (const t of old.keys()) this.decVocab(t);
    const { perAttribute, map } = this.analyse(doc);
    this.docs.set(doc.id, doc);
    if (!this.seq.has(doc.id)) this.seq.set(doc.id, this.nextSeq++);
    this.tokens.set(doc.id, map);
    for (const t of map.keys()) this.vocabulary.set(t, (this.vocabulary.get(t) ?? 0) + 1);
    this.vocabularyDirty = true;
    return perAttribute;
  }

  private decVocab(token: string) {
    const n = (this.vocabulary.get(token) ?? 0) - 1;
    if (n <= 0) this.vocabulary.delete(token);
    else this.vocabulary.set(token, n);
    this.vocabularyDirty = true;
  }

  private async rebuildOrama() {
    this.orama = this.createOrama();
    const all: Record<string, unknown>[] = [];
    for (const doc of this.docs.values()) {
      all.push(this.toOrama(doc, this.analyse(doc).perAttribute));
    }
    if (all.length) await insertMultiple(this.orama, all as never, 1000);
  }

  async remove(ids: string[]) {
    const present = ids.filter((id) => this.docs.has(id));
    if (!present.length) return;
    await removeMultiple(this.orama, present, 1000);
    for (const id of present) {
      const toks = this.tokens.get(id);
      if (toks) for (const t of toks.keys()) this.decVocab(t);
      this.tokens.delete(id);
      this.docs.delete(id);
      this.seq.delete(id);
    }
  }

  // -------------------------------------------------------------------------
  // Query analysis

  private vocabularyIndex(): Map<string, string[]> {
    if (this.vocabularyDirty) {
      const byFirst = new Map<string, string[]>();
      for (const t of this.vocabulary.keys()) {
        const k = t[0]!;
        const list = byFirst.get(k);
        if (list) list.push(t);
        else byFirst.set(k, [t]);
      }
      this.vocabularyByFirst = byFirst;
      this.vocabularyDirty = false;
    }
    return this.vocabularyByFirst;
  }

  /** Vocabulary words within the typo budget of `word` (Meilisearch's rule), with their typo count. */
  private typoVariants(word: string): Array<{ token: string; typos: number }> {
    const tt = this.settings.typoTolerance;
    if (!tt.enabled || /^\d+$/.test(word)) return [];
    const budget = typoBudget(word.length, tt.minWordSizeForTypos);
    if (budget === 0) return [];
    const out: Array<{ token: string; typos: number }> = [];
    const byFirst = this.vocabularyIndex();
    for (const [first, list] of byFirst) {
      // a typo on the first letter counts as two
      const firstCost = first === word[0] ? 0 : 2;
      if (firstCost > budget) continue;
      for (const token of list) {
        if (token === word || Math.abs(token.length - word.length) > budget) continue;
        const d = editDistance(word, token, budget);
        const cost = d + (firstCost && d > 0 ? 1 : 0);
        if (d <= budget && cost <= budget) out.push({ token, typos: Math.max(1, cost) });
      }
    }
    return out;
  }

  private prefixCompletions(word: string, limit = 30): string[] {
    const list = this.vocabularyIndex().get(word[0] ?? "") ?? [];
    const out: Array<[string, number]> = [];
    for (const token of list) {
      if (token.length > word.length && token.startsWith(word)) out.push([token, this.vocabulary.get(token) ?? 0]);
    }
    out.sort((a, b) => b[1] - a[1]);
    return out.slice(0, limit).map(([t]) => t);
  }

  analyseQuery(q: string): Slot[] {
    const stop = new Set((this.settings.stopWords ?? []).flatMap((w) => tokenize(w)));
    const raw = tokenize(q).filter((t) => !stop.has(t));
    const endsWithSpace = /\s$/.test(q);
    const slots: Slot[] = raw.map((word) => ({ word, alternatives: [{ tokens: [word], typos: 0, exact: true }] }));
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
            for (const alt of alts) slots[j]!.alternatives.push({ tokens: alt, typos: 0, exact: false });
          }
        }
      }
    }
    slots.forEach((slot, i) => {
      for (const v of this.typoVariants(slot.word)) {
        slot.alternatives.push({ tokens: [v.token], typos: v.typos, exact: false });
        // synonyms of a corrected word count too
        for (const alt of this.synonymIndex.get(v.token) ?? []) {
          slot.alternatives.push({ tokens: alt, typos: v.typos, exact: false });
        }
      }
      if (i === slots.length - 1 && !endsWithSpace) {
        for (const token of this.prefixCompletions(slot.word)) {
          slot.alternatives.push({ tokens: [token], typos: 0, exact: false });
        }
      }
      // the single words of a query are also found inside compounds (indexed as parts)
    });
    return slots;
  }

  // -------------------------------------------------------------------------
  // Search

  async search(params: SearchParams): Promise<SearchResult> {
    const started = performance.now();
    const q = params.q ?? "";
    const limit = Math.max(0, Math.min(params.limit ?? 20, 10_000));
    const offset = Math.max(0, params.offset ?? 0);
    const filter = params.filter;
    const slots = q.trim() ? this.analyseQuery(q) : [];
    const strategy = params.matchingStrategy ?? "last";

    // 1. Orama: documents with any query word form, narrowed by the translatable filter part.
    const where = this.translateFilter(filter);
    const term = [...new Set(slots.flatMap((s) => s.alternatives.flatMap((a) => a.tokens)))].join(" ");
    let candidateIds: string[];
    if (slots.length && !term) {
      candidateIds = [];
    } else if (!slots.length && !where) {
      candidateIds = [...this.docs.keys()];
    } else {
      const result = await oramaSearch(this.orama, {
        ...(term ? { term, properties: this.settings.searchableAttributes.map((_, i) => SEARCHABLE_PREFIX + i) } : {}),
        ...(where ? { where: where as never } : {}),
        exact: false,
        tolerance: 0,
        threshold: 1,
        limit: this.docs.size + 1,
      } as never);
      candidateIds = (result as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
    }

    // 2. Exact semantics in memory.
    const geo = findGeoRadius(filter);
    const geoSortRule = (params.sort ?? []).map(parseGeoSort).find(Boolean);
    const geoPoint = geoSortRule ?? geo;
    type Scored = {
      doc: BaseDocument;
      words: number;
      typos: number;
      attribute: number;
      exact: number;
      distance?: number;
    };
    const scored: Scored[] = [];
    const attrCount = Math.max(1, this.settings.searchableAttributes.length);
    for (const id of candidateIds) {
      const doc = this.docs.get(id);
      if (!doc || !matchesFilter(doc, filter)) continue;
      let words = 0;
      let typos = 0;
      let attribute = 0;
      let exact = 0;
      if (slots.length) {
        const toks = this.tokens.get(id)!;
        let matchedPrefix = 0;
        let prefixOpen = true;
        let bestAttr = Infinity;
        for (const slot of slots) {
          let best: { typos: number; attr: number; exact: boolean } | undefined;
          for (const alt of slot.alternatives) {
            let attr = -1;
            let ok = true;
            let part = false;
            for (const t of alt.tokens) {
              const code = toks.get(t);
              if (code === undefined) {
                ok = false;
                break;
              }
              attr = Math.max(attr, code >> 1);
              if (code & 1) part = true;
            }
            if (!ok) continue;
            const cand = { typos: alt.typos, attr, exact: alt.exact && !part };
            if (
              !best ||
              cand.typos < best.typos ||
              (cand.typos === best.typos && (Number(cand.exact) > Number(best.exact) || (cand.exact === best.exact && cand.attr < best.attr)))
            ) {
              best = cand;
            }
          }
          if (best) {
            words++;
            typos += best.typos;
            if (best.exact) exact++;
            bestAttr = Math.min(bestAttr, best.attr);
            if (prefixOpen) matchedPrefix++;
          } else {
            prefixOpen = false;
          }
        }
        if (strategy === "all" && words < slots.length) continue;
        if (strategy === "last") {
          if (matchedPrefix === 0) continue;
          words = matchedPrefix;
        }
        attribute = bestAttr === Infinity ? attrCount : bestAttr;
      }
      const g = doc._geo;
      const distance = geoPoint && g ? Math.round(haversineMeters(geoPoint.lat, geoPoint.lng, g.lat, g.lng)) : undefined;
      scored.push({ doc, words, typos, attribute, exact, ...(distance !== undefined ? { distance } : {}) });
    }

    // 3. Facets over every match.
    let facetDistribution: FacetDistribution | undefined;
    if (params.facets?.length) {
      facetDistribution = {};
      for (const facet of params.facets) {
        if (!this.settings.filterableAttributes.includes(facet)) {
          throw new SearchEngineError(`Attribuut ${facet} is niet filterbaar`, "invalid_request");
        }
        const counts: Record<string, number> = {};
        for (const s of scored) {
          const value = getPath(s.doc, facet);
          const values = Array.isArray(value) ? new Set(value.map(String)) : value === undefined || value === null ? [] : [String(value)];
          for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
        }
        facetDistribution[facet] = counts;
      }
    }

    // 4. Ranking rules, in the settings' order.
    const sortRules = (params.sort ?? []).map((rule) => {
      const g2 = parseGeoSort(rule);
      if (g2) return { kind: "geo" as const, direction: g2.direction };
      const fs = parseFieldSort(rule);
      if (!fs) throw new SearchEngineError(`Ongeldige sortering: ${rule}`, "invalid_request");
      if (!this.settings.sortableAttributes.includes(fs.field)) {
        throw new SearchEngineError(`Attribuut ${fs.field} is niet sorteerbaar`, "invalid_request");
      }
      return { kind: "field" as const, field: fs.field, direction: fs.direction };
    });
    const compareValues = (a: unknown, b: unknown, direction: "asc" | "desc") => {
      const missingA = a === undefined || a === null;
      const missingB = b === undefined || b === null;
      if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1; // missing last
      const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "nl");
      return direction === "asc" ? c : -c;
    };
    const rules = this.settings.rankingRules.includes("sort")
      ? this.settings.rankingRules
      : [...this.settings.rankingRules, "sort" as const];
    const seqOf = (id: string) => this.seq.get(id) ?? 0;
    scored.sort((a, b) => {
      for (const rule of rules) {
        let c = 0;
        if (rule === "words") c = b.words - a.words;
        else if (rule === "typo") c = a.typos - b.typos;
        else if (rule === "attribute") c = a.attribute - b.attribute;
        else if (rule === "exactness") c = b.exact - a.exact;
        else if (rule === "proximity") c = 0;
        else if (rule === "sort") {
          for (const s of sortRules) {
            c =
              s.kind === "geo"
                ? compareValues(a.distance, b.distance, s.direction)
                : compareValues(getPath(a.doc, s.field), getPath(b.doc, s.field), s.direction);
            if (c) break;
          }
        } else {
          const fs = parseFieldSort(rule);
          if (fs) c = compareValues(getPath(a.doc, fs.field), getPath(b.doc, fs.field), fs.direction);
        }
        if (c) return c;
      }
      return seqOf(a.doc.id) - seqOf(b.doc.id);
    });

    // 5. Page, project, score.
    const page = scored.slice(offset, offset + limit);
    const displayed = this.settings.displayedAttributes;
    const retrieve = params.attributesToRetrieve;
    const hits: SearchHit[] = page.map((s) => {
      let base: Record<string, unknown> = { ...s.doc };
      if (displayed && !displayed.includes("*")) base = pick(base, displayed);
      if (retrieve && !retrieve.includes("*")) base = pick(base, retrieve);
      const hit = base as SearchHit;
      if (s.distance !== undefined) hit._geoDistance = s.distance;
      if (params.showRankingScore || params.showRankingScoreDetails) {
        const details = scoreDetails(s, slots.length, attrCount, rules);
        if (params.showRankingScore) hit._rankingScore = details.score;
        if (params.showRankingScoreDetails) hit._rankingScoreDetails = details.details;
      }
      return hit;
    });
    return {
      hits,
      query: q,
      limit,
      offset,
      estimatedTotalHits: scored.length,
      ...(facetDistribution ? { facetDistribution } : {}),
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  /** The part of a filter Orama can evaluate, as a superset of the real matches (or undefined). */
  private translateFilter(filter: Filter | undefined): Record<string, unknown> | undefined {
    if (!filter) return undefined;
    const t = (node: Filter): Record<string, unknown> | undefined => {
      switch (node.op) {
        case "and": {
          const parts = node.filters.map(t).filter((x): x is Record<string, unknown> => Boolean(x));
          if (!parts.length) return undefined;
          return parts.length === 1 ? parts[0] : { and: parts };
        }
        case "or": {
          const parts = node.filters.map(t);
          if (!parts.length || parts.some((p) => !p)) return undefined;
          return { or: parts };
        }
        case "geoRadius":
          return {
            [filterProp("_geo")]: {
              radius: {
                coordinates: { lat: node.lat, lon: node.lng },
                value: node.distanceMeters * 1.001 + 1,
                unit: "m",
                inside: true,
                highPrecision: true,
              },
            },
          };
        case "eq":
        case "in": {
          const kind = this.kinds.get(node.field);
          const values = node.op === "eq" ? [node.value] : node.values;
          if (!kind || !this.settings.filterableAttributes.includes(node.field)) return undefined;
          if (kind === "string" && values.every((v) => typeof v === "string")) {
            return { [filterProp(node.field)]: { in: values.map((v) => normalizeText(v as string)) } };
          }
          if (kind === "string[]" && values.every((v) => typeof v === "string")) {
            return { [filterProp(node.field)]: { containsAny: values.map((v) => normalizeText(v as string)) } };
          }
          if (kind === "boolean" && values.length === 1 && typeof values[0] === "boolean") {
            return { [filterProp(node.field)]: values[0] };
          }
          if (kind === "number" && values.length === 1 && typeof values[0] === "number") {
            return { [filterProp(node.field)]: { eq: values[0] } };
          }
          return undefined;
        }
        case "gt":
        case "gte":
        case "lt":
        case "lte": {
          const kind = this.kinds.get(node.field);
          if (kind !== "number" || !this.settings.filterableAttributes.includes(node.field)) return undefined;
          return { [filterProp(node.field)]: { [node.op]: node.value } };
        }
        case "range": {
          const kind = this.kinds.get(node.field);
          if (kind !== "number" || !this.settings.filterableAttributes.includes(node.field)) return undefined;
          return { [filterProp(node.field)]: { between: [node.from, node.to] } };
        }
        default:
          return undefined; // not, neq, exists, isEmpty: evaluated in memory
      }
    };
    return t(filter);
  }
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
    if (!index) throw new SearchEngineError(`Index ${name} heeft nog geen instellingen`, "invalid_request");
    return index;
  }

  async applySettings(name: IndexName, settings: IndexSettings): Promise<void> {
    const next = new EmbeddedIndex(settings);
    const current = this.indexes.get(name);
    if (current && current.docs.size) await next.upsert([...current.docs.values()]);
    this.indexes.set(name, next);
  }

  async upsertDocuments<D extends BaseDocument>(name: IndexName, docs: D[]): Promise<void> {
    if (docs.length) await this.index(name).upsert(docs);
  }

  async deleteDocuments(name: IndexName, ids: string[]): Promise<void> {
    await this.index(name).remove(ids);
  }

  async clear(name: IndexName): Promise<void> {
    const current = this.index(name);
    this.indexes.set(name, new EmbeddedIndex(current.settings));
  }

  async getDocument<D extends BaseDocument>(name: IndexName, id: string): Promise<D | null> {
    return (this.index(name).docs.get(id) as D | undefined) ?? null;
  }

  async search<D extends BaseDocument>(name: IndexName, params: SearchParams): Promise<SearchResult<D>> {
    return (await this.index(name).search(params)) as SearchResult<D>;
  }

  async reindex<D extends BaseDocument>(name: IndexName, docs: D[]): Promise<void> {
    const next = new EmbeddedIndex(this.index(name).settings);
    if (docs.length) await next.upsert(docs);
    this.indexes.set(name, next); // swap: searches see the old index until here
  }

  async health(): Promise<EngineHealth> {
    return { ok: true, engine: "embedded" };
  }

  /** Number of documents (for tests and the bench). */
  size(name: IndexName): number {
    return this.indexes.get(name)?.docs.size ?? 0;
  }
}

export function createEmbeddedEngine(options?: EmbeddedEngineOptions): EmbeddedSearchEngine {
  return new EmbeddedSearchEngine(options);
}
