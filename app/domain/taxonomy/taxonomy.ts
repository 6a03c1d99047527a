import { compoundParts, editDistance, tokenize } from "#search/text";
import { curatedOccupations, curatedWordSynonyms } from "./curated";

/*
 * The occupation taxonomy in memory: labels (titles, synonyms, female forms) of the curated
 * Werkbrug occupations and of imported ESCO occupations, with their ISCO-08 groups.
 * It resolves a free-text job title to occupations (exact label, then typo-tolerant, then
 * by shared words) and produces the synonym map both search engines use.
 */

export type Occupation = {
  code: string;
  title: string;
  iscoGroup: string | null;
  synonyms: string[];
  sector: string | null;
  source: string;
};

export type ResolvedOccupation = {
  code: string;
  title: string;
  iscoGroup: string | null;
  /** 1 for an exact label, lower for a typo or a partial match. */
  confidence: number;
  /** True when the title resolved to this occupation by one of its labels (exact or with typos). */
  byLabel: boolean;
};

/** Words that carry no meaning in a job title ("schoonmaker in pretpark"). */
const TITLE_STOP_WORDS = new Set([
  "in", "van", "de", "het", "een", "en", "voor", "op", "te", "der", "den", "bij", "met", "aan", "of", "s", "m", "v", "x", "mv",
]);

export function titleKey(label: string): string {
  return tokenize(label)
    .filter((t) => !TITLE_STOP_WORDS.has(t))
    .join(" ");
}

/** Typo budget for matching a whole title (longer than one word may hold more typos). */
function titleTypoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  if (length < 24) return 2;
  return 3;
}

export class Taxonomy {
  readonly occupations = new Map<string, Occupation>();
  private readonly byCompact = new Map<string, Set<string>>();
  private readonly compactByLength = new Map<number, string[]>();
  private readonly tokenDf = new Map<string, number>();
  private readonly labelsByToken = new Map<string, Set<string>>(); // token → compact keys
  private readonly compactTokens = new Map<string, string[]>();
  private readonly cache = new Map<string, ResolvedOccupation[]>();
  readonly dictionary = new Set<string>();
  private labelCount = 0;

  constructor(occupations: Occupation[], readonly wordSynonyms: string[][] = curatedWordSynonyms) {
    for (const o of occupations) this.add(o);
    for (const group of wordSynonyms) for (const w of group) for (const t of tokenize(w)) if (t.length >= 4) this.dictionary.add(t);
  }

  private add(o: Occupation) {
    this.occupations.set(o.code, o);
    for (const label of [o.title, ...o.synonyms]) {
      const key = titleKey(label);
      if (!key) continue;
      const compact = key.replace(/ /g, "");
      let codes = this.byCompact.get(compact);
      if (!codes) {
        codes = new Set();
        this.byCompact.set(compact, codes);
        const list = this.compactByLength.get(compact.length) ?? [];
        list.push(compact);
        this.compactByLength.set(compact.length, list);
        const tokens = key.split(" ");
        this.compactTokens.set(compact, tokens);
        this.labelCount++;
        for (const t of new Set(tokens)) {
          this.tokenDf.set(t, (this.tokenDf.get(t) ?? 0) + 1);
          const set = this.labelsByToken.get(t) ?? new Set<string>();
          set.add(compact);
          this.labelsByToken.set(t, set);
          if (t.length >= 4) this.dictionary.add(t);
        }
      }
      codes.add(o.code);
    }
  }

  byCode(code: string): Occupation | undefined {
    return this.occupations.get(code);
  }

  private info(code: string, confidence: number, byLabel: boolean): ResolvedOccupation {
    const o = this.occupations.get(code)!;
    return { code, title: o.title, iscoGroup: o.iscoGroup, confidence, byLabel };
  }

  private idf(token: string): number {
    return Math.log(1 + this.labelCount / (1 + (this.tokenDf.get(token) ?? 0)));
  }

  /**
   * Occupations a free-text job title most likely means, best first (several when equally
   * likely). Empty when nothing fits.
   */
  resolveTitle(title: string): ResolvedOccupation[] {
    const cached = this.cache.get(title);
    if (cached) return cached;
    const result = this.resolveUncached(title);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(title, result);
    return result;
  }

