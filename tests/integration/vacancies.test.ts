import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications, organisations, searchOutbox, vacancies } from "#db/schema";
import type { Database } from "#db/client.server";
import {
  changeVacancyStatus,
  createVacancy,
  expireVacancies,
  recordFilledPositions,
  updateVacancy,
  type VacancyActor,
  type VacancyInput,
} from "~/domain/vacancies/vacancies.server";
import {
  browseVacancies,
  employerOpenVacancies,
  getOrganisationVacancy,
  getReadableVacancy,
} from "~/domain/vacancies/queries.server";
import { actionsFor, canTransition } from "~/domain/vacancies/lifecycle";
import { startVacancyExpiryJob } from "~/domain/vacancies/expiry-job.server";
import { createMember, createVacancy as createVacancyRow, type Member } from "#tests/support/factories";
import { useTestDatabase } from "#tests/support/db";

/*
 * The vacancy domain against a real database: lifecycle (publish, pause, resume, close,
 * filled positions, expiry), the verification gate, scoping between employers, and the audit
 * and search-outbox rows every change writes in its own transaction.
 */

const t = useTestDatabase();

const lelystad = { placeName: "Lelystad", municipalityCode: "0995", lat: 52.50833, lon: 5.475 };

function input(overrides: Partial<VacancyInput> = {}): VacancyInput {
  return {
    title: "Orderpicker",
    occupationCode: "wb:orderpicker",
    sector: "logistiek",
    kind: "job",
    description: "Je verzamelt bestellingen in ons magazijn en maakt ze klaar voor verzending.",
    requiredSkills: ["orderpicken"],
    preferredSkills: [],
    certificates: ["VCA"],
    licences: ["B"],
    hoursMin: 24,
    hoursMax: 40,
    shifts: ["dag"],
    contractType: "tijdelijk",
    wageIndication: "€ 14 per uur",
    ...lelystad,
    maxDistanceKm: 25,
    startDate: null,
    expiresOn: null,
    positions: 2,
    vogRequired: false,
    vogRiskAreas: [],
    supportOffered: ["buddy"],
    ...overrides,
  };
}

let verified: Member;
let unverified: Member;
let suspended: Member;
let other: Member;
const actor = (m: Member): VacancyActor => ({
  userId: m.user.id,
  organisationId: m.organisation.id,
  origin: { ip: "203.0.113.9", userAgent: "vitest" },
});

beforeAll(async () => {
  verified = await createMember(t.db, { role: "employer_owner" });
  unverified = await createMember(t.db, {
    role: "employer_owner",
    organisation: { verificationStatus: "unverified", verifiedAt: null },
  });
  suspended = await createMember(t.db, { role: "employer_owner", organisation: { verificationStatus: "suspended" } });
  other = await createMember(t.db, { role: "employer_recruiter" });
});

async function trail(db: Database, vacancyId: string) {
  const audits = await db
    .select({ action: auditLog.action, result: auditLog.result, details: auditLog.details, actor: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "vacancy"), eq(auditLog.objectId, vacancyId)))
    .orderBy(asc(auditLog.id));
  const outbox = await db
    .select({ indexName: searchOutbox.indexName, status: searchOutbox.status })
    .from(searchOutbox)
    .where(eq(searchOutbox.entityId, vacancyId));
  return { audits, outbox };
}

async function statusOf(id: string) {
  const [row] = await t.db.select({ status: vacancies.status, filled: vacancies.positionsFilled }).from(vacancies).where(eq(vacancies.id, id));
  return row;
}

