import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates, searchOutbox, vacancies } from "#db/schema";
import { candidateIndexSettings, vacancyIndexSettings } from "#search/documents";
import { EmbeddedSearchEngine } from "#search/embedded";
import { SearchEngineError, type BaseDocument, type IndexName } from "#search/engine";
import { allDocuments, loadAllIntoEngine, processSearchOutbox } from "#search/sync.server";
import { useTestDatabase } from "#tests/support/db";
import { createCandidate, createMember, createVacancy } from "#tests/support/factories";

const t = useTestDatabase();

/** The embedded engine, switchable to "down" (every call fails as an unreachable server would). */
class FlakyEngine extends EmbeddedSearchEngine {
  down = false;
  private check() {
    if (this.down) throw new SearchEngineError("zoekmachine onbereikbaar", "unavailable");
  }
  override async upsertDocuments<D extends BaseDocument>(index: IndexName, docs: D[]) {
    this.check();
    return super.upsertDocuments(index, docs);
  }
  override async deleteDocuments(index: IndexName, ids: string[]) {
    this.check();
    return super.deleteDocuments(index, ids);
  }
}

async function engine() {
  const e = new FlakyEngine();
  await e.applySettings("candidates", candidateIndexSettings());
  await e.applySettings("vacancies", vacancyIndexSettings());
  return e;
}

async function queue(index: IndexName, entityId: string) {
  await t.db.insert(searchOutbox).values({ indexName: index, entityId });
}

