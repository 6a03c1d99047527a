import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeMeilisearch, type FakeMeilisearch } from "#tests/support/fake-meilisearch";
import { SearchEngineError } from "./engine";
import { MeilisearchEngine } from "./meilisearch";

/*
 * Wiring of the Meilisearch adapter against a local HTTP server that plays Meilisearch's
 * task API (tests/support/fake-meilisearch.ts): task life cycle, failed tasks, tasks that
 * never finish, a server that is down or broken, and the API key on every request.
 */

let fake: FakeMeilisearch;

beforeEach(async () => {
  fake = await startFakeMeilisearch();
});
afterEach(async () => {
  await fake.close();
});

function engineFor(url = fake.url, extra: Partial<ConstructorParameters<typeof MeilisearchEngine>[0]> = {}) {
  return new MeilisearchEngine({
    url,
    apiKey: "test-master-key",
    taskPollIntervalMs: 5,
    taskTimeoutMs: 2_000,
    requestTimeoutMs: 2_000,
    ...extra,
  });
}

const polls = (uid: number) => fake.requests.filter((r) => r.method === "GET" && r.path === `/tasks/${uid}`).length;

describe("tasks", () => {
  it("polls an enqueued task through processing until it succeeded, then resolves", async () => {
    fake.setPollsBeforeDone(3); // enqueued, processing, processing, then succeeded
    const engine = engineFor();
    await engine.upsertDocuments("candidates", [{ id: "c1", title: "Heftruckchauffeur" }]);
    expect(polls(0)).toBe(4);
    expect(fake.documents("candidates")).toEqual([{ id: "c1", title: "Heftruckchauffeur" }]);
  });

  it("turns a failed task into an error carrying the task's message", async () => {
    fake.failNextTask({
      message: "Attribute `salary` is not filterable.",
      code: "invalid_settings_filterable_attributes",
      type: "invalid_request",
    });
    const engine = engineFor();
    const error = await engine.upsertDocuments("vacancies", [{ id: "v1" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchEngineError);
    expect(error).toMatchObject({ code: "task_failed" });
    expect((error as Error).message).toContain("Attribute `salary` is not filterable.");
    expect((error as Error).message).toContain("invalid_settings_filterable_attributes");
    expect((error as Error).message).toContain("documentAdditionOrUpdate");
  });

  it("a failed settings task stops before any document is sent", async () => {
    fake.failTasksWhere((t) => t.type === "settingsUpdate", { message: "Invalid ranking rule `nonsense`." });
    const engine = engineFor();
    await expect(
      engine.applySettings("candidates", {
        primaryKey: "id",
        searchableAttributes: ["title"],
        filterableAttributes: [],
        sortableAttributes: [],
        synonyms: {},
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
        rankingRules: ["words"],
      }),
    ).rejects.toThrow(/Invalid ranking rule `nonsense`/);
    expect(fake.calls().some((r) => r.path.endsWith("/documents"))).toBe(false);
  });

  it("gives up on a task that never finishes with a timeout error", async () => {
    fake.hangTasks();
    const engine = engineFor(fake.url, { taskTimeoutMs: 150 });
    const started = Date.now();
    const error = await engine.deleteDocuments("candidates", ["c1"]).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(SearchEngineError);
    expect(error).toMatchObject({ code: "timeout" });
    expect((error as Error).message).toMatch(/taak 0 niet klaar binnen 150 ms/);
    expect(polls(0)).toBeGreaterThan(1);
  });
});

describe("server down or broken", () => {
  it("health() is false and search rejects with a clear error when nothing listens", async () => {
    await fake.refuseConnections();
    const engine = engineFor();
    const health = await engine.health();
    expect(health).toMatchObject({ ok: false, engine: "meilisearch" });
    expect(health.detail).toContain(`Meilisearch niet bereikbaar op ${fake.url}`);

    const error = await engine.search("candidates", { q: "lasser" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchEngineError);
    expect(error).toMatchObject({ code: "unavailable" });
    expect((error as Error).message).toContain(`Meilisearch niet bereikbaar op ${fake.url} (zoeken in candidates)`);
    expect((error as Error).message).toContain("ECONNREFUSED");

    await expect(engine.upsertDocuments("candidates", [{ id: "c1" }])).rejects.toMatchObject({ code: "unavailable" });
  });

  it("recovers when the server is back", async () => {
    const engine = engineFor();
    await fake.refuseConnections();
    expect((await engine.health()).ok).toBe(false);
    await fake.acceptConnections();
    expect(await engine.health()).toEqual({ ok: true, engine: "meilisearch" });
  });

  it("a 500 answer is 'unavailable' with Meilisearch's message; health() false", async () => {
    fake.answer500();
    const engine = engineFor();
    await expect(engine.search("candidates", {})).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("Internal error (fake) [internal] (HTTP 500)"),
    });
    expect((await engine.health()).ok).toBe(false);
  });

  it("a 4xx answer is 'invalid_request' with Meilisearch's message", async () => {
    const engine = engineFor();
    await expect(engine.search("vacancies", { q: "kok" })).rejects.toMatchObject({
      code: "invalid_request",
      message: expect.stringContaining("Index `vacancies` not found. [index_not_found] (HTTP 404)"),
    });
  });

  it("a request that hangs is cut off by the request timeout", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      const engine = engineFor(`http://127.0.0.1:${port}`, { requestTimeoutMs: 100 });
      await expect(engine.search("candidates", {})).rejects.toMatchObject({
        code: "unavailable",
        message: expect.stringContaining("request timed out after 100ms"),
      });
      expect((await engine.health()).ok).toBe(false);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("authorization", () => {
  it("sends MEILI_MASTER_KEY as a Bearer token on every request, task polls included", async () => {
    const engine = MeilisearchEngine.fromEnv(
      { MEILI_URL: fake.url, MEILI_MASTER_KEY: "s3cret-master-key" },
      { taskPollIntervalMs: 5 },
    )!;
    await engine.upsertDocuments("candidates", [{ id: "c1" }]);
    await engine.health();
    fake.setSearchResponse("*", { hits: [] });
    await engine.search("candidates", { q: "x" });
    expect(fake.requests.length).toBeGreaterThan(3);
    for (const r of fake.requests) expect(r.headers.authorization, `${r.method} ${r.path}`).toBe("Bearer s3cret-master-key");
  });

  it("sends no Authorization header without a key, and fromEnv is undefined without MEILI_URL", async () => {
    const engine = MeilisearchEngine.fromEnv({ MEILI_URL: fake.url }, { taskPollIntervalMs: 5 })!;
    await engine.health();
    expect(fake.requests.at(-1)!.headers.authorization).toBeUndefined();
    expect(MeilisearchEngine.fromEnv({ MEILI_MASTER_KEY: "k" })).toBeUndefined();
  });

  it("never puts the key in an error message", async () => {
    await fake.refuseConnections();
    const engine = engineFor();
    const error = (await engine.search("candidates", {}).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain("test-master-key");
    expect((await engine.health()).detail).not.toContain("test-master-key");
  });
});
