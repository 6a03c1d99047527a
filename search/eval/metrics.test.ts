import { describe, expect, it } from "vitest";
import { evaluate, ndcgAt, percentileNearestRank, recallAt, reciprocalRank } from "./metrics";

const grades = new Map([
  ["a", 3],
  ["b", 2],
  ["c", 1],
]);

describe("ranking metrics (hand-computed)", () => {
  it("nDCG@10 is 1 for the ideal order and discounts later ranks by log2(rank + 1)", () => {
    expect(ndcgAt(["a", "b", "c"], grades)).toBeCloseTo(1, 10);
    // ranking b, a, x: DCG = 3/1 + 7/log2(3) + 0 ; IDCG = 7 + 3/log2(3) + 1/2
    const dcg = 3 + 7 / Math.log2(3);
    const idcg = 7 + 3 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(["b", "a", "x"], grades)).toBeCloseTo(dcg / idcg, 10);
  });

  it("counts a repeated id once, at its first position", () => {
    expect(ndcgAt(["a", "a", "b", "c"], grades)).toBeCloseTo(1, 10);
    expect(recallAt(["b", "b"], grades, 1)).toBe(0.5);
  });

  it("cuts nDCG at k", () => {
    // only "x" in the top 1: DCG 0
    expect(ndcgAt(["x", "a"], grades, 1)).toBe(0);
  });

  it("MRR is 1/rank of the first grade ≥ 2 hit, 0 when none", () => {
    expect(reciprocalRank(["c", "x", "b"], grades)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank(["c", "x"], grades)).toBe(0);
  });

  it("recall@20 is the share of grade ≥ 2 candidates in the top 20", () => {
    expect(recallAt(["a", "c"], grades)).toBe(0.5);
    const long = Array.from({ length: 20 }, (_, i) => `x${i}`).concat(["a", "b"]);
    expect(recallAt(long, grades)).toBe(0);
  });

  it("p95 by nearest rank", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentileNearestRank(values, 95)).toBe(19);
    expect(percentileNearestRank([5], 95)).toBe(5);
    expect(percentileNearestRank([], 95)).toBe(0);
  });

  it("averages only over queries with a grade ≥ 2 candidate", () => {
    const judgments = new Map([
      ["q1", grades],
      ["q2", new Map([["z", 1]])],
      ["q3", new Map<string, number>()],
    ]);
    const rankings = new Map([
      ["q1", ["b", "a"]],
      ["q2", ["z"]],
    ]);
    const r = evaluate(rankings, judgments);
    expect(r.queries).toBe(1);
    expect(r.mrr).toBe(1);
    expect(r["recall@20"]).toBe(1);
  });
});