  private resolveUncached(title: string): ResolvedOccupation[] {
    const key = titleKey(title);
    if (!key) return [];
    const compact = key.replace(/ /g, "");
    // 1. a label, exactly (word forms normalised)
    const exact = this.byCompact.get(compact);
    if (exact) return [...exact].map((c) => this.info(c, 1, true));
    // 2. a label with typos (Meilisearch-like budget on the whole title)
    const budget = titleTypoBudget(compact.length);
    let best = budget + 1;
    let found: string[] = [];
    for (let len = compact.length - budget; len <= compact.length + budget; len++) {
      for (const label of this.compactByLength.get(len) ?? []) {
        const d = editDistance(compact, label, Math.min(best, budget));
        if (d < best) {
          best = d;
          found = [label];
        } else if (d === best && d <= budget) {
          found.push(label);
        }
      }
    }
    if (found.length && best <= budget) {
      const codes = new Set(found.flatMap((l) => [...this.byCompact.get(l)!]));
      return [...codes].map((c) => this.info(c, 1 - 0.05 * best, true));
    }
    // 3. labels sharing the most informative words (with compound parts and one typo per word)
    const queryTokens = new Set<string>();
    for (const t of key.split(" ")) {
      queryTokens.add(t);
      if (t.length >= 8) for (const p of compoundParts(t, this.dictionary)) queryTokens.add(p);
    }
    const scores = new Map<string, number>();
    let total = 0;
    for (const t of key.split(" ")) total += this.idf(t);
    for (const t of queryTokens) {
      const matches = new Map<string, number>([[t, 1]]);
      if (!this.labelsByToken.has(t) && t.length >= 5) {
        for (const other of this.labelsByToken.keys()) {
          if (Math.abs(other.length - t.length) <= 1 && other[0] === t[0] && editDistance(t, other, 1) <= 1) {
            matches.set(other, 0.9);
          }
        }
      }
      for (const [m, weight] of matches) {
        for (const label of this.labelsByToken.get(m) ?? []) {
          scores.set(label, (scores.get(label) ?? 0) + weight * this.idf(m));
        }
      }
    }
    let bestScore = 0;
    let bestLabels: string[] = [];
    for (const [label, s] of scores) {
      // penalise labels with many words the title does not have
      const extra = this.compactTokens.get(label)!.filter((t) => !queryTokens.has(t));
      let penalty = 0;
      for (const t of extra) penalty += this.idf(t) * 0.5;
      const score = (s - penalty) / Math.max(total, 1e-9);
      if (score > bestScore + 1e-9) {
        bestScore = score;
        bestLabels = [label];
      } else if (Math.abs(score - bestScore) <= 1e-9) {
        bestLabels.push(label);
      }
    }
    if (bestScore < 0.45 || bestLabels.length === 0) return [];
    const codes = new Set(bestLabels.slice(0, 10).flatMap((l) => [...this.byCompact.get(l)!]));
    return [...codes].slice(0, 10).map((c) => this.info(c, Math.min(0.8, 0.8 * bestScore), false));
  }

  /**
   * Multi-way synonyms for the engines: every label of an occupation maps to its other labels
   * (labels shared by more than two occupations are left out: too ambiguous), plus the
   * word-level groups.
   */
  engineSynonyms(maxPerKey = 12): Record<string, string[]> {
    const out = new Map<string, Set<string>>();
    const addGroup = (labels: string[]) => {
      const clean = [...new Set(labels.map((l) => l.trim().toLowerCase()).filter(Boolean))];
      if (clean.length < 2) return;
      for (const a of clean) {
        const set = out.get(a) ?? new Set<string>();
        for (const b of clean) if (b !== a && set.size < maxPerKey) set.add(b);
        out.set(a, set);
      }
    };
    for (const o of this.occupations.values()) {
      const labels = [o.title, ...o.synonyms].filter((l) => {
        const compact = titleKey(l).replace(/ /g, "");
        return (this.byCompact.get(compact)?.size ?? 0) <= 2;
      });
      addGroup(labels.slice(0, maxPerKey + 1));
    }
    for (const group of this.wordSynonyms) addGroup(group);
    const result: Record<string, string[]> = {};
    for (const [k, v] of out) result[k] = [...v];
    return result;
  }

  /** The resolver shape `search/documents.ts` builders take. */
  resolver() {
    return {
      byCode: (code: string) => {
        const o = this.occupations.get(code);
        return o ? { code: o.code, title: o.title, iscoGroup: o.iscoGroup } : undefined;
      },
      resolveTitle: (title: string) => this.resolveTitle(title),
    };
  }
}

export function curatedTaxonomyOccupations(): Occupation[] {
  return curatedOccupations.map((o) => ({ ...o, source: "werkbrug" }));
}

/** The curated taxonomy alone (no database). */
export function curatedTaxonomy(): Taxonomy {
  return new Taxonomy(curatedTaxonomyOccupations());
}
