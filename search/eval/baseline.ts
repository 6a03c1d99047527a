import type { EvalCandidate, EvalVacancy } from "./dataset";
import { words } from "../text";

/*
 * The reference point: a plain keyword matcher that ignores every constraint. It counts the
 * words of the vacancy's title and skills that also occur in the candidate's headline,
 * experience titles and skills (no synonyms, no word forms, no typos, no taxonomy).
 */
export function keywordBaseline(vacancy: EvalVacancy, candidates: EvalCandidate[], limit = 20): string[] {
  const query = new Set(words([vacancy.title, ...vacancy.skills].join(" ")));
  const scored = candidates.map((c) => {
    const text = new Set(words([c.headline, ...c.experience.map((e) => e.title), ...c.skills].join(" ")));
    let score = 0;
    for (const w of query) if (text.has(w)) score++;
    return { id: c.id, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}
