import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeMeilisearch, type FakeMeilisearch } from "#tests/support/fake-meilisearch";
import { DEFAULT_RANKING_RULES, DEFAULT_TYPO_TOLERANCE, geoSort, type IndexSettings } from "./engine";
import { f } from "./filter";
import { MeilisearchEngine, bidirectionalSynonyms, toMeilisearchSettings } from "./meilisearch";
import { reindexMeilisearch } from "./reindex";

/*
 * Exact requests of the Meilisearch adapter, asserted on the JSON bodies and paths that reach
 * a local fake server (tests/support/fake-meilisearch.ts). No Meilisearch server needed.
 */

const settings: IndexSettings = {
  primaryKey: "id",
  searchableAttributes: ["occupationTitles", "skills", "experience"],
  displayedAttributes: ["id", "occupationTitles", "sector", "_geo"],
  filterableAttributes: ["sector", "licences", "hoursPerWeek", "published"],
  sortableAttributes: ["publishedAt"],
  synonyms: { heftruck: ["vorkheftruck", "reachtruck"], magazijn: ["orderpicker"] },
  typoTolerance: DEFAULT_TYPO_TOLERANCE,
  rankingRules: DEFAULT_RANKING_RULES,
};

const expectedSettingsBody = {
  searchableAttributes: ["occupationTitles", "skills", "experience"],
  displayedAttributes: ["id", "occupationTitles", "sector", "_geo"],
  filterableAttributes: ["sector", "licences", "hoursPerWeek", "published", "_geo", "id"],
  sortableAttributes: ["publishedAt", "_geo"],
  synonyms: {
    heftruck: ["vorkheftruck", "reachtruck"],
    vorkheftruck: ["heftruck"],
    reachtruck: ["heftruck"],
    magazijn: ["orderpicker"],
    orderpicker: ["magazijn"],
  },
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnAttributes: [],
  },
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  stopWords: [],
};

let fake: FakeMeilisearch;
let engine: MeilisearchEngine;
const NOW = 1_700_000_000_000;

beforeEach(async () => {
  await fake?.close();
  fake = await startFakeMeilisearch();
  fake.setPollsBeforeDone(0);
  engine = new MeilisearchEngine({
    url: fake.url,
    apiKey: "test-key",
    indexPrefix: "t",
    taskPollIntervalMs: 1,
    taskTimeoutMs: 2_000,
    now: () => NOW,
  });
});
afterAll(async () => {
  await fake?.close();
});

const calls = () => fake.calls().map((r) => `${r.method} ${r.path}${r.query.primaryKey ? `?primaryKey=${r.query.primaryKey}` : ""}`);
const lastBody = (method: string, path: string) =>
  fake
    .calls()
    .filter((r) => r.method === method && r.path === path)
    .at(-1)?.body;