describe("lifecycle", () => {
  it("only has the transitions of the design", () => {
    expect(canTransition("draft", "open")).toBe(true);
    expect(canTransition("open", "paused")).toBe(true);
    expect(canTransition("paused", "open")).toBe(true);
    expect(canTransition("open", "filled")).toBe(true);
    expect(canTransition("open", "closed")).toBe(true);
    expect(canTransition("draft", "filled")).toBe(false);
    expect(canTransition("closed", "open")).toBe(false);
    expect(canTransition("filled", "open")).toBe(false);
    expect(actionsFor("draft")).toEqual(["publish", "close"]);
    expect(actionsFor("open")).toEqual(["pause", "close"]);
    expect(actionsFor("paused")).toEqual(["resume", "close"]);
    expect(actionsFor("filled")).toEqual([]);
    expect(actionsFor("closed")).toEqual([]);
  });

  it("goes draft → open → paused → open → closed, one audit row and one outbox row per change", async () => {
    const created = await createVacancy(t.db, actor(verified), input());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.vacancy.id;
    expect(created.vacancy.status).toBe("draft");
    expect(created.vacancy.publishedAt).toBeNull();
    expect(created.vacancy.createdByUserId).toBe(verified.user.id);

    const published = await changeVacancyStatus(t.db, actor(verified), id, "publish", { expectedFrom: "draft" });
    expect(published).toMatchObject({ ok: true, from: "draft", vacancy: { status: "open" } });
    if (published.ok) expect(published.vacancy.publishedAt).toBeInstanceOf(Date);
    expect((await changeVacancyStatus(t.db, actor(verified), id, "pause")).ok).toBe(true);
    expect((await changeVacancyStatus(t.db, actor(verified), id, "resume")).ok).toBe(true);
    expect((await changeVacancyStatus(t.db, actor(verified), id, "close", { details: { reason: "other" } })).ok).toBe(true);
    expect((await statusOf(id))?.status).toBe("closed");

    const { audits, outbox } = await trail(t.db, id);
    expect(audits.map((a) => a.action)).toEqual([
      "vacancy.created",
      "vacancy.published",
      "vacancy.paused",
      "vacancy.resumed",
      "vacancy.closed",
    ]);
    expect(audits.every((a) => a.actor === verified.user.id && a.result === "ok")).toBe(true);
    expect(audits[1]!.details).toEqual({ from: "draft", to: "open" });
    expect(audits[4]!.details).toEqual({ from: "open", to: "closed", reason: "other" });
    expect(outbox).toHaveLength(5);
    expect(outbox.every((o) => o.indexName === "vacancies" && o.status === "pending")).toBe(true);
  });

  it("refuses moves that do not exist and stale pages, and writes nothing for them", async () => {
    const row = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "closed", sector: "logistiek" });
    expect(await changeVacancyStatus(t.db, actor(verified), row.id, "publish")).toEqual({ ok: false, reason: "invalid_transition" });
    expect(await changeVacancyStatus(t.db, actor(verified), row.id, "resume")).toEqual({ ok: false, reason: "invalid_transition" });
    const open = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "open", sector: "logistiek" });
    // The page showed "draft", but the vacancy is open by now.
    expect(await changeVacancyStatus(t.db, actor(verified), open.id, "close", { expectedFrom: "draft" })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect((await statusOf(open.id))?.status).toBe("open");
    const { audits, outbox } = await trail(t.db, row.id);
    expect(audits).toEqual([]);
    expect(outbox).toEqual([]);
  });

  it("fills positions one by one and closes itself as filled when the last one is taken", async () => {
    const created = await createVacancy(t.db, actor(verified), input({ positions: 3 }));
    if (!created.ok) throw new Error("not created");
    const id = created.vacancy.id;
    // A draft has no positions to fill yet.
    expect(
      await recordFilledPositions(t.db, { vacancyId: id, count: 1, scopeOrganisationId: verified.organisation.id, actor: actor(verified) }),
    ).toEqual({ ok: false, reason: "invalid_transition" });
    await changeVacancyStatus(t.db, actor(verified), id, "publish");

    const first = await recordFilledPositions(t.db, {
      vacancyId: id,
      count: 2,
      scopeOrganisationId: verified.organisation.id,
      actor: actor(verified),
    });
    expect(first).toMatchObject({ ok: true, filled: false, vacancy: { status: "open", positionsFilled: 2 } });
    // More than is left: refused, nothing changes.
    expect(
      await recordFilledPositions(t.db, { vacancyId: id, count: 2, scopeOrganisationId: verified.organisation.id, actor: actor(verified) }),
    ).toEqual({ ok: false, reason: "positions" });
    // The pipeline fills the last one when a placement starts (no employer scope).
    const last = await recordFilledPositions(t.db, {
      vacancyId: id,
      count: 1,
      scopeOrganisationId: null,
      actor: { userId: null, organisationId: null },
    });
    expect(last).toMatchObject({ ok: true, filled: true, vacancy: { status: "filled", positionsFilled: 3 } });
    expect(await changeVacancyStatus(t.db, actor(verified), id, "pause")).toEqual({ ok: false, reason: "invalid_transition" });

    const { audits, outbox } = await trail(t.db, id);
    expect(audits.map((a) => a.action)).toEqual([
      "vacancy.created",
      "vacancy.published",
      "vacancy.positions_filled",
      "vacancy.positions_filled",
      "vacancy.filled",
    ]);
    expect(audits[4]!.details).toMatchObject({ from: "open", to: "filled", automatic: true });
    expect(outbox).toHaveLength(4);
  });

  it("becomes filled when the positions are lowered to the filled ones", async () => {
    const row = await createVacancyRow(t.db, {
      organisationId: verified.organisation.id,
      status: "paused",
      sector: "logistiek",
      positions: 3,
      positionsFilled: 2,
    });
    expect(await updateVacancy(t.db, actor(verified), row.id, input({ positions: 1 }))).toEqual({ ok: false, reason: "positions" });
    const outcome = await updateVacancy(t.db, actor(verified), row.id, input({ positions: 2 }));
    expect(outcome).toMatchObject({ ok: true, vacancy: { status: "filled" } });
    expect((await trail(t.db, row.id)).audits.map((a) => a.action)).toEqual(["vacancy.updated", "vacancy.filled"]);
  });

  it("records the names of changed fields (never their values) and refuses a stale form", async () => {
    const created = await createVacancy(t.db, actor(verified), input());
    if (!created.ok) throw new Error("not created");
    const version = created.vacancy.updatedAt.toISOString();
    const changed = await updateVacancy(t.db, actor(verified), created.vacancy.id, input({ title: "Heftruckchauffeur", hoursMax: 32 }), { version });
    expect(changed).toMatchObject({ ok: true, changed: ["title", "hoursMax"] });
    // The same old version again: someone saved in between.
    expect(await updateVacancy(t.db, actor(verified), created.vacancy.id, input(), { version })).toEqual({ ok: false, reason: "stale" });
    const { audits } = await trail(t.db, created.vacancy.id);
    expect(audits[1]).toMatchObject({ action: "vacancy.updated", details: { status: "draft", changed: ["title", "hoursMax"] } });
    expect(JSON.stringify(audits[1]!.details)).not.toContain("Heftruckchauffeur");
  });

  it("cannot change a filled or closed vacancy", async () => {
    const row = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "filled", sector: "logistiek" });
    expect(await updateVacancy(t.db, actor(verified), row.id, input())).toEqual({ ok: false, reason: "read_only" });
  });
});

