import { describe, expect, it } from "vitest";
import { createEmbeddedEngine, EmbeddedIndex, swapVariants, topK } from "./embedded";
import { runEngineContract } from "./contract";
import {
  DEFAULT_RANKING_RULES,
  DEFAULT_TYPO_TOLERANCE,
  parseFieldSort,
  parseGeoSort,
  type BaseDocument,
  type IndexSettings,
  type SearchParams,
} from "./engine";
import { f, findGeoRadius, haversineMeters, matchesFilter, type Filter } from "./filter";
import { compoundParts, editDistance, tokenize } from "./text";

runEngineContract("embedded", () => createEmbeddedEngine());

/*
 * The embedded engine keeps posting lists, columns and a latitude index instead of looking at
 * every document. These tests hold it to a plain reference that does look at every document:
 * `matchesFilter` for filters, the per-document text scoring the engine used before, one full
 * sort for the ranking rules, facets counted document by document.
 */

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return {
    next,
    int,
    pick,
    chance: (p: number) => next() < p,
    float: (min: number, max: number) => min + next() * (max - min),
  };
}

const SETTINGS: IndexSettings = {
  primaryKey: "id",
  searchableAttributes: ["title", "tags", "body"],
  filterableAttributes: ["status", "tags", "n", "flag", "codes", "nested.x", "label", "_geo"],
  sortableAttributes: ["publishedAt", "rank", "label", "_geo"],
  synonyms: {
    heftruck: ["vorkheftruck", "reachtruck"],
    vorkheftruck: ["heftruck", "reachtruck"],
    reachtruck: ["heftruck", "vorkheftruck"],
    "magazijn medewerker": ["orderpicker"],
    orderpicker: ["magazijn medewerker"],
  },
  typoTolerance: { ...DEFAULT_TYPO_TOLERANCE },
  rankingRules: [...DEFAULT_RANKING_RULES],
};

const WORDS = [
  "lasser",
  "lassers",
  "heftruck",
  "vorkheftruckchauffeur",
  "chauffeur",
  "magazijn",
  "medewerker",
  "medewerkster",
  "orderpicker",
  "kok",
  "schoonmaker",
  "schoonmaakster",
  "timmerman",
  "reachtruck",
  "constructiebankwerker",
  "bankwerker",
  "Inspiciënt",
  "MIG-lasser",
  "koks",
  "lasr",
];
const STATUSES = ["published", "PUBLISHED", "Published", "draft", "", "3"];
const CODES = ["A", "b", "C", "Ä", "12", "1e3"];

function randomDoc(r: ReturnType<typeof random>, id: string): BaseDocument {
  const words = (n: number) => Array.from({ length: n }, () => r.pick(WORDS)).join(" ");
  const doc: BaseDocument = { id, title: words(r.int(1, 3)) };
  if (r.chance(0.8)) doc.tags = Array.from({ length: r.int(0, 3) }, () => r.pick(WORDS));
  if (r.chance(0.5)) doc.body = words(r.int(0, 6));
  const status = r.next();
  doc.status =
    status < 0.8 ? r.pick(STATUSES) : status < 0.9 ? null : status < 0.95 ? 3 : undefined;
  const n = r.next();
  doc.n =
    n < 0.7
      ? r.int(0, 10)
      : n < 0.8
        ? String(r.int(0, 10))
        : n < 0.85
          ? null
          : n < 0.9
            ? [r.int(0, 10), r.int(0, 10)]
            : undefined;
  if (r.chance(0.8)) doc.flag = r.chance(0.5);
  else if (r.chance(0.5)) doc.flag = "true";
  const c = r.next();
  doc.codes =
    c < 0.7
      ? Array.from({ length: r.int(0, 3) }, () => r.pick(CODES))
      : c < 0.8
        ? [r.pick(CODES), 12]
        : c < 0.9
          ? r.pick(CODES)
          : undefined;
  if (r.chance(0.5)) doc.nested = { x: r.int(0, 5) };
  if (r.chance(0.3)) doc.label = r.pick(["Één", "een", "twee", "Drie"]);
  if (r.chance(0.9)) doc._geo = { lat: 51.5 + r.next() * 2, lng: 4 + r.next() * 3 };
  if (r.chance(0.85)) doc.publishedAt = r.int(1, 50);
  // Sort values of one type per field (numbers and strings mixed have no total order, in any engine).
  const rank = r.next();
  if (rank < 0.8) doc.rank = r.int(0, 6);
  else if (rank < 0.9) doc.rank = null;
  return doc;
}

