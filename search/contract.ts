import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { candidateIndexSettings, type CandidateDocument } from "./documents";
import type { SearchEngine } from "./engine";
import { f, type Filter } from "./filter";

/*
 * The engine-agnostic contract every SearchEngine adapter must pass: filters, facets, geo
 * radius and distance sort, synonyms, typo tolerance, delete, reindex, projection, paging.
 *
 *   runEngineContract("embedded", () => createEmbeddedEngine());
 *   runEngineContract("meilisearch", () => createMeilisearchEngine(...), { skip: !process.env.MEILI_URL });
 *
 * `makeEngine` is called once per suite; the suite applies settings and clears the
 * `candidates` index itself before every test.
 */

const UTRECHT = { lat: 52.0907, lng: 5.1214 };
const AMERSFOORT = { lat: 52.1561, lng: 5.3878 }; // ≈ 19.6 km from Utrecht
const ZWOLLE = { lat: 52.5168, lng: 6.083 }; // ≈ 80 km from Utrecht

let seq = 0;
export function contractCandidate(overrides: Partial<CandidateDocument> = {}): CandidateDocument {
  seq++;
  return {
    id: `c${seq}`,
    code: `WB-${seq}`,
    status: "published",
    headline: "Gemotiveerde medewerker",
    summary: "",
    occupationCodes: [],
    occupationTitles: [],
    iscoGroups: [],
    iscoMinorGroups: [],
    experience: [],
    experienceTitles: [],
    detentionExperienceTitles: [],
    hasDetentionExperience: false,
    sectors: ["logistiek"],
    skills: [],
    certificates: [],
    licences: ["B"],
    hoursMin: 24,
    hoursMax: 40,
    _geo: UTRECHT,
    travelKm: 25,
    regionName: "Utrecht",
    availableFromDay: 20_500,
    availableFromMonth: "2026-02",
    coachingOrganisationName: "Stichting Nieuwe Start",
    publishedAt: 1_760_000_000_000,
    vogExpected: "unknown",
    vogRiskAreas: [],
    areaBanMunicipalityCodes: [],
    ...overrides,
  };
}

const SYNONYMS = {
  heftruck: ["vorkheftruck", "reachtruck"],
  vorkheftruck: ["heftruck", "reachtruck"],
  reachtruck: ["heftruck", "vorkheftruck"],
  "magazijn medewerker": ["orderpicker"],
  orderpicker: ["magazijn medewerker"],
};

export type ContractOptions = { skip?: boolean; skipReason?: string };

