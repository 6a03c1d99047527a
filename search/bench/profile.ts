import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { asc, eq } from "drizzle-orm";
import { openDatabase } from "#db/client.server";
import { organisations, vacancies } from "#db/schema";
import { explainMatch } from "~/domain/search/explanation";
import { loadTaxonomy } from "~/domain/taxonomy/taxonomy.server";
import {
  EMPLOYER_CANDIDATE_ATTRIBUTES,
  type CandidateDocument,
  type VacancyDocument,
} from "../documents";
import { createEmbeddedEngine } from "../embedded";
import { percentileNearestRank } from "../eval/metrics";
import { matchCandidatesForVacancy, matchVacanciesForCandidate } from "../matching";
import { applySearchSettings } from "../runtime.server";
import { allDocuments, resolverOf } from "../sync.server";
import { engineQuery, randomSearchState } from "./run";
import { createRandom } from "./world";

/*
 * A developer's tool next to `npm run bench`: the in-process phases (reindex, match, search)
 * on a data dir the bench seeded and kept (`npm run bench -- --keep`), without seeding again.
 *
 *   npx tsx search/bench/profile.ts --data /tmp/werkbrug-bench-XXXX [--rounds 3] [--dump out.json]
 *   node --cpu-prof --import tsx search/bench/profile.ts --data ... --only match
 *
 * `--dump` writes every result (match ids and scores, search hits, totals, facets, distances)
 * so two versions of the engine can be compared for identical behaviour.
 */

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    rounds: { type: "string", default: "2" },
    dump: { type: "string" },
    only: { type: "string" },
  },
});
if (!values.data) throw new Error("--data <dir> is verplicht");
const rounds = Number(values.rounds);
// The matcher's recency tie-breaker reads the clock: pin it so two dumps compare exactly.
if (values.dump) {
  const fixed = Date.UTC(2026, 10, 22, 12);
  Date.now = () => fixed;
}
const only = values.only;
const round2 = (x: number) => Math.round(x * 100) / 100;
const pct = (xs: number[], q: number) => round2(percentileNearestRank(xs, q));

const handle = await openDatabase({ kind: "pglite", dataDir: values.data });
const db = handle.db;
const taxonomy = await loadTaxonomy(db);
const resolver = resolverOf(taxonomy)!;

// Read every document once (the database part of reindexing), then index them.
const t0 = performance.now();
const docs = { candidates: [] as CandidateDocument[], vacancies: [] as VacancyDocument[] };
for (const index of ["candidates", "vacancies"] as const) {
  for await (const page of allDocuments(db, index, { resolver }))
    (docs[index] as unknown[]).push(...page);
}
const readMs = performance.now() - t0;
const engine = createEmbeddedEngine();
await applySearchSettings(engine, taxonomy);
const indexMs: number[] = [];
for (let i = 0; i < (only && only !== "reindex" ? 1 : rounds); i++) {
  const t1 = performance.now();
  await engine.reindex("candidates", docs.candidates);
  await engine.reindex("vacancies", docs.vacancies);
  indexMs.push(performance.now() - t1);
}
const total = docs.candidates.length + docs.vacancies.length;
const figures: Record<string, unknown> = {
  docs: total,
  read_ms: Math.round(readMs),
  index_ms: indexMs.map(Math.round),
  reindex_docs_per_s: Math.round(total / ((readMs + Math.min(...indexMs)) / 1000)),
  heap_mb: Math.round(process.memoryUsage().heapUsed / 1e6),
  rss_mb: Math.round(process.memoryUsage().rss / 1e6),
};

const r = createRandom(7);
const openIds = docs.vacancies.map((v) => v.id);
const sample = r.sample(openIds, Math.min(200, openIds.length));
const byId = new Map(docs.vacancies.map((v) => [v.id, v]));
const vacancyDocs = sample.map((id) => byId.get(id)!).filter(Boolean);
const [employer] = await db
  .select({ id: organisations.id })
  .from(organisations)
  .where(eq(organisations.name, "Bench Werkgever 1 B.V."))
  .orderBy(asc(organisations.id));
const own = employer
  ? (
      await db
        .select({ id: vacancies.id })
        .from(vacancies)
        .where(eq(vacancies.organisationId, employer.id))
    ).map((v) => v.id)
  : [];
const vacancyPoints = new Map<string, { lat: number; lon: number }>();
for (const id of own) {
  const v = byId.get(id);
  if (v) vacancyPoints.set(id, { lat: v._geo.lat, lon: v._geo.lng });
}
const states = Array.from({ length: 300 }, () => randomSearchState(r, [...vacancyPoints.keys()]));
const candidateSample = createRandom(11).sample(docs.candidates, 100);

const dump: Record<string, unknown[]> = { match: [], vmatch: [], search: [] };
for (let round = 0; round < rounds; round++) {
  const last = round === rounds - 1;
  if (!only || only === "match") {
    const ms: number[] = [];
    for (const v of vacancyDocs) {
      const t = performance.now();
      const list = await matchCandidatesForVacancy(engine, v, {
        limit: 20,
        taxonomy,
        attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES,
      });
      for (const m of list) explainMatch(m, "employer");
      ms.push(performance.now() - t);
      if (last && values.dump)
        dump.match!.push(
          list.map((m) => [m.candidate.id, round2(m.score * 1e4), round2(m.distanceKm)]),
        );
    }
    figures[`match_r${round}`] = {
      p50: pct(ms, 50),
      p95: pct(ms, 95),
      max: round2(Math.max(...ms)),
    };
    const vms: number[] = [];
    for (const c of candidateSample) {
      const t = performance.now();
      const list = await matchVacanciesForCandidate(engine, c, { limit: 20, taxonomy });
      vms.push(performance.now() - t);
      if (last && values.dump)
        dump.vmatch!.push(list.map((m) => [m.vacancy.id, round2(m.score * 1e4)]));
    }
    figures[`vmatch_r${round}`] = { p50: pct(vms, 50), p95: pct(vms, 95) };
  }
  if (!only || only === "search") {
    const ms: number[] = [];
    for (const s of states) {
      const t = performance.now();
      const result = await engine.search<CandidateDocument>("candidates", {
        ...engineQuery(s, vacancyPoints),
        showRankingScore: true,
      });
      ms.push(performance.now() - t);
      if (last && values.dump) {
        dump.search!.push({
          total: result.estimatedTotalHits,
          hits: result.hits.map((h) => [
            h.id,
            h._geoDistance ?? null,
            round2((h._rankingScore ?? 0) * 1e6),
            Object.keys(h).length,
          ]),
          facets: result.facetDistribution,
        });
      }
    }
    figures[`search_r${round}`] = {
      p50: pct(ms, 50),
      p95: pct(ms, 95),
      max: round2(Math.max(...ms)),
    };
  }
}
figures.heap_after_mb = Math.round(process.memoryUsage().heapUsed / 1e6);
figures.load = os.loadavg().map(round2);
if (values.dump) fs.writeFileSync(values.dump, JSON.stringify(dump));
await handle.close();
console.log(JSON.stringify(figures));