describe("expiry", () => {
  it("closes open and paused vacancies after their expiry day (Dutch time), once, and tells the creator", async () => {
    const org = verified.organisation.id;
    const make = (status: "open" | "paused" | "draft", expiresOn: string | null) =>
      createVacancyRow(t.db, { organisationId: org, status, sector: "logistiek", expiresOn, createdByUserId: verified.user.id });
    const past = await make("open", "2030-03-01");
    const pausedPast = await make("paused", "2030-02-15");
    const today = await make("open", "2030-03-02");
    const draftPast = await make("draft", "2030-03-01");
    const none = await make("open", null);

    // 2 March 2030, 00:30 in Amsterdam (23:30 UTC the day before): 1 March is over.
    const now = new Date("2030-03-01T23:30:00Z");
    const first = await expireVacancies(t.db, now);
    expect(first.expired.sort()).toEqual([past.id, pausedPast.id].sort());
    expect((await statusOf(past.id))?.status).toBe("closed");
    expect((await statusOf(pausedPast.id))?.status).toBe("closed");
    expect((await statusOf(today.id))?.status).toBe("open");
    expect((await statusOf(draftPast.id))?.status).toBe("draft");
    expect((await statusOf(none.id))?.status).toBe("open");

    const { audits, outbox } = await trail(t.db, past.id);
    expect(audits).toEqual([
      { action: "vacancy.expired", result: "ok", actor: null, details: { from: "open", to: "closed", expiresOn: "2030-03-01" } },
    ]);
    expect(outbox).toEqual([{ indexName: "vacancies", status: "pending" }]);
    const notes = await t.db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.userId, verified.user.id), eq(notifications.kind, "vacancy.expired")));
    expect(notes).toEqual(
      expect.arrayContaining([
        { kind: "vacancy.expired", link: `/werkgever/vacatures/${past.id}` },
        { kind: "vacancy.expired", link: `/werkgever/vacatures/${pausedPast.id}` },
      ]),
    );

    // Running it again changes nothing.
    expect((await expireVacancies(t.db, now)).expired).toEqual([]);
    // The next day, the vacancy that expired "today" goes too.
    expect((await expireVacancies(t.db, new Date("2030-03-03T08:00:00Z"))).expired).toEqual([today.id]);
  });

  it("runs as a scheduled job: at start and then every interval, until stopped", async () => {
    const row = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "open", sector: "groen", expiresOn: "2031-01-01" });
    const runs: string[][] = [];
    const stop = startVacancyExpiryJob({
      db: t.db,
      intervalMs: 20,
      now: () => new Date("2031-01-05T09:00:00Z"),
      onRun: (expired) => runs.push(expired),
    });
    await expect.poll(() => runs.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await stop();
    expect(runs[0]).toContain(row.id);
    expect(runs.slice(1).flat()).not.toContain(row.id);
    expect((await statusOf(row.id))?.status).toBe("closed");
  });

  it("refuses to publish a vacancy whose expiry day has passed", async () => {
    const row = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "draft", sector: "logistiek", expiresOn: "2020-01-01" });
    expect(await changeVacancyStatus(t.db, actor(verified), row.id, "publish")).toEqual({ ok: false, reason: "expired" });
  });
});

