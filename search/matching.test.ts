import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { curatedTaxonomy } from "~/domain/taxonomy/taxonomy";
import { contractCandidate } from "./contract";
import {
  candidateDocumentSchema,
  candidateIndexSettings,
  EMPLOYER_CANDIDATE_ATTRIBUTES,
  stripCoachOnly,
  vacancyDocumentSchema,
  vacancyIndexSettings,
  type CandidateDocument,
  type VacancyDocument,
} from "./documents";
import { createEmbeddedEngine, type EmbeddedSearchEngine } from "./embedded";
import { explain, matchCandidatesForVacancy, matchVacanciesForCandidate, meetsConstraints } from "./matching";

const taxonomy = curatedTaxonomy();
const resolver = taxonomy.resolver();
const UTRECHT = { lat: 52.0907, lng: 5.1214 };
const NIEUWEGEIN = { lat: 52.0292, lng: 5.0806 }; // ≈ 7.4 km
const AMERSFOORT = { lat: 52.1561, lng: 5.3878 }; // ≈ 19.6 km
const ZWOLLE = { lat: 52.5168, lng: 6.083 }; // ≈ 80 km
const START = 20_600;

function candidate(title: string, overrides: Partial<CandidateDocument> = {}): CandidateDocument {
  const occ = resolver.resolveTitle(title);
  const isco = [...new Set(occ.map((o) => o.iscoGroup).filter((g): g is string => Boolean(g)))];
  return contractCandidate({
    headline: `${title} met ervaring`,
    experience: [{ title, sector: "logistiek", months: 24, duringDetention: false }],
    experienceTitles: [title],
    occupationCodes: occ.map((o) => o.code),
    occupationTitles: occ.map((o) => o.title),
    iscoGroups: isco,
    iscoMinorGroups: isco.map((g) => g.slice(0, 3)),
    availableFromDay: START - 10,
    travelKm: 30,
    licences: ["B"],
    ...overrides,
  });
}

function vacancy(title: string, overrides: Partial<VacancyDocument> = {}): VacancyDocument {
  const occ = resolver.resolveTitle(title);
  const isco = [...new Set(occ.map((o) => o.iscoGroup).filter((g): g is string => Boolean(g)))];
  return vacancyDocumentSchema.parse({
    id: `v-${title}`,
    status: "open",
    kind: "job",
    title,
    description: "",
    sector: "logistiek",
    occupationCodes: occ.map((o) => o.code),
    occupationTitles: occ.map((o) => o.title),
    iscoGroups: isco,
    iscoMinorGroups: isco.map((g) => g.slice(0, 3)),
    requiredSkills: [],
    preferredSkills: [],
    certificates: [],
    licences: [],
    hoursMin: 32,
    hoursMax: 32,
    placeName: "Utrecht",
    municipalityCode: "0344",
    _geo: UTRECHT,
    maxDistanceKm: 25,
    startDay: START,
    startMonth: "2026-05",
    vogRequired: false,
    vogRiskAreas: [],
    supportOffered: [],
    organisationId: "org-1",
    organisationName: "Werkgever BV",
    publishedAt: 1_760_000_000_000,
    ...overrides,
  });
}

let engine: EmbeddedSearchEngine;
const synonyms = taxonomy.engineSynonyms();
beforeAll(async () => {
  engine = createEmbeddedEngine();
  await engine.applySettings("candidates", candidateIndexSettings(synonyms));
  await engine.applySettings("vacancies", vacancyIndexSettings(synonyms));
});
beforeEach(async () => {
  await engine.clear("candidates");
  await engine.clear("vacancies");
});

const matchIds = async (v: VacancyDocument) =>
  (await matchCandidatesForVacancy(engine, v, { taxonomy })).map((m) => m.candidate.id);

