/*
 * Ranking metrics exactly as ../shared/eval/FORMAT.md defines them.
 * `grades` maps candidate id → grade (absent = 0). Repeated ids in a ranking count once,
 * at their first position.
 */

export type Grades = ReadonlyMap<string, number>;

function dedupe(ranking: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ranking) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

const gain = (grade: number) => 2 ** grade - 1;
const discount = (rank: number) => Math.log2(rank + 1); // rank is 1-based

/** nDCG@k with gain 2^grade − 1 and discount log2(rank + 1); the ideal sorts all judged candidates by grade. */
export function ndcgAt(ranking: readonly string[], grades: Grades, k = 10): number {
  const ranked = dedupe(ranking).slice(0, k);
  let dcg = 0;
  ranked.forEach((id, i) => {
    dcg += gain(grades.get(id) ?? 0) / discount(i + 1);
  });
  const ideal = [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => {
    idcg += gain(g) / discount(i + 1);
  });
  return idcg === 0 ? 0 : dcg / idcg;
}

/** 1 / rank of the first candidate with grade ≥ minGrade; 0 if none is returned. */
export function reciprocalRank(ranking: readonly string[], grades: Grades, minGrade = 2): number {
  const ranked = dedupe(ranking);
  for (let i = 0; i < ranked.length; i++) if ((grades.get(ranked[i]!) ?? 0) >= minGrade) return 1 / (i + 1);
  return 0;
}

/** Share of the grade ≥ minGrade candidates found in the top k. */
export function recallAt(ranking: readonly string[], grades: Grades, k = 20, minGrade = 2): number {
  const relevant = [...grades.entries()].filter(([, g]) => g >= minGrade).map(([id]) => id);
  if (!relevant.length) return 0;
  const top = new Set(dedupe(ranking).slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentileNearestRank(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type EvalSummary = { "ndcg@10": number; mrr: number; "recall@20": number; queries: number };

/** Averages the metrics over the queries with at least one grade ≥ 2 candidate. */
export function evaluate(rankings: ReadonlyMap<string, readonly string[]>, judgments: ReadonlyMap<string, Grades>): EvalSummary {
  let ndcg = 0;
  let mrr = 0;
  let recall = 0;
  let queries = 0;
  for (const [query, grades] of judgments) {
    if (![...grades.values()].some((g) => g >= 2)) continue;
    const ranking = rankings.get(query) ?? [];
    ndcg += ndcgAt(ranking, grades, 10);
    mrr += reciprocalRank(ranking, grades, 2);
    recall += recallAt(ranking, grades, 20, 2);
    queries++;
  }
  return {
    "ndcg@10": queries ? ndcg / queries : 0,
    mrr: queries ? mrr / queries : 0,
    "recall@20": queries ? recall / queries : 0,
    queries,
  };
}