describe("settings", () => {
  it("creates the index with primary key id, then sends the whole settings payload", async () => {
    await engine.applySettings("candidates", settings);
    expect(calls()).toEqual([
      "GET /indexes/t_candidates",
      "POST /indexes",
      "PATCH /indexes/t_candidates/settings",
    ]);
    expect(lastBody("POST", "/indexes")).toEqual({ uid: "t_candidates", primaryKey: "id" });
    expect(lastBody("PATCH", "/indexes/t_candidates/settings")).toEqual(expectedSettingsBody);
    expect(fake.settings("t_candidates")).toEqual(expectedSettingsBody);
  });

  it("does not create an index that exists; settings before documents", async () => {
    fake.seedIndex("t_candidates");
    await engine.applySettings("candidates", settings);
    await engine.upsertDocuments("candidates", [{ id: "c1", sector: "logistiek" }]);
    expect(calls()).toEqual([
      "GET /indexes/t_candidates",
      "PATCH /indexes/t_candidates/settings",
      "POST /indexes/t_candidates/documents?primaryKey=id",
    ]);
  });

  it("leaves _geo and id in place when given, keeps explicit stop words and typo exceptions", () => {
    const body = toMeilisearchSettings({
      ...settings,
      displayedAttributes: undefined,
      filterableAttributes: ["_geo", "id", "sector"],
      sortableAttributes: ["_geo"],
      stopWords: ["de", "het"],
      typoTolerance: { ...DEFAULT_TYPO_TOLERANCE, disableOnAttributes: ["postcode"] },
    });
    expect(body.displayedAttributes).toEqual(["*"]);
    expect(body.filterableAttributes).toEqual(["_geo", "id", "sector"]);
    expect(body.sortableAttributes).toEqual(["_geo"]);
    expect(body.stopWords).toEqual(["de", "het"]);
    expect(body.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ["postcode"],
    });
  });

  it("makes synonym groups bidirectional without duplicates", () => {
    expect(
      bidirectionalSynonyms({ a: ["b", "c"], b: ["a", "c"], c: ["a", "b"], d: [] }),
    ).toEqual({ a: ["b", "c"], b: ["a", "c"], c: ["a", "b"] });
  });
});

describe("documents", () => {
  it("adds documents in batches with primaryKey=id and waits for every task", async () => {
    const small = new MeilisearchEngine({ url: fake.url, indexPrefix: "t", batchSize: 2, taskPollIntervalMs: 1 });
    const docs = ["a", "b", "c", "d", "e"].map((id) => ({ id, title: `doc ${id}` }));
    await small.upsertDocuments("vacancies", docs);
    const adds = fake.calls().filter((r) => r.path === "/indexes/t_vacancies/documents");
    expect(adds.map((r) => [r.method, r.query, r.body])).toEqual([
      ["POST", { primaryKey: "id" }, docs.slice(0, 2)],
      ["POST", { primaryKey: "id" }, docs.slice(2, 4)],
      ["POST", { primaryKey: "id" }, docs.slice(4)],
    ]);
    expect(fake.documents("t_vacancies")).toHaveLength(5);
  });

  it("deletes by id in one batch request, clears, reads one document", async () => {
    await engine.upsertDocuments("vacancies", [{ id: "v1" }, { id: "v2" }, { id: "v3" }]);
    fake.clearRequests();
    await engine.deleteDocuments("vacancies", ["v1", "v2"]);
    await engine.deleteDocuments("vacancies", []);
    expect(await engine.getDocument("vacancies", "v3")).toEqual({ id: "v3" });
    expect(await engine.getDocument("vacancies", "v1")).toBeNull();
    expect(await engine.getDocument("candidates", "c1")).toBeNull(); // no such index
    await engine.clear("vacancies");
    expect(calls()).toEqual([
      "POST /indexes/t_vacancies/documents/delete-batch",
      "GET /indexes/t_vacancies/documents/v3",
      "GET /indexes/t_vacancies/documents/v1",
      "GET /indexes/t_candidates/documents/c1",
      "DELETE /indexes/t_vacancies/documents",
    ]);
    expect(lastBody("POST", "/indexes/t_vacancies/documents/delete-batch")).toEqual(["v1", "v2"]);
    expect(fake.documents("t_vacancies")).toEqual([]);
  });
});