describe("matching: hard constraints", () => {
  it("never returns a candidate missing a required licence or certificate", async () => {
    const ok = candidate("vrachtwagenchauffeur", { licences: ["B", "C", "CE"], certificates: ["Code 95"] });
    const noLicence = candidate("vrachtwagenchauffeur", { licences: ["B", "C"], certificates: ["Code 95"] });
    const noCert = candidate("vrachtwagenchauffeur", { licences: ["B", "C", "CE"] });
    await engine.upsertDocuments("candidates", [ok, noLicence, noCert]);
    const v = vacancy("vrachtwagenchauffeur", { licences: ["CE"], certificates: ["code 95"] });
    expect(await matchIds(v)).toEqual([ok.id]);
  });

  it("never returns a candidate out of range: the vacancy's maximum or the candidate's own travel radius", async () => {
    const near = candidate("orderpicker", { _geo: NIEUWEGEIN, travelKm: 10 });
    const tooFarForCandidate = candidate("orderpicker", { _geo: AMERSFOORT, travelKm: 15 });
    const tooFarForVacancy = candidate("orderpicker", { _geo: ZWOLLE, travelKm: 100 });
    await engine.upsertDocuments("candidates", [near, tooFarForCandidate, tooFarForVacancy]);
    expect(await matchIds(vacancy("orderpicker"))).toEqual([near.id]);
  });

  it("respects availability (30 days grace) and hours", async () => {
    const soon = candidate("orderpicker", { availableFromDay: START + 30 });
    const late = candidate("orderpicker", { availableFromDay: START + 31 });
    const fewHours = candidate("orderpicker", { hoursMin: 8, hoursMax: 20 });
    await engine.upsertDocuments("candidates", [soon, late, fewHours]);
    expect(await matchIds(vacancy("orderpicker"))).toEqual([soon.id]);
  });

  it("applies hidden constraints: VOG, VOG risk areas and area bans", async () => {
    const fine = candidate("orderpicker", { vogExpected: "yes" });
    const noVog = candidate("orderpicker", { vogExpected: "no" });
    const risk = candidate("orderpicker", { vogRiskAreas: ["geld"] });
    const banned = candidate("orderpicker", { areaBanMunicipalityCodes: ["0344"] });
    await engine.upsertDocuments("candidates", [fine, noVog, risk, banned]);
    const v = vacancy("orderpicker", { vogRequired: true, vogRiskAreas: ["geld"] });
    expect(await matchIds(v)).toEqual([fine.id]);
    expect(await matchIds(vacancy("orderpicker"))).toEqual(expect.arrayContaining([fine.id, noVog.id, risk.id]));
    expect(await matchIds(vacancy("orderpicker"))).not.toContain(banned.id);
  });

  it("returns only matches that meet every constraint (random world)", async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const titles = ["orderpicker", "heftruckchauffeur", "lasser", "kok", "schoonmaker", "timmerman"];
    const docs = Array.from({ length: 200 }, () =>
      candidate(titles[Math.floor(rnd() * titles.length)]!, {
        _geo: { lat: 52.09 + (rnd() - 0.5) * 0.6, lng: 5.12 + (rnd() - 0.5) * 0.9 },
        travelKm: Math.round(5 + rnd() * 40),
        licences: rnd() < 0.5 ? ["B"] : ["B", "C"],
        hoursMin: Math.round(rnd() * 30),
        hoursMax: 40,
        availableFromDay: START - 20 + Math.round(rnd() * 60),
        vogExpected: rnd() < 0.2 ? "no" : "yes",
      }),
    );
    await engine.upsertDocuments("candidates", docs);
    for (const title of titles) {
      const v = vacancy(title, { licences: ["C"], vogRequired: true });
      const matches = await matchCandidatesForVacancy(engine, v, { taxonomy, limit: 50 });
      for (const m of matches) expect(meetsConstraints(v, m.candidate)).toBe(true);
      expect(matches.length).toBeGreaterThan(0);
    }
  });
});

describe("matching: ranking", () => {
  it("ranks the nearer of two otherwise equal candidates higher", async () => {
    const far = candidate("orderpicker", { _geo: AMERSFOORT, id: "a-far" });
    const near = candidate("orderpicker", { _geo: NIEUWEGEIN, id: "b-near" });
    await engine.upsertDocuments("candidates", [far, near]);
    expect(await matchIds(vacancy("orderpicker"))).toEqual([near.id, far.id]);
  });

  it("ranks the same occupation above a related one above an unrelated one", async () => {
    const same = candidate("heftruckchauffeur");
    const related = candidate("magazijnmedewerker"); // ISCO 9333 vs 8344: other group
    const reach = candidate("reachtruckchauffeur"); // same ISCO unit group 8344
    await engine.upsertDocuments("candidates", [related, reach, same]);
    const ids = await matchIds(vacancy("heftruckchauffeur"));
    expect(ids.indexOf(same.id)).toBeLessThan(ids.indexOf(related.id));
    expect(ids.indexOf(reach.id)).toBeLessThan(ids.indexOf(related.id));
  });

  it("finds people by synonyms, female forms and one-typo titles", async () => {
    const vork = candidate("vorkheftruckchauffeur");
    const female = candidate("schoonmaakster");
    const typo = candidate("orderpickre");
    await engine.upsertDocuments("candidates", [vork, female, typo]);
    expect(await matchIds(vacancy("heftruckchauffeur"))).toContain(vork.id);
    expect((await matchIds(vacancy("schoonmaker", { sector: "schoonmaak" })))[0]).toBe(female.id);
    expect((await matchIds(vacancy("orderpicker")))[0]).toBe(typo.id);
    // the employer's free text finds them too
    const r = await engine.search("candidates", { q: "heftruck" });
    expect(r.hits.map((h) => h.id)).toContain(vork.id);
    const r2 = await engine.search("candidates", { q: "orderpikcer " });
    expect(r2.hits.map((h) => h.id)).toContain(typo.id);
  });

  it("matches vacancies for a candidate with the same rules", async () => {
    const c = candidate("orderpicker", { licences: ["B"] });
    const fits = vacancy("orderpicker", { id: "v-fits" });
    const needsC = vacancy("orderpicker", { id: "v-needs-c", licences: ["C"] });
    const other = vacancy("kok", { id: "v-kok", sector: "horeca" });
    const far = vacancy("orderpicker", { id: "v-far", _geo: ZWOLLE, maxDistanceKm: 100 });
    await engine.upsertDocuments("vacancies", [fits, needsC, other, far]);
    const matches = await matchVacanciesForCandidate(engine, c, { taxonomy });
    const ids = matches.map((m) => m.vacancy.id);
    expect(ids[0]).toBe("v-fits");
    expect(ids).not.toContain("v-needs-c");
    expect(ids).not.toContain("v-far");
  });
});