const FIELDS = ["status", "tags", "n", "flag", "codes", "nested.x", "label", "title", "missing"];
const VALUES: Array<string | number | boolean> = [
  "published",
  "PUBLISHED",
  "draft",
  "",
  "3",
  3,
  5,
  "5",
  true,
  false,
  "true",
  "a",
  "A",
  "ä",
  12,
  "12",
  1000,
  "1e3",
  "lasser",
  "één",
];

function randomFilter(r: ReturnType<typeof random>, depth = 0): Filter {
  const kind = r.int(0, depth > 2 ? 9 : 12);
  const field = r.pick(FIELDS);
  switch (kind) {
    case 0:
      return f.eq(field, r.pick(VALUES));
    case 1:
      return f.neq(field, r.pick(VALUES));
    case 2:
      return f.in(
        field,
        Array.from({ length: r.int(0, 3) }, () => r.pick(VALUES)),
      );
    case 3:
      return f.gt(field, r.int(0, 10));
    case 4:
      return f.lte(field, r.int(0, 10));
    case 5:
      return f.range(field, r.int(0, 5), r.int(3, 10));
    case 6:
      return f.exists(field);
    case 7:
      return f.isEmpty(field);
    case 8:
    case 9:
      return f.geoRadius(51.5 + r.next() * 2, 4 + r.next() * 3, r.int(1, 80) * 1000);
    case 10:
      return f.and(...Array.from({ length: r.int(0, 3) }, () => randomFilter(r, depth + 1)));
    case 11:
      return f.or(...Array.from({ length: r.int(0, 3) }, () => randomFilter(r, depth + 1)));
    default:
      return f.not(randomFilter(r, depth + 1));
  }
}

// ---------------------------------------------------------------------------
// The reference: every document, one at a time