describe("search requests", () => {
  beforeEach(() => {
    fake.seedIndex("t_candidates");
  });

  it("escapes quotes and backslashes in filter values", async () => {
    await engine.search("candidates", {
      q: "heftruck",
      filter: f.eq("sector", 'Bouw "en" C:\\infra\\'),
    });
    const body = lastBody("POST", "/indexes/t_candidates/search") as Record<string, unknown>;
    expect(body).toEqual({ q: "heftruck", filter: 'sector = "Bouw \\"en\\" C:\\\\infra\\\\"' });
    // As the characters reach Meilisearch: sector = "Bouw \"en\" C:\\infra\\"
    expect(String(body.filter)).toBe(String.raw`sector = "Bouw \"en\" C:\\infra\\"`);
  });

  it("sends filter, sort, facets, scores, attributes and paging exactly", async () => {
    await engine.search("candidates", {
      q: "orderpicker",
      filter: f.and(
        f.eq("published", true),
        f.in("licences", ["B", "C"]),
        f.range("hoursPerWeek", 16, 32),
        f.none("areaBans", ["Rotterdam-Zuid"]),
        f.geoRadius(52.3676, 4.9041, 25_000.4),
      ),
      sort: [geoSort(52.3676, 4.9041), "publishedAt:desc"],
      facets: ["sector", "licences"],
      limit: 10,
      offset: 20,
      showRankingScore: true,
      showRankingScoreDetails: true,
      attributesToRetrieve: ["occupationTitles", "sector"],
      matchingStrategy: "all",
    });
    expect(lastBody("POST", "/indexes/t_candidates/search")).toEqual({
      q: "orderpicker",
      filter:
        '(published = true) AND (licences IN ["B", "C"]) AND (hoursPerWeek 16 TO 32) AND ' +
        '(NOT (areaBans IN ["Rotterdam-Zuid"])) AND (_geoRadius(52.3676, 4.9041, 25000))',
      sort: ["_geoPoint(52.3676,4.9041):asc", "publishedAt:desc"],
      facets: ["sector", "licences"],
      limit: 10,
      offset: 20,
      showRankingScore: true,
      showRankingScoreDetails: true,
      attributesToRetrieve: ["id", "occupationTitles", "sector"],
      matchingStrategy: "all",
    });
  });

  it("writes a filter that matches nothing as `id IN []` (id is made filterable for it)", async () => {
    await engine.search("candidates", { filter: f.and(f.eq("published", true), f.in("licences", [])) });
    expect(lastBody("POST", "/indexes/t_candidates/search")).toEqual({
      q: "",
      filter: '(published = true) AND (licences IN [])',
    });
    await engine.search("candidates", { filter: f.or() });
    expect(lastBody("POST", "/indexes/t_candidates/search")).toEqual({ q: "", filter: "id IN []" });
  });

  it("sends only q for a bare query", async () => {
    await engine.search("candidates", {});
    expect(lastBody("POST", "/indexes/t_candidates/search")).toEqual({ q: "" });
  });

  it("maps _geoDistance, _rankingScore, details and facetDistribution back", async () => {
    const details = { words: { order: 0, matchingWords: 1, maxMatchingWords: 1, score: 1 } };
    fake.setSearchResponse("t_candidates", {
      hits: [
        { id: "c1", sector: "logistiek", _geoDistance: 1532, _rankingScore: 0.91, _rankingScoreDetails: details },
      ],
      estimatedTotalHits: 41,
      facetDistribution: { sector: { logistiek: 30, bouw: 11 } },
      processingTimeMs: 3,
    });
    const result = await engine.search("candidates", {
      q: "heftruck",
      sort: [geoSort(52.37, 4.89)],
      facets: ["sector"],
      limit: 1,
      showRankingScore: true,
      showRankingScoreDetails: true,
    });
    expect(result).toEqual({
      hits: [
        { id: "c1", sector: "logistiek", _geoDistance: 1532, _rankingScore: 0.91, _rankingScoreDetails: details },
      ],
      query: "heftruck",
      limit: 1,
      offset: 0,
      estimatedTotalHits: 41,
      facetDistribution: { sector: { logistiek: 30, bouw: 11 } },
      processingTimeMs: 3,
    });
  });

  it("computes _geoDistance for a radius filter without a _geoPoint sort (Meilisearch only sets it for the sort)", async () => {
    fake.setSearchResponse("t_candidates", {
      hits: [{ id: "c1", sector: "bouw", _geo: { lat: 52.09, lng: 5.12 } }],
    });
    const radius = f.geoRadius(52.3676, 4.9041, 50_000);
    const narrowed = await engine.search("candidates", {
      filter: radius,
      attributesToRetrieve: ["sector"],
    });
    expect(lastBody("POST", "/indexes/t_candidates/search")).toEqual({
      q: "",
      filter: "_geoRadius(52.3676, 4.9041, 50000)",
      attributesToRetrieve: ["id", "sector", "_geo"],
    });
    // Amsterdam centre → Utrecht centre is about 35 km.
    expect(narrowed.hits[0]).toEqual({ id: "c1", sector: "bouw", _geoDistance: expect.any(Number) });
    expect(narrowed.hits[0]!._geoDistance).toBeGreaterThan(33_000);
    expect(narrowed.hits[0]!._geoDistance).toBeLessThan(37_000);

    const full = await engine.search("candidates", { filter: radius });
    expect(full.hits[0]).toMatchObject({ _geo: { lat: 52.09, lng: 5.12 } });
    expect(full.hits[0]!._geoDistance).toBe(narrowed.hits[0]!._geoDistance);
  });
});