describe("explanations", () => {
  it("says in plain Dutch what fits, the distance and when the candidate can start", async () => {
    const c = candidate("heftruckchauffeur", { _geo: NIEUWEGEIN, availableFromDay: START + 5, skills: ["scannen"] });
    await engine.upsertDocuments("candidates", [c]);
    const v = vacancy("heftruckchauffeur", { licences: ["B"], requiredSkills: ["scannen", "rijden"] });
    const [match] = await matchCandidatesForVacancy(engine, v, { taxonomy });
    const texts = explain(match!).map((i) => i.text);
    expect(texts).toContain("Heeft gewerkt als heftruckchauffeur (24 maanden).");
    expect(texts).toContain("Heeft het rijbewijs dat nodig is: B.");
    expect(texts).toContain("Kan dit al: scannen.");
    expect(texts).toContain("Nog te leren: rijden.");
    expect(texts.some((t) => /^De afstand is 7,\d km\.$/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith("Kan pas beginnen op") && t.includes("5 dagen"))).toBe(true);
    expect(texts.join(" ")).not.toMatch(/VOG|verbod/i);
  });
});

describe("documents", () => {
  it("reject identity fields", () => {
    const base = candidate("orderpicker");
    for (const field of ["firstName", "lastName", "dateOfBirth", "phone", "email", "address", "prisonName", "name"]) {
      expect(candidateDocumentSchema.safeParse({ ...base, [field]: "x" }).success).toBe(false);
    }
    expect(candidateDocumentSchema.safeParse(base).success).toBe(true);
    const v = vacancy("orderpicker");
    expect(vacancyDocumentSchema.safeParse({ ...v, contactEmail: "a@b.nl" }).success).toBe(false);
  });

  it("strips the coach-only fields from a hit and keeps everything else as it was", () => {
    const full = candidate("orderpicker", { vogRiskAreas: ["geld"], vogExpected: "no", areaBanMunicipalityCodes: ["GM0363"], coachUserId: "coach-1", coachingOrganisationId: "org-1" });
    const stripped = stripCoachOnly({ ...full, _geoDistance: 1234 });
    for (const field of ["vogRiskAreas", "vogExpected", "areaBanMunicipalityCodes", "coachUserId", "coachingOrganisationId"]) {
      expect(stripped).not.toHaveProperty(field);
      expect(full).toHaveProperty(field);
    }
    const { vogRiskAreas, vogExpected, areaBanMunicipalityCodes, coachUserId, coachingOrganisationId, ...rest } = full;
    void [vogRiskAreas, vogExpected, areaBanMunicipalityCodes, coachUserId, coachingOrganisationId];
    expect(stripped).toEqual({ ...rest, _geoDistance: 1234 });
  });

  it("never hands coach-only fields to an employer search", async () => {
    await engine.upsertDocuments("candidates", [candidate("orderpicker", { vogRiskAreas: ["geld"], vogExpected: "no" })]);
    const r = await engine.search("candidates", { attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES });
    const hit = r.hits[0]!;
    for (const field of ["vogRiskAreas", "vogExpected", "areaBanMunicipalityCodes", "coachUserId", "coachingOrganisationId"]) {
      expect(hit).not.toHaveProperty(field);
    }
  });
});