describe("verification gate", () => {
  it("lets an unverified employer prepare drafts but not publish them (audited as denied)", async () => {
    const created = await createVacancy(t.db, actor(unverified), input());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const refused = await changeVacancyStatus(t.db, actor(unverified), created.vacancy.id, "publish");
    expect(refused).toEqual({ ok: false, reason: "not_verified" });
    expect((await statusOf(created.vacancy.id))?.status).toBe("draft");
    const { audits, outbox } = await trail(t.db, created.vacancy.id);
    expect(audits.map((a) => [a.action, a.result])).toEqual([
      ["vacancy.created", "ok"],
      ["vacancy.publish", "denied"],
    ]);
    // Only the creation went to the search outbox.
    expect(outbox).toHaveLength(1);

    // Once an admin has verified the organisation, the same draft can be published.
    await t.db.update(organisations).set({ verificationStatus: "verified" }).where(eq(organisations.id, unverified.organisation.id));
    expect((await changeVacancyStatus(t.db, actor(unverified), created.vacancy.id, "publish")).ok).toBe(true);
    await t.db.update(organisations).set({ verificationStatus: "unverified" }).where(eq(organisations.id, unverified.organisation.id));
  });

  it("lets an unverified employer pause and close, but not resume", async () => {
    const row = await createVacancyRow(t.db, { organisationId: unverified.organisation.id, status: "open", sector: "logistiek" });
    expect((await changeVacancyStatus(t.db, actor(unverified), row.id, "pause")).ok).toBe(true);
    expect(await changeVacancyStatus(t.db, actor(unverified), row.id, "resume")).toEqual({ ok: false, reason: "not_verified" });
    expect((await changeVacancyStatus(t.db, actor(unverified), row.id, "close")).ok).toBe(true);
  });

  it("lets a suspended employer neither prepare nor change vacancies", async () => {
    expect(await createVacancy(t.db, actor(suspended), input())).toEqual({ ok: false, reason: "suspended" });
    const row = await createVacancyRow(t.db, { organisationId: suspended.organisation.id, status: "draft", sector: "logistiek" });
    expect(await updateVacancy(t.db, actor(suspended), row.id, input())).toEqual({ ok: false, reason: "suspended" });
    expect(await changeVacancyStatus(t.db, actor(suspended), row.id, "publish")).toEqual({ ok: false, reason: "suspended" });
    expect(
      await recordFilledPositions(t.db, { vacancyId: row.id, count: 1, scopeOrganisationId: suspended.organisation.id, actor: actor(suspended) }),
    ).toEqual({ ok: false, reason: "suspended" });
    const count = await t.db.select({ id: vacancies.id }).from(vacancies).where(eq(vacancies.organisationId, suspended.organisation.id));
    expect(count).toHaveLength(1);
  });

  it("hides vacancies of employers that are not verified (any more) from readers", async () => {
    const row = await createVacancyRow(t.db, { organisationId: suspended.organisation.id, status: "open", sector: "groen", title: "Hovenier geblokkeerd" });
    expect(await getReadableVacancy(t.db, { role: "coach" }, row.id)).toBeNull();
    expect((await getReadableVacancy(t.db, { role: "platform_admin" }, row.id))?.title).toBe("Hovenier geblokkeerd");
    const browse = await browseVacancies(t.db, { role: "coach" }, { sector: "groen" });
    expect(browse.vacancies.map((v) => v.id)).not.toContain(row.id);
  });
});