function getPath(doc: Record<string, unknown>, path: string): unknown {
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

function compoundDictionary(settings: IndexSettings): Set<string> {
  const dict = new Set<string>();
  for (const [key, values] of Object.entries(settings.synonyms)) {
    for (const phrase of [key, ...values])
      for (const w of tokenize(phrase)) if (w.length >= 4) dict.add(w);
  }
  return dict;
}

function tokensOf(
  doc: BaseDocument,
  settings: IndexSettings,
  dict: Set<string>,
): Map<string, number> {
  const map = new Map<string, number>();
  settings.searchableAttributes.forEach((attr, i) => {
    for (const token of tokenize(textOf(getPath(doc, attr)))) {
      if (!map.has(token) || i * 2 < map.get(token)!) map.set(token, i * 2);
      if (token.length >= 8) {
        for (const part of compoundParts(token, dict))
          if (!map.has(part) || i * 2 + 1 < map.get(part)!) map.set(part, i * 2 + 1);
      }
    }
  });
  return map;
}

function compareValues(a: unknown, b: unknown, direction: "asc" | "desc"): number {
  const missingA = a === undefined || a === null;
  const missingB = b === undefined || b === null;
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  const c =
    typeof a === "number" && typeof b === "number"
      ? a - b
      : String(a).localeCompare(String(b), "nl");
  return direction === "asc" ? c : -c;
}

/** The engine's answer, checked against the reference: total, hits in order, distances, facets. */
function expectAsReference(index: EmbeddedIndex, docs: BaseDocument[], params: SearchParams) {
  const got = index.search(params);
  const want = referenceSearch(index, docs, params);
  const label = JSON.stringify(params);
  expect(got.estimatedTotalHits, label).toBe(want.total);
  expect(
    got.hits.map((h) => h.id),
    label,
  ).toEqual(want.hits.map((h) => h.id));
  expect(
    got.hits.map((h) => h._geoDistance),
    label,
  ).toEqual(want.hits.map((h) => h.distance));
  for (const facet of params.facets ?? []) {
    expect(sortedEntries(got.facetDistribution?.[facet]), `${label} facet ${facet}`).toEqual(
      sortedEntries(want.facetDistribution[facet]),
    );
  }
  return got;
}

function referenceSearch(index: EmbeddedIndex, docs: BaseDocument[], params: SearchParams) {
  const settings = index.settings;
  const dict = compoundDictionary(settings);
  const slots = params.q?.trim() ? index.analyseQuery(params.q) : [];
  const strategy = params.matchingStrategy ?? "last";
  const attrCount = settings.searchableAttributes.length;
  const geoSortRule = (params.sort ?? []).map(parseGeoSort).find(Boolean);
  const geoPoint = geoSortRule ?? findGeoRadius(params.filter);
  type Scored = {
    doc: BaseDocument;
    seq: number;
    words: number;
    typos: number;
    attribute: number;
    exact: number;
    distance?: number;
  };
  const scored: Scored[] = [];
  docs.forEach((doc, seq) => {
    if (!matchesFilter(doc, params.filter)) return;
    let words = 0;
    let typos = 0;
    let exact = 0;
    let attribute = 0;
    if (slots.length) {
      const toks = tokensOf(doc, settings, dict);
      let matchedPrefix = 0;
      let prefixOpen = true;
      let bestAttr = Infinity;
      for (const slot of slots) {
        let best: { typos: number; attr: number; exact: boolean } | undefined;
        for (const alt of slot.alternatives) {
          let attr = -1;
          let part = false;
          if (!alt.tokens.every((t) => toks.has(t))) continue;
          for (const t of alt.tokens) {
            attr = Math.max(attr, toks.get(t)! >> 1);
            if (toks.get(t)! & 1) part = true;
          }
          const cand = { typos: alt.typos, attr, exact: alt.exact && !part };
          if (
            !best ||
            cand.typos < best.typos ||
            (cand.typos === best.typos &&
              (Number(cand.exact) > Number(best.exact) ||
                (cand.exact === best.exact && cand.attr < best.attr)))
          )
            best = cand;
        }
        if (best) {
          words++;
          typos += best.typos;
          if (best.exact) exact++;
          bestAttr = Math.min(bestAttr, best.attr);
          if (prefixOpen) matchedPrefix++;
        } else prefixOpen = false;
      }
      if (strategy === "all" && words < slots.length) return;
      if (strategy === "last") {
        if (matchedPrefix === 0) return;
        words = matchedPrefix;
      }
      attribute = bestAttr === Infinity ? attrCount : bestAttr;
    }
    const g = doc._geo;
    const distance =
      geoPoint && g
        ? Math.round(haversineMeters(geoPoint.lat, geoPoint.lng, g.lat, g.lng))
        : undefined;
    scored.push({
      doc,
      seq,
      words,
      typos,
      attribute,
      exact,
      ...(distance !== undefined ? { distance } : {}),
    });
  });
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const facet of params.facets ?? []) {
    const counts: Record<string, number> = {};
    for (const s of scored) {
      const value = getPath(s.doc, facet);
      const values = Array.isArray(value)
        ? new Set(value.map(String))
        : value === undefined || value === null
          ? []
          : [String(value)];
      for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    }
    facetDistribution[facet] = counts;
  }
  scored.sort((a, b) => {
    for (const rule of settings.rankingRules) {
      let c = 0;
      if (rule === "words") c = b.words - a.words;
      else if (rule === "typo") c = a.typos - b.typos;
      else if (rule === "attribute") c = a.attribute - b.attribute;
      else if (rule === "exactness") c = b.exact - a.exact;
      else if (rule === "sort") {
        for (const s of params.sort ?? []) {
          const geo = parseGeoSort(s);
          const field = parseFieldSort(s);
          c = geo
            ? compareValues(a.distance, b.distance, geo.direction)
            : compareValues(
                getPath(a.doc, field!.field),
                getPath(b.doc, field!.field),
                field!.direction,
              );
          if (c) break;
        }
      }
      if (c) return c;
    }
    return a.seq - b.seq;
  });
  const offset = params.offset ?? 0;
  return {
    total: scored.length,
    hits: scored
      .slice(offset, offset + (params.limit ?? 20))
      .map((s) => ({ id: s.doc.id, distance: s.distance })),
    facetDistribution,
  };
}