describe("search outbox worker", () => {
  it("indexes a published candidate and an open vacancy, and removes them when they stop being public", async () => {
    const e = await engine();
    const coach = await createMember(t.db, { role: "coach" });
    const { candidate } = await createCandidate(t.db, { coach });
    const vacancy = await createVacancy(t.db);
    await queue("candidates", candidate.id);
    await queue("vacancies", vacancy.id);
    const first = await processSearchOutbox({ db: t.db, engine: e });
    expect(first).toMatchObject({ claimed: 2, upserted: 2, deleted: 0, failed: 0 });
    expect(await e.getDocument("candidates", candidate.id)).toMatchObject({ code: candidate.publicCode });
    expect(await e.getDocument("vacancies", vacancy.id)).toMatchObject({ title: vacancy.title });

    await t.db.update(candidates).set({ status: "paused" }).where(eq(candidates.id, candidate.id));
    await t.db.update(vacancies).set({ status: "closed" }).where(eq(vacancies.id, vacancy.id));
    await queue("candidates", candidate.id);
    await queue("vacancies", vacancy.id);
    const second = await processSearchOutbox({ db: t.db, engine: e });
    expect(second).toMatchObject({ claimed: 2, deleted: 2 });
    expect(await e.getDocument("candidates", candidate.id)).toBeNull();
    expect(await e.getDocument("vacancies", vacancy.id)).toBeNull();
  });

  it("applies a change later when a worker died between claim and done", async () => {
    const e = await engine();
    const vacancy = await createVacancy(t.db);
    await queue("vacancies", vacancy.id);
    // A worker claims the row and dies: the row is left "processing" with a lease.
    const now = new Date();
    await t.db
      .update(searchOutbox)
      .set({ status: "processing", lockedUntil: new Date(now.getTime() + 60_000) })
      .where(eq(searchOutbox.entityId, vacancy.id));
    expect((await processSearchOutbox({ db: t.db, engine: e, now })).claimed).toBe(0);
    // When the lease has run out, another worker picks it up.
    const later = new Date(now.getTime() + 61_000);
    expect(await processSearchOutbox({ db: t.db, engine: e, now: later })).toMatchObject({ claimed: 1, upserted: 1 });
    expect(await e.getDocument("vacancies", vacancy.id)).not.toBeNull();
  });

  it("keeps changes while the engine is down and catches up when it is back", async () => {
    const e = await engine();
    const vacancy = await createVacancy(t.db);
    await queue("vacancies", vacancy.id);
    e.down = true;
    const now = new Date();
    const failed = await processSearchOutbox({ db: t.db, engine: e, now });
    expect(failed).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, vacancy.id));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/onbereikbaar/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: nothing claimed.
    expect((await processSearchOutbox({ db: t.db, engine: e, now })).claimed).toBe(0);
    e.down = false;
    const back = await processSearchOutbox({ db: t.db, engine: e, now: new Date(now.getTime() + 60_000) });
    expect(back).toMatchObject({ claimed: 1, upserted: 1, failed: 0 });
    const [done] = await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, vacancy.id));
    expect(done!.status).toBe("done");
  });

  it("is idempotent and lets two workers share the backlog without doing a row twice", async () => {
    const e = await engine();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const v = await createVacancy(t.db);
      ids.push(v.id);
      await queue("vacancies", v.id);
      await queue("vacancies", v.id); // the same change twice
    }
    const [a, b] = await Promise.all([
      processSearchOutbox({ db: t.db, engine: e, batchSize: 10 }),
      processSearchOutbox({ db: t.db, engine: e, batchSize: 10 }),
    ]);
    const rest = await processSearchOutbox({ db: t.db, engine: e });
    expect(a.claimed + b.claimed + rest.claimed).toBe(24);
    for (const id of ids) expect(await e.getDocument("vacancies", id)).not.toBeNull();
    const pending = await t.db.select().from(searchOutbox).where(eq(searchOutbox.status, "pending"));
    expect(pending).toHaveLength(0);
  });

  it("loads every public document on start, and no identity reaches the index", async () => {
    const e = await engine();
    const { candidate, identity } = await createCandidate(t.db, {
      identity: { firstName: "Kanarie", lastName: "Vogelzang", phone: "0612345678", email: "kanarie@example.nl" },
    });
    await createCandidate(t.db, { candidate: { status: "intake" } });
    const counts = await loadAllIntoEngine(t.db, e);
    expect(counts.candidates).toBeGreaterThanOrEqual(1);
    const doc = await e.getDocument("candidates", candidate.id);
    expect(doc).not.toBeNull();
    const text = JSON.stringify(doc);
    for (const value of [identity.firstName, identity.lastName, identity.phone, identity.email, identity.dateOfBirth]) {
      expect(text).not.toContain(value!);
    }
  });

  it("reads every public document once, page by page in id order, whatever the page size", async () => {
    const coach = await createMember(t.db, { role: "coach" });
    const published: string[] = [];
    for (let i = 0; i < 4; i++) published.push((await createCandidate(t.db, { coach })).candidate.id);
    await createCandidate(t.db, { coach, candidate: { status: "paused" } });
    const employer = await createMember(t.db, { role: "employer_owner" });
    for (let i = 0; i < 3; i++) await createVacancy(t.db, { organisationId: employer.organisation.id });
    await createVacancy(t.db, { organisationId: employer.organisation.id, status: "closed" });
    const allCandidates = await t.db.select({ id: candidates.id }).from(candidates).where(eq(candidates.status, "published"));
    const allVacancies = await t.db.select({ id: vacancies.id }).from(vacancies).where(eq(vacancies.status, "open"));
    const sorted = (ids: string[]) => [...ids].sort();
    for (const pageSize of [1, 2, 3, 4, 100]) {
      const pages: string[][] = [];
      for await (const page of allDocuments(t.db, "candidates", { pageSize })) pages.push(page.map((d) => d.id));
      expect(pages.flat(), `page size ${pageSize}`).toEqual(sorted(allCandidates.map((c) => c.id)));
      expect(pages.every((p) => p.length > 0 && p.length <= pageSize)).toBe(true);
      const vacancyIds: string[] = [];
      for await (const page of allDocuments(t.db, "vacancies", { pageSize })) vacancyIds.push(...page.map((d) => d.id));
      expect(vacancyIds, `page size ${pageSize}`).toEqual(sorted(allVacancies.map((v) => v.id)));
    }
    expect(published.every((id) => allCandidates.some((c) => c.id === id))).toBe(true);
  });
});