describe("scoping between employers", () => {
  it("answers another employer's vacancy as not found, for reading and for every change", async () => {
    const mine = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "draft", sector: "logistiek" });
    const intruder = actor(other);
    expect(await getOrganisationVacancy(t.db, other.organisation.id, mine.id)).toBeNull();
    expect(await getOrganisationVacancy(t.db, verified.organisation.id, mine.id)).not.toBeNull();
    expect(await getOrganisationVacancy(t.db, verified.organisation.id, "not-a-uuid")).toBeNull();
    expect(await updateVacancy(t.db, intruder, mine.id, input({ title: "Overgenomen" }))).toEqual({ ok: false, reason: "not_found" });
    for (const action of ["publish", "pause", "resume", "close"] as const) {
      expect(await changeVacancyStatus(t.db, intruder, mine.id, action)).toEqual({ ok: false, reason: "not_found" });
    }
    expect(
      await recordFilledPositions(t.db, { vacancyId: mine.id, count: 1, scopeOrganisationId: other.organisation.id, actor: intruder }),
    ).toEqual({ ok: false, reason: "not_found" });
    const [after] = await t.db.select().from(vacancies).where(eq(vacancies.id, mine.id));
    expect(after).toMatchObject({ title: mine.title, status: "draft" });
    expect((await trail(t.db, mine.id)).audits).toEqual([]);
  });

  it("shows readers only open vacancies, and admins every vacancy", async () => {
    const draft = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "draft", sector: "horeca" });
    const open = await createVacancyRow(t.db, { organisationId: verified.organisation.id, status: "open", sector: "horeca" });
    for (const role of ["coach", "prison_staff", "municipality_coordinator"] as const) {
      expect(await getReadableVacancy(t.db, { role }, draft.id)).toBeNull();
      expect((await getReadableVacancy(t.db, { role }, open.id))?.id).toBe(open.id);
    }
    expect((await getReadableVacancy(t.db, { role: "platform_admin" }, draft.id))?.id).toBe(draft.id);
    const admin = await browseVacancies(t.db, { role: "platform_admin" }, { sector: "horeca", status: "draft" });
    expect(admin.vacancies.map((v) => v.id)).toContain(draft.id);
    // A status filter from a non-admin is ignored: still open vacancies only.
    const coach = await browseVacancies(t.db, { role: "coach" }, { sector: "horeca", status: "draft" });
    expect(coach.vacancies.map((v) => v.id)).toEqual([open.id]);
  });
});