const sortedEntries = (x: Record<string, number> | undefined) =>
  Object.entries(x ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));

describe("embedded engine against a document-by-document reference", () => {
  // A filtered text query reads MiniSearch's postings, or (filter narrow enough) each passing
  // document's own word forms: both must give exactly the reference's answer.
  it.each([
    ["through MiniSearch's postings", { textPath: "postings" as const }],
    ["through each passing document's word forms", { textPath: "documents" as const }],
  ])(
    "finds, counts, ranks and pages exactly like the reference, through writes and deletes (%s)",
    (_, options) => {
      const r = random(42);
      const index = new EmbeddedIndex(SETTINGS, options);
      let docs: BaseDocument[] = [];
      let next = 0;
      let lastFilter: Filter | undefined;
      const queries = [
        "",
        "",
        "lasser",
        "lassre ",
        "heftruck",
        "magazijn medewerker",
        "med",
        "kok chauffeur",
        "schoonmaakster lasser",
        "ordrepikcer ",
        "bankwerker",
        "inspicient mig",
      ];
      for (let round = 0; round < 30; round++) {
        // writes: new documents, replacements (they move to the end of the insertion order), deletes
        const batch: BaseDocument[] = [];
        for (let i = 0; i < r.int(5, 40); i++) {
          const replace = docs.length && r.chance(0.2);
          batch.push(randomDoc(r, replace ? r.pick(docs).id : `d${next++}`));
        }
        index.upsert(batch);
        const byId = new Map(batch.map((d) => [d.id, d]));
        docs = [...docs.filter((d) => !byId.has(d.id)), ...byId.values()];
        const gone = docs.filter(() => r.chance(0.05)).map((d) => d.id);
        index.remove([...gone, "not-there"]);
        docs = docs.filter((d) => !gone.includes(d.id));

        for (let k = 0; k < 12; k++) {
          const q = r.pick(queries);
          const sort = r.pick([
            [],
            ["publishedAt:desc"],
            ["rank:asc"],
            ["label:asc", "publishedAt:asc"],
            [`_geoPoint(52.5,5.5):asc`],
            [`_geoPoint(52.1,4.9):desc`, "rank:desc"],
          ]);
          const params: SearchParams = {
            ...(q ? { q } : {}),
            // the same filter object again now and then (also after writes): what the engine
            // keeps per filter must give the same answers
            ...(r.chance(0.8)
              ? {
                  filter: (lastFilter = lastFilter && r.chance(0.3) ? lastFilter : randomFilter(r)),
                }
              : {}),
            sort,
            facets: ["status", "tags", "codes", "flag", "n", "nested.x", "_geo"],
            limit: r.pick([0, 1, 5, 20, 1000]),
            offset: r.pick([0, 0, 3, 17]),
            matchingStrategy: r.pick(["last", "all"] as const),
            showRankingScore: true,
          };
          expectAsReference(index, docs, params);
        }
      }
      expect(index.size).toBe(docs.length);
      expect(index.all().map((d) => d.id)).toEqual(docs.map((d) => d.id));
      // the word forms of replaced and removed documents are forgotten
      index.remove(docs.map((d) => d.id));
      expect(index.size).toBe(0);
      expect(index.vocabularySize).toBe(0);
    },
  );

  it.each(["auto", "documents"] as const)(
    "answers a query that comes back from its kept text matches, and forgets them when the index changes (%s)",
    (textPath) => {
      const r = random(7);
      const index = new EmbeddedIndex(SETTINGS, { textPath });
      let docs = Array.from({ length: 300 }, (_, i) => randomDoc(r, `d${i}`));
      index.upsert(docs);
      const check = (params: SearchParams) => expectAsReference(index, docs, params);
      const narrow = f.and(f.eq("status", "published"), f.geoRadius(52.5, 5.5, 15_000));
      const wide = f.eq("status", "published");
      // first, second and third time with a narrow filter, then wide, then none, then narrow again
      for (const filter of [narrow, narrow, narrow, wide, undefined, narrow, wide]) {
        check({
          q: "heftruck",
          ...(filter ? { filter } : {}),
          facets: ["tags", "status"],
          limit: 50,
        });
      }
      // the kept matches are shared: a search without a filter must not disturb the next one
      check({ q: "heftruck", sort: ["rank:asc"], limit: 5, offset: 2 });
      check({ q: "heftruck", filter: wide, limit: 1000 });

      // a new document with the word is found at once, a removed one is gone at once
      const added = {
        ...randomDoc(r, "new-heftruck"),
        title: "Heftruck chauffeur",
        status: "published",
        _geo: { lat: 52.5, lng: 5.5 },
      };
      index.upsert([added]);
      docs = [...docs, added];
      // the narrow filter first: what was kept for it must be gone, not just outrun
      expect(check({ q: "heftruck", filter: narrow, limit: 1000 }).hits.map((h) => h.id)).toContain(
        "new-heftruck",
      );
      expect(check({ q: "heftruck", limit: 1000 }).hits.map((h) => h.id)).toContain("new-heftruck");
      check({ q: "heftruck", filter: wide, limit: 1000 });
      index.remove(["new-heftruck"]);
      docs = docs.filter((d) => d.id !== "new-heftruck");
      expect(
        check({ q: "heftruck", filter: narrow, limit: 1000 }).hits.map((h) => h.id),
      ).not.toContain("new-heftruck");
      expect(check({ q: "heftruck", limit: 1000 }).hits.map((h) => h.id)).not.toContain(
        "new-heftruck",
      );
      // the same text with the other matching strategy is a different query
      check({ q: "heftruck lasser", matchingStrategy: "all", limit: 1000 });
      check({ q: "heftruck lasser", matchingStrategy: "last", limit: 1000 });
      check({ q: "heftruck lasser", matchingStrategy: "all", limit: 1000 });
    },
  );

  it("keeps points just inside the radius (haversine, as the filter semantics say)", () => {
    const index = new EmbeddedIndex(SETTINGS);
    const centre = { lat: 52.0907, lng: 5.1214 };
    // on every side, at 99.9 % and 100.1 % of 40 km
    const docs: BaseDocument[] = [];
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      for (const share of [0.999, 1.001]) {
        const d = (40_000 * share) / 6_371_000;
        const b = (bearing * Math.PI) / 180;
        const lat1 = (centre.lat * Math.PI) / 180;
        const lng1 = (centre.lng * Math.PI) / 180;
        const lat2 = Math.asin(
          Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b),
        );
        const lng2 =
          lng1 +
          Math.atan2(
            Math.sin(b) * Math.sin(d) * Math.cos(lat1),
            Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
          );
        docs.push({
          id: `${bearing}-${share}`,
          title: "x",
          _geo: { lat: (lat2 * 180) / Math.PI, lng: (lng2 * 180) / Math.PI },
        });
      }
    }
    index.upsert(docs);
    const result = index.search({
      filter: f.geoRadius(centre.lat, centre.lng, 40_000),
      limit: 100,
    });
    expect(result.hits.map((h) => h.id).sort()).toEqual(
      docs
        .filter((d) => d.id.endsWith("0.999"))
        .map((d) => d.id)
        .sort(),
    );
  });

  it("handles radius filters near the poles and across the date line", () => {
    const index = new EmbeddedIndex(SETTINGS);
    const docs: BaseDocument[] = [
      { id: "north", title: "x", _geo: { lat: 89.9, lng: 10 } },
      { id: "north-other-side", title: "x", _geo: { lat: 89.9, lng: -170 } },
      { id: "east", title: "x", _geo: { lat: 0, lng: 179.9 } },
      { id: "west", title: "x", _geo: { lat: 0, lng: -179.9 } },
    ];
    index.upsert(docs);
    for (const filter of [
      f.geoRadius(89.95, 10, 50_000),
      f.geoRadius(0, 179.95, 30_000),
      f.geoRadius(0, -179.95, 5_000),
    ]) {
      const got = index
        .search({ filter, limit: 10 })
        .hits.map((h) => h.id)
        .sort();
      expect(got).toEqual(
        docs
          .filter((d) => matchesFilter(d, filter))
          .map((d) => d.id)
          .sort(),
      );
    }
  });
});

