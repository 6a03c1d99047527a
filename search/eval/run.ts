import fs from "node:fs";
import { openDatabase } from "#db/client.server";
import { importEscoOccupations, loadTaxonomy, seedCuratedOccupations } from "~/domain/taxonomy/taxonomy.server";
import {
  buildCandidateDocument,
  buildVacancyDocument,
  candidateIndexSettings,
  vacancyIndexSettings,
  type CandidateDocument,
  type VacancyDocument,
} from "../documents";
import { createEmbeddedEngine } from "../embedded";
import { matchCandidatesForVacancy } from "../matching";
import { keywordBaseline } from "./baseline";
import { evalDatasetSchema, type EvalCandidate, type EvalVacancy } from "./dataset";
import { evaluate, percentileNearestRank, type Grades } from "./metrics";

/*
 * The matching evaluation of ../shared/eval/FORMAT.md: a fresh in-memory database and
 * embedded engine, the taxonomy through the product's importer, dataset profiles and
 * vacancies through the product's document builders, the product's matcher per vacancy.
 */

const PUBLISHED_AT = new Date("2026-01-01T00:00:00Z");

export function vacancyInput(v: EvalVacancy) {
  return {
    vacancy: {
      id: v.id,
      kind: "job" as const,
      title: v.title,
      occupationCode: null,
      sector: v.sector,
      description: v.description,
      requiredSkills: v.skills,
      preferredSkills: [],
      certificates: v.certificates,
      licences: v.licences,
      hoursMin: v.hoursPerWeek,
      hoursMax: v.hoursPerWeek,
      placeName: v.municipality,
      municipalityCode: null,
      lat: v.lat,
      lon: v.lon,
      maxDistanceKm: v.maxDistanceKm,
      startDate: v.startDate,
      vogRequired: v.vogRequired,
      vogRiskAreas: [],
      supportOffered: [],
      organisationId: "eval",
      publishedAt: PUBLISHED_AT,
    },
    organisationName: "Evaluatie",
  };
}

export function candidateInput(c: EvalCandidate) {
  return {
    id: c.id,
    publicCode: c.id,
    coachingOrganisationId: null,
    coachUserId: null,
    coachingOrganisationName: "Evaluatie",
    profile: {
      headline: c.headline,
      summary: c.summary,
      motivation: "",
      languages: [],
      educationLevel: null,
      shifts: [],
      transport: [],
      sectors: c.sectors,
      skills: c.skills,
      occupationCodes: [],
      certificates: c.certificates.map((name) => ({ name, verified: false })),
      licences: c.licences,
      experience: c.experience.map((e) => ({ ...e, verified: false })),
      hoursMin: c.hoursPerWeek.min,
      hoursMax: c.hoursPerWeek.max,
      regionName: c.municipality,
      lat: c.lat,
      lon: c.lon,
      travelKm: c.travelKm,
      availableDuringDetentionFrom: null,
      availableAfterReleaseFrom: c.availableFrom,
      publishedAt: PUBLISHED_AT,
    },
    constraints: { vogRiskAreas: [], areaBanMunicipalityCodes: [] },
    vogExpected: c.vogExpected,
  };
}

export type EvalOutput = {
  "ndcg@10": number;
  mrr: number;
  "recall@20": number;
  queries: number;
  ms_p95: number;
  "baseline_ndcg@10": number;
};

export async function runEvaluation(options: {
  datasetPath: string;
  taxonomyPath?: string;
  log?: (line: string) => void;
}): Promise<EvalOutput> {
  const log = options.log ?? (() => {});
  const dataset = evalDatasetSchema.parse(JSON.parse(fs.readFileSync(options.datasetPath, "utf8")));
  const handle = await openDatabase({ kind: "pglite", dataDir: "memory" });
  try {
    await handle.migrate();
    await seedCuratedOccupations(handle.db);
    if (options.taxonomyPath) {
      const result = await importEscoOccupations(handle.db, fs.readFileSync(options.taxonomyPath, "utf8"));
      log(`taxonomie: ${result.imported} ESCO-beroepen geïmporteerd (${result.skipped} overgeslagen)`);
    }
    const taxonomy = await loadTaxonomy(handle.db);
    const synonyms = taxonomy.engineSynonyms();
    const resolver = taxonomy.resolver();

    const engine = createEmbeddedEngine();
    await engine.applySettings("candidates", candidateIndexSettings(synonyms));
    await engine.applySettings("vacancies", vacancyIndexSettings(synonyms));
    const started = performance.now();
    const candidateDocs: CandidateDocument[] = [];
    for (const c of dataset.candidates) {
      const doc = buildCandidateDocument(candidateInput(c), resolver);
      if (doc) candidateDocs.push(doc);
    }
    const vacancyDocs: VacancyDocument[] = dataset.vacancies.map((v) => buildVacancyDocument(vacancyInput(v), resolver));
    await engine.reindex("candidates", candidateDocs);
    await engine.reindex("vacancies", vacancyDocs);
    log(
      `geladen: ${candidateDocs.length} kandidaten, ${vacancyDocs.length} vacatures in ${Math.round(performance.now() - started)} ms`,
    );

    const judgments = new Map<string, Map<string, number>>();
    for (const v of dataset.vacancies) judgments.set(v.id, new Map());
    for (const j of dataset.judgments) {
      if (j.grade > 0) judgments.get(j.vacancyId)?.set(j.candidateId, j.grade);
    }

    // warm-up (JIT, caches) outside the measurement
    if (vacancyDocs[0]) await matchCandidatesForVacancy(engine, vacancyDocs[0], { limit: 20, taxonomy });

    const rankings = new Map<string, string[]>();
    const baseline = new Map<string, string[]>();
    const latencies: number[] = [];
    for (const [i, vacancy] of vacancyDocs.entries()) {
      const t0 = performance.now();
      const matches = await matchCandidatesForVacancy(engine, vacancy, { limit: 20, taxonomy });
      latencies.push(performance.now() - t0);
      rankings.set(vacancy.id, matches.map((m) => m.candidate.id));
      baseline.set(vacancy.id, keywordBaseline(dataset.vacancies[i]!, dataset.candidates, 20));
    }
    log(`latenties (ms): ${latencies.map((x) => x.toFixed(1)).join(" ")}`);
    const summary = evaluate(rankings, judgments as Map<string, Grades>);
    const base = evaluate(baseline, judgments as Map<string, Grades>);
    return {
      "ndcg@10": round(summary["ndcg@10"]),
      mrr: round(summary.mrr),
      "recall@20": round(summary["recall@20"]),
      queries: summary.queries,
      ms_p95: round(percentileNearestRank(latencies, 95), 2),
      "baseline_ndcg@10": round(base["ndcg@10"]),
    };
  } finally {
    await handle.close();
  }
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