describe("reindex", () => {
  const docs = [
    { id: "c1", sector: "bouw" },
    { id: "c2", sector: "logistiek" },
  ];

  it("builds <uid>_<timestamp>, applies settings, adds documents, swaps atomically, deletes the old index", async () => {
    fake.seedIndex("t_candidates", [{ id: "old" }]);
    await engine.applySettings("candidates", settings);
    fake.clearRequests();

    await engine.reindex("candidates", docs);

    const tmp = `t_candidates_${NOW}`;
    expect(calls()).toEqual([
      "GET /indexes/t_candidates",
      "POST /indexes",
      `PATCH /indexes/${tmp}/settings`,
      `POST /indexes/${tmp}/documents?primaryKey=id`,
      "POST /swap-indexes",
      `DELETE /indexes/${tmp}`,
    ]);
    expect(lastBody("POST", "/indexes")).toEqual({ uid: tmp, primaryKey: "id" });
    expect(lastBody("PATCH", `/indexes/${tmp}/settings`)).toEqual(expectedSettingsBody);
    expect(lastBody("POST", "/swap-indexes")).toEqual([{ indexes: [tmp, "t_candidates"] }]);
    expect(fake.indexes()).toEqual(["t_candidates"]);
    expect(fake.documents("t_candidates")).toEqual(docs);
    expect(fake.settings("t_candidates")).toEqual(expectedSettingsBody);
  });

  it("on the first build swaps with a freshly created empty live index (no rename: works on every v1.x)", async () => {
    await engine.reindexFrom("candidates", [docs.slice(0, 1), [], docs.slice(1)], settings);
    const tmp = `t_candidates_${NOW}`;
    expect(calls()).toEqual([
      "GET /indexes/t_candidates",
      "POST /indexes",
      `PATCH /indexes/${tmp}/settings`,
      `POST /indexes/${tmp}/documents?primaryKey=id`,
      `POST /indexes/${tmp}/documents?primaryKey=id`,
      "POST /indexes",
      "PATCH /indexes/t_candidates/settings",
      "POST /swap-indexes",
      `DELETE /indexes/${tmp}`,
    ]);
    expect(lastBody("POST", "/swap-indexes")).toEqual([{ indexes: [tmp, "t_candidates"] }]);
    expect(fake.indexes()).toEqual(["t_candidates"]);
    expect(fake.settings("t_candidates")).toEqual(expectedSettingsBody);
    expect(fake.documents("t_candidates")).toEqual(docs);
  });

  it("copies the managed settings of the live index when none were applied in this process", async () => {
    fake.seedIndex("t_candidates", [{ id: "old" }]);
    await engine.applySettings("candidates", settings);
    const fresh = new MeilisearchEngine({ url: fake.url, indexPrefix: "t", taskPollIntervalMs: 1, now: () => NOW });
    fake.clearRequests();
    await fresh.reindex("candidates", docs);
    expect(calls().slice(0, 3)).toEqual([
      "GET /indexes/t_candidates",
      "GET /indexes/t_candidates/settings",
      "POST /indexes",
    ]);
    expect(lastBody("PATCH", `/indexes/t_candidates_${NOW}/settings`)).toEqual(expectedSettingsBody);
  });

  it("refuses to build without settings when there is no live index to copy them from", async () => {
    const fresh = new MeilisearchEngine({ url: fake.url, indexPrefix: "t", taskPollIntervalMs: 1 });
    await expect(fresh.reindex("vacancies", docs)).rejects.toMatchObject({ code: "invalid_request" });
    expect(fake.indexes()).toEqual([]);
  });

  it("leaves the live index untouched and removes the new one when adding documents fails", async () => {
    fake.seedIndex("t_candidates", [{ id: "old" }]);
    await engine.applySettings("candidates", settings);
    fake.failTasksWhere((t) => t.type === "documentAdditionOrUpdate", {
      message: "Document identifier `ä` is invalid.",
      code: "invalid_document_id",
    });
    await expect(engine.reindex("candidates", docs)).rejects.toMatchObject({
      code: "task_failed",
      message: expect.stringContaining("Document identifier `ä` is invalid. [invalid_document_id]"),
    });
    expect(calls()).not.toContain("POST /swap-indexes");
    expect(calls().at(-1)).toBe(`DELETE /indexes/t_candidates_${NOW}`);
    expect(fake.indexes()).toEqual(["t_candidates"]);
    expect(fake.documents("t_candidates")).toEqual([{ id: "old" }]);
  });
});