describe("swapVariants", () => {
  /** Plain Levenshtein distance (what MiniSearch's fuzzy lookup counts). */
  function levenshtein(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++)
        cur[j] = Math.min(
          prev[j]! + 1,
          cur[j - 1]! + 1,
          prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
      prev = cur;
    }
    return prev[b.length]!;
  }

  it("reaches every word within the typo budget (a swap counting as one) by Levenshtein lookups", () => {
    const r = random(11);
    const letters = "abcde";
    const edit = (w: string): string => {
      const i = r.int(0, Math.max(0, w.length - 1));
      const c = letters[r.int(0, letters.length - 1)]!;
      switch (r.int(0, 3)) {
        case 0:
          return w.slice(0, i) + c + w.slice(i);
        case 1:
          return w.slice(0, i) + w.slice(i + 1);
        case 2:
          return w.slice(0, i) + c + w.slice(i + 1);
        default:
          return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
      }
    };
    let checked = 0;
    for (let k = 0; k < 4000; k++) {
      const word = Array.from(
        { length: r.int(5, 12) },
        () => letters[r.int(0, letters.length - 1)],
      ).join("");
      const budget = word.length >= 9 ? 2 : 1;
      const target = budget === 2 && r.chance(0.6) ? edit(edit(word)) : edit(word);
      if (editDistance(word, target, budget) > budget) continue;
      checked++;
      const reached =
        levenshtein(word, target) <= budget ||
        swapVariants(word, budget).some((v) => levenshtein(v.term, target) <= v.fuzzy);
      expect(reached, `${word} → ${target}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(2000);
    expect(swapVariants("kok", 0)).toEqual([]);
  });
});

describe("geo cells", () => {
  it("finds every point within a radius, wherever it lies, with few or many cells holding documents", () => {
    const r = random(3);
    const point = () => ({ lat: r.float(-89.99, 89.99), lng: r.float(-180, 180) });
    // clusters (the cells around the centres) and points scattered over the globe
    const centres = [
      { lat: 52.1, lng: 5.1 },
      { lat: 0, lng: 179.97 },
      { lat: 0, lng: -179.97 },
      { lat: 89.96, lng: 0 },
      { lat: -45, lng: 0.01 },
    ];
    const docs: BaseDocument[] = [];
    for (let i = 0; i < 3000; i++) {
      const c = r.pick(centres);
      const near = r.chance(0.7);
      const p = near
        ? {
            lat: Math.max(-90, Math.min(90, c.lat + r.float(-0.6, 0.6))),
            lng: c.lng + r.float(-0.9, 0.9),
          }
        : point();
      docs.push({ id: `g${i}`, title: "x", _geo: p });
    }
    for (const count of [40, 3000]) {
      // 40 documents hold fewer cells than a radius reaches; 3000 hold more
      const index = new EmbeddedIndex(SETTINGS);
      const some = docs.slice(0, count);
      index.upsert(some);
      for (const c of centres) {
        for (const metres of [2_000, 25_000, 60_000]) {
          const filter = f.geoRadius(c.lat, c.lng, metres);
          const got = index
            .search({ filter, limit: 5000 })
            .hits.map((h) => h.id)
            .sort();
          const want = some
            .filter((d) => matchesFilter(d, filter))
            .map((d) => d.id)
            .sort();
          expect(got, `${count} ${JSON.stringify(c)} ${metres}`).toEqual(want);
        }
      }
      // moved and removed documents leave their cells
      index.remove(some.slice(0, count / 2).map((d) => d.id));
      const filter = f.geoRadius(52.1, 5.1, 60_000);
      expect(
        index
          .search({ filter, limit: 5000 })
          .hits.map((h) => h.id)
          .sort(),
      ).toEqual(
        some
          .slice(count / 2)
          .filter((d) => matchesFilter(d, filter))
          .map((d) => d.id)
          .sort(),
      );
    }
  });
});

describe("topK", () => {
  it("returns the first k of a total order, like a full sort", () => {
    const r = random(7);
    for (let round = 0; round < 200; round++) {
      const n = r.int(0, 60);
      const values = Array.from({ length: n }, () => r.int(0, 9));
      const compare = (a: number, b: number) => values[a]! - values[b]! || a - b;
      const k = r.int(0, 70);
      const all = Array.from({ length: n }, (_, i) => i).sort(compare);
      expect(topK(n, k, compare)).toEqual(all.slice(0, k));
    }
  });
});