describe("browsing by sector and region", () => {
  it("finds open vacancies within a radius of a place, nearest first, with the distance", async () => {
    const org = verified.organisation.id;
    const zwolle = await createVacancyRow(t.db, {
      organisationId: org,
      status: "open",
      sector: "bouw",
      title: "Metselaar Zwolle",
      placeName: "Zwolle",
      municipalityCode: "0193",
      lat: 52.5125,
      lon: 6.09444,
    });
    const kampen = await createVacancyRow(t.db, {
      organisationId: org,
      status: "open",
      sector: "bouw",
      title: "Timmerman Kampen",
      placeName: "Kampen",
      municipalityCode: "0166",
      lat: 52.555,
      lon: 5.91111,
    });
    const lelystadRow = await createVacancyRow(t.db, { organisationId: org, status: "open", sector: "bouw", title: "Stratenmaker Lelystad" });
    const near = { lat: 52.5125, lon: 6.09444, radiusKm: 20 };
    const result = await browseVacancies(t.db, { role: "coach" }, { sector: "bouw", near });
    expect(result.vacancies.map((v) => v.id)).toEqual([zwolle.id, kampen.id]);
    expect(result.vacancies[0]!.distanceKm).toBe(0);
    expect(result.vacancies[1]!.distanceKm).toBeGreaterThan(10);
    expect(result.vacancies[1]!.distanceKm).toBeLessThan(20);
    const wide = await browseVacancies(t.db, { role: "coach" }, { sector: "bouw", near: { ...near, radiusKm: 60 } });
    expect(wide.vacancies.map((v) => v.id)).toContain(lelystadRow.id);
    // Other sectors stay out.
    const techniek = await browseVacancies(t.db, { role: "coach" }, { sector: "techniek", near });
    expect(techniek.vacancies.map((v) => v.id)).not.toContain(zwolle.id);
  });

  it("pages through results", async () => {
    const org = verified.organisation.id;
    for (let i = 0; i < 5; i++) await createVacancyRow(t.db, { organisationId: org, status: "open", sector: "schoonmaak" });
    const page1 = await browseVacancies(t.db, { role: "coach" }, { sector: "schoonmaak", pageSize: 2 });
    const page3 = await browseVacancies(t.db, { role: "coach" }, { sector: "schoonmaak", pageSize: 2, page: 3 });
    expect(page1).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(page1.vacancies).toHaveLength(2);
    expect(page3.vacancies).toHaveLength(1);
  });
});

describe("employer dashboard", () => {
  it("lists the open vacancies with proposal counts per step (0 until the pipeline writes them)", async () => {
    const member = await createMember(t.db, { role: "employer_owner" });
    const open = await createVacancyRow(t.db, { organisationId: member.organisation.id, status: "open", sector: "logistiek" });
    await createVacancyRow(t.db, { organisationId: member.organisation.id, status: "draft", sector: "logistiek" });
    const rows = await employerOpenVacancies(t.db, member.organisation.id);
    expect(rows.map((r) => r.id)).toEqual([open.id]);
    expect(rows[0]!.proposals).toEqual({ proposed: 0, interested: 0, meeting_planned: 0, offer_made: 0, placed: 0 });
  });
});

describe("every change writes its search-outbox row in the same transaction", () => {
  it("writes no outbox row when the change is rolled back", async () => {
    const before = await t.db.select({ id: searchOutbox.id }).from(searchOutbox);
    const auditsBefore = await t.db.select({ id: auditLog.id }).from(auditLog);
    await expect(
      t.db.transaction(async (tx) => {
        const created = await createVacancy(tx, actor(verified), input({ title: "Teruggedraaid" }));
        expect(created.ok).toBe(true);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const after = await t.db.select({ id: searchOutbox.id }).from(searchOutbox);
    expect(after).toHaveLength(before.length);
    const ghosts = await t.db.select({ id: vacancies.id }).from(vacancies).where(eq(vacancies.title, "Teruggedraaid"));
    expect(ghosts).toEqual([]);
    expect(await t.db.select({ id: auditLog.id }).from(auditLog)).toHaveLength(auditsBefore.length);
  });
});