describe("reindexMeilisearch (search:reindex, Meilisearch side)", () => {
  it("streams validated batches into a new index and swaps it in", async () => {
    fake.seedIndex("t_vacancies", [{ id: "old" }]);
    async function* pages() {
      yield [{ id: "v1" }, { id: "v2" }];
      yield [{ id: "v3" }];
    }
    const seen: string[] = [];
    const lines: string[] = [];
    const report = await reindexMeilisearch({
      engine: { url: fake.url, indexPrefix: "t", taskPollIntervalMs: 1, now: () => NOW },
      index: "vacancies",
      settings,
      documents: pages(),
      validate: (doc) => {
        seen.push(doc.id);
        return doc;
      },
      log: (line) => lines.push(line),
    });
    expect(report).toMatchObject({ index: "vacancies", uid: "t_vacancies", temporaryUid: `t_vacancies_${NOW}`, documents: 3 });
    expect(seen).toEqual(["v1", "v2", "v3"]);
    expect(lines.at(-1)).toMatch(/^vacancies: 3 documenten omgewisseld naar t_vacancies/);
    expect(lastBody("POST", "/swap-indexes")).toEqual([{ indexes: [`t_vacancies_${NOW}`, "t_vacancies"] }]);
    expect(fake.indexes()).toEqual(["t_vacancies"]);
    expect(fake.documents("t_vacancies")!.map((d) => d.id)).toEqual(["v1", "v2", "v3"]);
  });

  it("a document that fails validation aborts before the swap", async () => {
    fake.seedIndex("t_vacancies", [{ id: "old" }]);
    await expect(
      reindexMeilisearch({
        engine,
        index: "vacancies",
        settings,
        documents: [[{ id: "v1" }], [{ id: "v2", name: "Jan Jansen" }]],
        validate: (doc) => {
          if ("name" in doc) throw new Error("identity field in a document");
          return doc;
        },
      }),
    ).rejects.toThrow("identity field in a document");
    expect(calls()).not.toContain("POST /swap-indexes");
    expect(fake.indexes()).toEqual(["t_vacancies"]);
    expect(fake.documents("t_vacancies")).toEqual([{ id: "old" }]);
  });
});