export function runEngineContract(
  name: string,
  makeEngine: () => SearchEngine | Promise<SearchEngine>,
  options: ContractOptions = {},
) {
  const suite = options.skip ? describe.skip : describe;
  suite(`SearchEngine contract: ${name}${options.skip && options.skipReason ? ` (overgeslagen: ${options.skipReason})` : ""}`, () => {
    let engine: SearchEngine;
    const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id);
    const load = async (docs: CandidateDocument[]) => {
      await engine.upsertDocuments("candidates", docs);
      return docs;
    };

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.applySettings("candidates", candidateIndexSettings(SYNONYMS));
    });
    beforeEach(async () => {
      await engine.clear("candidates");
    });

    it("reports health", async () => {
      const health = await engine.health();
      expect(health.ok).toBe(true);
      expect(health.engine).toBe(engine.kind);
    });

    it("upserts by id, reads a document back and replaces it on a second upsert", async () => {
      const [a] = await load([contractCandidate({ headline: "Lasser" })]);
      await engine.upsertDocuments("candidates", [{ ...a!, headline: "Timmerman" }]);
      const doc = await engine.getDocument<CandidateDocument>("candidates", a!.id);
      expect(doc?.headline).toBe("Timmerman");
      const r = await engine.search("candidates", { q: "" });
      expect(r.estimatedTotalHits).toBe(1);
    });

    it("filters on array values (all licences), numbers, booleans, IN and NOT", async () => {
      const [b, c, ce] = await load([
        contractCandidate({ licences: ["B"], hoursMin: 16, hoursMax: 24 }),
        contractCandidate({ licences: ["B", "C"], hoursMin: 32, hoursMax: 40, hasDetentionExperience: true }),
        contractCandidate({ licences: ["B", "C", "CE"], hoursMin: 24, hoursMax: 40, sectors: ["transport"] }),
      ]);
      const search = async (filter: Filter | undefined) =>
        ids((await engine.search("candidates", { ...(filter ? { filter } : {}), limit: 10 })).hits).sort();
      expect(await search(f.all("licences", ["C", "B"]))).toEqual([c!.id, ce!.id].sort());
      expect(await search(f.and(f.lte("hoursMin", 24), f.gte("hoursMax", 32)))).toEqual([ce!.id]);
      expect(await search(f.range("hoursMin", 20, 32))).toEqual([c!.id, ce!.id].sort());
      expect(await search(f.eq("hasDetentionExperience", true))).toEqual([c!.id]);
      expect(await search(f.in("sectors", ["transport", "bouw"]))).toEqual([ce!.id]);
      expect(await search(f.not(f.eq("licences", "C")))).toEqual([b!.id]);
      expect(await search(f.neq("licences", "CE"))).toEqual([b!.id, c!.id].sort());
      expect(await search(f.none("vogRiskAreas", ["kinderen"]))).toEqual([b!.id, c!.id, ce!.id].sort());
      expect(await search(f.or(f.eq("sectors", "transport"), f.lt("hoursMax", 30)))).toEqual([b!.id, ce!.id].sort());
    });

    it("filters strings case-insensitively and with quotes and backslashes in values", async () => {
      const [a] = await load([
        contractCandidate({ certificates: ['VCA "Vol"', "Heftruckcertificaat"], regionName: "Den \\ Haag" }),
        contractCandidate({ certificates: ["VCA basis"] }),
      ]);
      const r1 = await engine.search("candidates", { filter: f.eq("certificates", 'vca "vol"') });
      expect(ids(r1.hits)).toEqual([a!.id]);
      const r2 = await engine.search("candidates", { filter: f.eq("regionName", "Den \\ Haag") });
      expect(ids(r2.hits)).toEqual([a!.id]);
      const r3 = await engine.search("candidates", { filter: f.eq("certificates", "heftruckcertificaat") });
      expect(ids(r3.hits)).toEqual([a!.id]);
    });

    it("returns a facet distribution over all matches", async () => {
      await load([
        contractCandidate({ sectors: ["logistiek", "transport"], licences: ["B", "C"] }),
        contractCandidate({ sectors: ["logistiek"], licences: ["B"] }),
        contractCandidate({ sectors: ["bouw"], licences: [] }),
      ]);
      const r = await engine.search("candidates", {
        filter: f.eq("sectors", "logistiek"),
        facets: ["sectors", "licences"],
        limit: 1,
      });
      expect(r.estimatedTotalHits).toBe(2);
      expect(r.hits).toHaveLength(1);
      expect(r.facetDistribution?.sectors).toEqual({ logistiek: 2, transport: 1 });
      expect(r.facetDistribution?.licences).toEqual({ B: 2, C: 1 });
    });

    it("filters by geo radius, returns the distance in metres and sorts by distance", async () => {
      const [u, a, z] = await load([
        contractCandidate({ _geo: UTRECHT }),
        contractCandidate({ _geo: AMERSFOORT }),
        contractCandidate({ _geo: ZWOLLE }),
      ]);
      const within = await engine.search("candidates", {
        filter: f.geoRadius(UTRECHT.lat, UTRECHT.lng, 25_000),
        sort: [`_geoPoint(${UTRECHT.lat},${UTRECHT.lng}):asc`],
      });
      expect(ids(within.hits)).toEqual([u!.id, a!.id]);
      expect(within.hits[0]!._geoDistance).toBeLessThan(50);
      expect(within.hits[1]!._geoDistance).toBeGreaterThan(18_000);
      expect(within.hits[1]!._geoDistance).toBeLessThan(21_000);
      const desc = await engine.search("candidates", { sort: [`_geoPoint(${UTRECHT.lat},${UTRECHT.lng}):desc`] });
      expect(ids(desc.hits)).toEqual([z!.id, a!.id, u!.id]);
    });

    it("sorts by a sortable attribute", async () => {
      const [old, recent] = await load([
        contractCandidate({ publishedAt: 1_700_000_000_000 }),
        contractCandidate({ publishedAt: 1_760_000_000_000 }),
      ]);
      const r = await engine.search("candidates", { sort: ["publishedAt:desc"] });
      expect(ids(r.hits)).toEqual([recent!.id, old!.id]);
    });

    it("expands synonyms (one word and several words)", async () => {
      const [reach, picker] = await load([
        contractCandidate({ experienceTitles: ["reachtruckchauffeur"], headline: "Ervaren met de reachtruck" }),
        contractCandidate({ experienceTitles: ["orderpicker"], headline: "Orderpicker" }),
        contractCandidate({ experienceTitles: ["kok"], headline: "Kok" }),
      ]);
      const r1 = await engine.search("candidates", { q: "heftruck" });
      expect(ids(r1.hits)).toEqual([reach!.id]);
      const r2 = await engine.search("candidates", { q: "magazijn medewerker" });
      expect(ids(r2.hits)).toContain(picker!.id);
    });

    it("tolerates typos by word length like Meilisearch", async () => {
      const [lasser, kok, picker] = await load([
        contractCandidate({ headline: "Lasser" }),
        contractCandidate({ headline: "Kok" }),
        contractCandidate({ headline: "Orderpicker" }),
      ]);
      // 6 letters: one typo allowed
      expect(ids((await engine.search("candidates", { q: "lassre " })).hits)).toEqual([lasser!.id]);
      // 11 letters: two typos allowed
      expect(ids((await engine.search("candidates", { q: "ordrepikcer " })).hits)).toEqual([picker!.id]);
      // under 5 letters: no typo allowed
      expect(ids((await engine.search("candidates", { q: "kik " })).hits)).toEqual([]);
      expect(ids((await engine.search("candidates", { q: "kok" })).hits)).toEqual([kok!.id]);
    });

    it("ranks a better text match higher and reports a ranking score between 0 and 1", async () => {
      const [both, one] = await load([
        contractCandidate({ headline: "Lasser en constructiebankwerker" }),
        contractCandidate({ headline: "Constructiebankwerker" }),
      ]);
      // "last" matching strategy: a hit must match the first word; more words rank higher
      const r = await engine.search("candidates", { q: "constructiebankwerker lasser", showRankingScore: true });
      expect(ids(r.hits)).toEqual([both!.id, one!.id]);
      for (const hit of r.hits) {
        expect(hit._rankingScore).toBeGreaterThanOrEqual(0);
        expect(hit._rankingScore).toBeLessThanOrEqual(1);
      }
      expect(r.hits[0]!._rankingScore!).toBeGreaterThan(r.hits[1]!._rankingScore!);
    });

    it("deletes documents", async () => {
      const [a, b] = await load([contractCandidate(), contractCandidate()]);
      await engine.deleteDocuments("candidates", [a!.id, "does-not-exist"]);
      expect(await engine.getDocument("candidates", a!.id)).toBeNull();
      expect(ids((await engine.search("candidates", {})).hits)).toEqual([b!.id]);
    });

    it("reindexes: the new set replaces the old one", async () => {
      await load([contractCandidate({ headline: "Oud" }), contractCandidate({ headline: "Oud" })]);
      const fresh = [contractCandidate({ headline: "Nieuw" })];
      await engine.reindex("candidates", fresh);
      const r = await engine.search("candidates", {});
      expect(ids(r.hits)).toEqual([fresh[0]!.id]);
      expect(r.estimatedTotalHits).toBe(1);
      // settings survive a reindex
      const typo = await engine.search("candidates", { q: "nieuw", filter: f.eq("status", "published") });
      expect(typo.hits).toHaveLength(1);
    });

    it("returns only the requested attributes", async () => {
      await load([contractCandidate({ vogRiskAreas: ["kinderen"], areaBanMunicipalityCodes: ["0344"] })]);
      const r = await engine.search("candidates", { attributesToRetrieve: ["code", "headline"] });
      expect(Object.keys(r.hits[0]!).filter((k) => !k.startsWith("_")).sort()).toEqual(["code", "headline", "id"]);
    });

    it("pages with limit and offset", async () => {
      const docs = await load(
        Array.from({ length: 5 }, (_, i) => contractCandidate({ publishedAt: 1_700_000_000_000 + i })),
      );
      const r = await engine.search("candidates", { sort: ["publishedAt:asc"], limit: 2, offset: 2 });
      expect(ids(r.hits)).toEqual([docs[2]!.id, docs[3]!.id]);
      expect(r.estimatedTotalHits).toBe(5);
      expect(r.limit).toBe(2);
      expect(r.offset).toBe(2);
    });
  });
}
