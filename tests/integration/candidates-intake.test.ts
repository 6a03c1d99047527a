import { and, count, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import {
  StaticRouterProvider,
  createStaticHandler,
  createStaticRouter,
} from "react-router-dom/server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  candidateBasicConditions,
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidates,
  emailOutbox,
  invitations,
  notifications,
  searchOutbox,
} from "#db/schema";
import { acceptInvitation } from "~/domain/invitations.server";
import { addYears, todayInNetherlands, toLocalDateTime } from "~/domain/candidates/intake-schemas";
import { identityFingerprint } from "~/domain/candidates/nomination.server";
import { PUBLIC_CODE_PATTERN } from "~/domain/candidates/public-code";
import * as coachCaseload from "~/routes/coach+/kandidaten._index";
import * as coachDetail from "~/routes/coach+/kandidaten.$candidateId._index";
import * as coachIntake from "~/routes/coach+/kandidaten.$candidateId.intake";
import * as gemeenteList from "~/routes/gemeente+/kandidaten._index";
import * as piDetail from "~/routes/pi+/kandidaten.$candidateId._index";
import * as piList from "~/routes/pi+/kandidaten._index";
import * as piNominate from "~/routes/pi+/kandidaten.nieuw";
import * as piWork from "~/routes/pi+/kandidaten.$candidateId.werk";
import { useTestDatabase } from "#tests/support/db";
import {
  type Member,
  createCandidate,
  createMember,
  createOrganisation,
  identityFingerprintOf,
} from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";

/*
 * Nomination by prison staff, coach linking, first meeting, detention work, and the coach's
 * intake — through the routes' loaders and actions, against a real database.
 */

const t = useTestDatabase();

type RouteFn = (args: LoaderFunctionArgs) => Promise<unknown>;

async function run(fn: RouteFn | undefined, request: Request, params: Record<string, string> = {}) {
  try {
    return (await fn!({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function get(path: string, cookie: string) {
  return new Request(`http://localhost${path}`, { headers: { cookie, "user-agent": "vitest" } });
}

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { cookie, origin: "http://localhost", "user-agent": "vitest" },
  });
}

type Reply = { status?: string; error?: Record<string, string[] | null> };
async function replyOf(response: Response) {
  const body = (await response.json()) as Reply & { result?: Reply };
  return body.result ?? body;
}

/** Renders a route module's page for a GET request, as the server would (loader + component). */
async function renderPage(mod: { loader: RouteFn; default: () => unknown }, pattern: string, path: string, cookie: string) {
  const handler = createStaticHandler([
    { id: "page", path: pattern, loader: mod.loader as never, Component: mod.default as never },
  ]);
  const context = await handler.query(get(path, cookie));
  if (context instanceof Response) throw new Error(`redirect ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

let prison: Member;
let prisonCookie: string;
let otherPrison: Member;
let coach: Member;
let coachCookie: string;
let municipalCoach: Member;
let employer: Member;
let coordinatorCookie: string;

beforeAll(async () => {
  prison = await createMember(t.db, { role: "prison_staff", organisation: { name: "PI Proefstad Noord" } });
  prisonCookie = await cookieFor(t.db, prison.user.id, prison.membership.id);
  otherPrison = await createMember(t.db, { role: "prison_staff" });
  coach = await createMember(t.db, { role: "coach" });
  coachCookie = await cookieFor(t.db, coach.user.id, coach.membership.id);
  municipalCoach = await createMember(t.db, {
    role: "coach",
    organisation: { kind: "municipality", municipalityCode: "0034", name: "Gemeente Almere" },
  });
  employer = await createMember(t.db, { role: "employer_owner" });
  const coordinator = await createMember(t.db, {
    role: "municipality_coordinator",
    organisation: { municipalityCode: "0995" },
  });
  coordinatorCookie = await cookieFor(t.db, coordinator.user.id, coordinator.membership.id);
});

const today = () => todayInNetherlands();
const inDays = (days: number) =>
  new Date(Date.parse(`${today()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let personCounter = 0;
function nominationForm(overrides: Record<string, string> = {}) {
  personCounter += 1;
  return {
    firstName: "Dennis",
    // Names hold letters only: spell the counter in letters.
    lastName: `Proefpersoon-${[...String(personCounter)].map((d) => "abcdefghij"[Number(d)]).join("")}`,
    dateOfBirth: "1991-04-12",
    phone: "06 12345678",
    email: `dennis${personCounter}@proef.werkbrug.test`,
    releaseDate: inDays(120),
    workExperienceAllowedFrom: inDays(30),
    municipalityCode: "0995",
    motivationAssessment: "Werkt elke dag in de logistieke werkzaal en komt afspraken na.",
    participationAgreed: "on",
    ...overrides,
  };
}

async function nominate(fields: Record<string, string>, cookie = prisonCookie) {
  return run(piNominate.action, post("/pi/kandidaten/nieuw", cookie, fields));
}

async function candidateCount() {
  const [row] = await t.db.select({ n: count() }).from(candidates);
  return row!.n;
}

async function nominated(fields: Record<string, string> = {}) {
  const response = await nominate(nominationForm(fields));
  expect(response.status).toBe(302);
  return response.headers.get("location")!.match(/\/pi\/kandidaten\/([0-9a-f-]{36})/)![1]!;
}

describe("nomination by prison staff", () => {
  it("creates candidate, identity, empty profile, constraints and basic conditions in one go", async () => {
    const form = nominationForm({ prisonOrganisationId: otherPrison.organisation.id });
    const response = await nominate(form);
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.split("/")[3]!.split("?")[0]!;

    const [candidate] = await t.db.select().from(candidates).where(eq(candidates.id, id));
    expect(candidate).toMatchObject({
      status: "nominated",
      // From the session, never from the form.
      prisonOrganisationId: prison.organisation.id,
      municipalityCode: "0995",
      nominatedByUserId: prison.user.id,
      nominatedOn: today(),
      releaseDate: form.releaseDate,
      workExperienceAllowedFrom: form.workExperienceAllowedFrom,
      coachUserId: null,
    });
    expect(candidate!.publicCode).toMatch(PUBLIC_CODE_PATTERN);
    expect(candidate!.participationAgreedAt).toBeInstanceOf(Date);
    expect(candidate!.identityFingerprint).toBe(identityFingerprintOf(form.firstName, form.lastName, form.dateOfBirth));
    expect(candidate!.identityFingerprint).toBe(identityFingerprint(form.firstName, form.lastName, form.dateOfBirth));

    const [identity] = await t.db.select().from(candidateIdentities).where(eq(candidateIdentities.candidateId, id));
    expect(identity).toMatchObject({
      firstName: "Dennis",
      lastName: form.lastName,
      dateOfBirth: "1991-04-12",
      // stored as the contact form stores it: digits only
      phone: "0612345678",
      email: form.email,
      prisonName: "PI Proefstad Noord",
    });
    const [profile] = await t.db.select().from(candidateProfiles).where(eq(candidateProfiles.candidateId, id));
    expect(profile).toMatchObject({ headline: "", summary: "", experience: [], certificates: [] });
    const constraints = await t.db.select().from(candidateConstraints).where(eq(candidateConstraints.candidateId, id));
    expect(constraints).toHaveLength(1);
    const conditions = await t.db
      .select({ kind: candidateBasicConditions.kind, status: candidateBasicConditions.status })
      .from(candidateBasicConditions)
      .where(eq(candidateBasicConditions.candidateId, id));
    expect(conditions.map((c) => c.kind).sort()).toEqual(["care", "debts", "housing", "id", "income"]);
    expect(conditions.every((c) => c.status === "unknown")).toBe(true);

    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.nominated")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(prison.user.id);
    const details = JSON.stringify(audits[0]!.details);
    expect(details).not.toContain(form.lastName);
    expect(details).not.toContain("1991-04-12");
  });

  it("refuses a nomination by someone who is not prison staff", async () => {
    const cookie = await cookieFor(t.db, coach.user.id, coach.membership.id);
    const response = await nominate(nominationForm(), cookie);
    expect(response.status).toBe(403);
  });

  describe("bad input: 400 with field errors and nothing saved", () => {
    const cases: [string, Record<string, string>, string][] = [
      ["release date before the nomination date", { releaseDate: inDays(-1) }, "releaseDate"],
      ["release date absurdly far away", { releaseDate: addYears(todayInNetherlands(), 40) }, "releaseDate"],
      ["detention phase after release", { workExperienceAllowedFrom: inDays(200) }, "workExperienceAllowedFrom"],
      ["date of birth in the future", { dateOfBirth: inDays(3) }, "dateOfBirth"],
      ["date of birth too long ago", { dateOfBirth: "1850-01-01" }, "dateOfBirth"],
      ["a child's date of birth", { dateOfBirth: addYears(todayInNetherlands(), -12) }, "dateOfBirth"],
      ["date of birth that does not exist", { dateOfBirth: "1990-02-31" }, "dateOfBirth"],
      ["unknown municipality", { municipalityCode: "9999" }, "municipalityCode"],
      ["municipality that is not a code", { municipalityCode: "Lelystad'; drop table candidates;--" }, "municipalityCode"],
      ["missing agreement", { participationAgreed: "" }, "participationAgreed"],
      ["over-long motivation", { motivationAssessment: "a".repeat(2001) }, "motivationAssessment"],
      ["over-long last name", { lastName: "b".repeat(101) }, "lastName"],
      ["script in a name", { firstName: "<script>alert(1)</script>" }, "firstName"],
      ["HTML in a name", { lastName: '<img src=x onerror="alert(1)">' }, "lastName"],
      ["bad phone number", { phone: "bel me maar" }, "phone"],
      ["phone number one digit short", { phone: "06 1234567" }, "phone"],
      ["foreign phone number (the contact form takes Dutch numbers only)", { phone: "+44 20 7946 0958" }, "phone"],
      ["bad email", { email: "geen-adres" }, "email"],
      ["control characters in the motivation", { motivationAssessment: "Gemotiveerd\u0000 en op tijd" }, "motivationAssessment"],
    ];
    for (const [name, overrides, field] of cases) {
      it(name, async () => {
        const before = await candidateCount();
        const response = await nominate(nominationForm(overrides));
        expect(response.status).toBe(400);
        const reply = await replyOf(response);
        expect(reply.error?.[field]?.length).toBeGreaterThan(0);
        expect(await candidateCount()).toBe(before);
      });
    }
  });

  it("refuses a duplicate nomination of the same person with a clear message and saves nothing", async () => {
    const form = nominationForm({ firstName: "Jörg", lastName: "van  Dijk", dateOfBirth: "1985-07-01" });
    expect((await nominate(form)).status).toBe(302);
    const before = await candidateCount();
    const identitiesBefore = await t.db.select({ n: count() }).from(candidateIdentities);
    // Same person, written a little differently, nominated by another prison.
    const otherCookie = await cookieFor(t.db, otherPrison.user.id, otherPrison.membership.id);
    const again = await nominate({ ...form, firstName: "jorg", lastName: "Van Dijk" }, otherCookie);
    expect(again.status).toBe(400);
    const reply = await replyOf(again);
    expect(reply.error?.[""]?.[0]).toMatch(/al aangemeld/);
    expect(await candidateCount()).toBe(before);
    expect(await t.db.select({ n: count() }).from(candidateIdentities)).toEqual(identitiesBefore);
    const [denied] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "candidate.nominated"), eq(auditLog.result, "denied")));
    expect(denied!.actorOrganisationId).toBe(otherPrison.organisation.id);
    expect(JSON.stringify(denied!.details)).not.toMatch(/dijk/i);
  });

  it("stores a phone number the way the contact form does, however it was typed", async () => {
    for (const [typed, stored] of [
      ["06-12 34 56 78", "0612345678"],
      ["+31 6 12345678", "+31612345678"],
      ["0320 123456", "0320123456"],
    ] as const) {
      const id = await nominated({ phone: typed });
      const [identity] = await t.db.select({ phone: candidateIdentities.phone }).from(candidateIdentities).where(eq(candidateIdentities.candidateId, id));
      expect(identity!.phone, typed).toBe(stored);
    }
  });

  it("stores HTML in free text as text and renders it escaped", async () => {
    const script = '<script>alert("xss")</script><b>hard werker</b>';
    const id = await nominated({ motivationAssessment: script });
    const html = await renderPage(piDetail as never, "/pi/kandidaten/:candidateId", `/pi/kandidaten/${id}`, prisonCookie);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>hard werker</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
  });
});

describe("prison staff: list, coach, first meeting, dates", () => {
  it("lists only the own prison's candidates and audits the identity read", async () => {
    const own = await nominated();
    const foreign = await createCandidate(t.db, { prison: otherPrison.organisation, candidate: { status: "nominated" } });
    const response = await run(piList.loader, get("/pi/kandidaten", prisonCookie));
    const data = (await response.json()) as { candidates: Record<string, unknown>[] };
    const ids = data.candidates.map((c) => c.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(foreign.candidate.id);
    // Only what the page shows.
    expect(Object.keys(data.candidates[0]!).sort()).toEqual(
      ["coachingOrganisationName", "firstMeetingAt", "firstName", "hasCoach", "id", "lastName", "next", "releaseDate", "releaseSoon", "status"].sort(),
    );
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "candidate.identity_read"), eq(auditLog.objectId, own)));
    expect(reads.some((r) => (r.details as { view: string }).view === "pi.list")).toBe(true);
  });

  it("shows the detail page with identity, and audits that read", async () => {
    const id = await nominated();
    const response = await run(piDetail.loader, get(`/pi/kandidaten/${id}`, prisonCookie), { candidateId: id });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { candidate: Record<string, unknown> };
    expect(data.candidate).not.toHaveProperty("identityFingerprint");
    expect(data.candidate).not.toHaveProperty("publicCode");
    const [read] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "candidate.identity_read"), eq(auditLog.objectId, id)));
    expect(read).toMatchObject({ actorUserId: prison.user.id, actorOrganisationId: prison.organisation.id, userAgent: "vitest" });
    expect(read!.details).toEqual({ view: "pi.detail" });
  });

  it("links a coach of a coaching organisation or a municipality, and notifies the coach", async () => {
    const id = await nominated();
    const path = `/pi/kandidaten/${id}`;
    const linked = await run(piDetail.action, post(path, prisonCookie, { intent: "link-coach", coachMembershipId: coach.membership.id }), { candidateId: id });
    expect(linked.status).toBe(302);
    let [row] = await t.db.select().from(candidates).where(eq(candidates.id, id));
    expect(row).toMatchObject({ coachUserId: coach.user.id, coachingOrganisationId: coach.organisation.id });
    const [note] = await t.db.select().from(notifications).where(eq(notifications.userId, coach.user.id));
    expect(note!.link).toBe(`/coach/kandidaten/${id}`);
    expect(note!.body).not.toContain("Dennis");

    const again = await run(piDetail.action, post(path, prisonCookie, { intent: "link-coach", coachMembershipId: municipalCoach.membership.id }), { candidateId: id });
    expect(again.status).toBe(302);
    [row] = await t.db.select().from(candidates).where(eq(candidates.id, id));
    expect(row).toMatchObject({ coachUserId: municipalCoach.user.id, coachingOrganisationId: municipalCoach.organisation.id });

    // An employer is not a coach.
    const wrong = await run(piDetail.action, post(path, prisonCookie, { intent: "link-coach", coachMembershipId: employer.membership.id }), { candidateId: id });
    expect(wrong.status).toBe(400);
    [row] = await t.db.select().from(candidates).where(eq(candidates.id, id));
    expect(row!.coachUserId).toBe(municipalCoach.user.id);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.coach_linked")));
    expect(audits).toHaveLength(2);
  });

  it("plans the first meeting during detention only, after a coach is linked", async () => {
    const id = await nominated({ releaseDate: inDays(60) });
    const path = `/pi/kandidaten/${id}`;
    const at = (days: number) => toLocalDateTime(new Date(Date.now() + days * 86_400_000));
    const noCoach = await run(piDetail.action, post(path, prisonCookie, { intent: "plan-meeting", meetingAt: at(7) }), { candidateId: id });
    expect(noCoach.status).toBe(400);
    await run(piDetail.action, post(path, prisonCookie, { intent: "link-coach", coachMembershipId: coach.membership.id }), { candidateId: id });

    for (const [meetingAt, field] of [[at(-1), "meetingAt"], [at(90), "meetingAt"], ["morgen om tien", "meetingAt"]] as const) {
      const bad = await run(piDetail.action, post(path, prisonCookie, { intent: "plan-meeting", meetingAt }), { candidateId: id });
      expect(bad.status).toBe(400);
      expect((await replyOf(bad)).error?.[field]?.length).toBeGreaterThan(0);
    }
    const good = await run(piDetail.action, post(path, prisonCookie, { intent: "plan-meeting", meetingAt: at(7) }), { candidateId: id });
    expect(good.status).toBe(302);
    const [row] = await t.db.select({ at: candidates.firstMeetingAt }).from(candidates).where(eq(candidates.id, id));
    expect(toLocalDateTime(row!.at!)).toBe(at(7));
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.first_meeting_planned")));
    expect(audits).toHaveLength(1);
  });

  it("changes detention dates, never to a release before the nomination date", async () => {
    const id = await nominated();
    const path = `/pi/kandidaten/${id}`;
    const bad = await run(piDetail.action, post(path, prisonCookie, { intent: "dates", releaseDate: inDays(-2) }), { candidateId: id });
    expect(bad.status).toBe(400);
    expect((await replyOf(bad)).error?.releaseDate?.length).toBeGreaterThan(0);
    const good = await run(piDetail.action, post(path, prisonCookie, { intent: "dates", releaseDate: inDays(90), workExperienceAllowedFrom: inDays(10) }), { candidateId: id });
    expect(good.status).toBe(302);
    const [row] = await t.db.select().from(candidates).where(eq(candidates.id, id));
    expect(row).toMatchObject({ releaseDate: inDays(90), workExperienceAllowedFrom: inDays(10) });
  });

  it("answers an unknown intent with 400, not a crash", async () => {
    const id = await nominated();
    const response = await run(piDetail.action, post(`/pi/kandidaten/${id}`, prisonCookie, { intent: "publish" }), { candidateId: id });
    expect(response.status).toBe(400);
  });

  it("confirms detention work and certificates as verified on the profile", async () => {
    const id = await nominated();
    await t.db
      .update(candidateProfiles)
      .set({ certificates: [{ name: "VCA", verified: false }] })
      .where(eq(candidateProfiles.candidateId, id));
    const path = `/pi/kandidaten/${id}/werk`;
    const bad = await run(piWork.action, post(path, prisonCookie, { intent: "confirm-work", workshop: "ruimtevaart", title: "Astronaut", months: "0" }), { candidateId: id });
    expect(bad.status).toBe(400);
    const badReply = await replyOf(bad);
    expect(Object.keys(badReply.error ?? {})).toEqual(expect.arrayContaining(["workshop", "months"]));

    const ok = await run(
      piWork.action,
      post(path, prisonCookie, { intent: "confirm-work", workshop: "metaal", title: "Lasser in de werkplaats", months: "8", certificates: ["VCA", "lasdiploma"] }),
      { candidateId: id },
    );
    expect(ok.status).toBe(302);
    const [profile] = await t.db.select().from(candidateProfiles).where(eq(candidateProfiles.candidateId, id));
    expect(profile!.experience).toEqual([
      { title: "Lasser in de werkplaats", sector: "techniek", months: 8, duringDetention: true, verified: true },
    ]);
    expect(profile!.certificates).toEqual([
      { name: "VCA", verified: true },
      { name: "lasdiploma", verified: true },
    ]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.detention_work_confirmed")));
    expect(audit!.details).toMatchObject({ workshop: "metaal", months: 8 });
    const queued = await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, id));
    expect(queued.length).toBeGreaterThan(0);
  });
});

describe("coach: caseload and intake", () => {
  async function linkedCandidate() {
    const id = await nominated();
    await run(piDetail.action, post(`/pi/kandidaten/${id}`, prisonCookie, { intent: "link-coach", coachMembershipId: coach.membership.id }), { candidateId: id });
    return id;
  }
  const conditions = (status: string) =>
    Object.fromEntries(["id", "housing", "income", "debts", "care"].flatMap((k) => [[`${k}.status`, status], [`${k}.note`, ""]]));

  it("shows the caseload with status, next step and release date", async () => {
    const id = await linkedCandidate();
    const response = await run(coachCaseload.loader, get("/coach/kandidaten", coachCookie));
    const data = (await response.json()) as { own: { id: string; next: { step: string }; releaseDate: string }[] };
    const row = data.own.find((c) => c.id === id)!;
    expect(row.next.step).toBe("plan_meeting");
    expect(row.releaseDate).toBe(inDays(120));
  });

  it("runs the intake: nominated → intake → profile_draft, each step audited", async () => {
    const id = await linkedCandidate();
    const detail = `/coach/kandidaten/${id}`;
    const intake = `${detail}/intake`;
    // Not before the intake has started.
    const early = await run(coachIntake.action, post(intake, coachCookie, { intent: "conditions", ...conditions("arranged") }), { candidateId: id });
    expect(early.status).toBe(400);

    const started = await run(coachDetail.action, post(detail, coachCookie, { intent: "start-intake" }), { candidateId: id });
    expect(started.status).toBe(302);
    expect((await t.db.select({ s: candidates.status }).from(candidates).where(eq(candidates.id, id)))[0]!.s).toBe("intake");
    const twice = await run(coachDetail.action, post(detail, coachCookie, { intent: "start-intake" }), { candidateId: id });
    expect(twice.status).toBe(400);

    const tooSoon = await run(coachDetail.action, post(detail, coachCookie, { intent: "complete-intake" }), { candidateId: id });
    expect(tooSoon.status).toBe(400);
    expect((await replyOf(tooSoon)).error?.[""]?.[0]).toMatch(/basisvoorwaarden/);

    const badStatus = await run(coachIntake.action, post(intake, coachCookie, { intent: "conditions", ...conditions("arranged"), "housing.status": "prima" }), { candidateId: id });
    expect(badStatus.status).toBe(400);
    expect((await replyOf(badStatus)).error?.["housing.status"]?.length).toBeGreaterThan(0);
    const longNote = await run(coachIntake.action, post(intake, coachCookie, { intent: "conditions", ...conditions("arranged"), "debts.note": "x".repeat(501) }), { candidateId: id });
    expect(longNote.status).toBe(400);

    const saved = await run(
      coachIntake.action,
      post(intake, coachCookie, { intent: "conditions", ...conditions("in_progress"), "id.status": "arranged", "debts.status": "not_arranged", "debts.note": "Schuldhulp aangevraagd" }),
      { candidateId: id },
    );
    expect(saved.status).toBe(302);
    const rows = await t.db.select().from(candidateBasicConditions).where(eq(candidateBasicConditions.candidateId, id));
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.status]))).toEqual({
      id: "arranged",
      housing: "in_progress",
      income: "in_progress",
      debts: "not_arranged",
      care: "in_progress",
    });
    expect(rows.find((r) => r.kind === "debts")!.note).toBe("Schuldhulp aangevraagd");
    const [conditionAudit] = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.basic_conditions_updated")));
    expect(JSON.stringify(conditionAudit!.details)).not.toContain("Schuldhulp");

    const done = await run(coachDetail.action, post(detail, coachCookie, { intent: "complete-intake" }), { candidateId: id });
    expect(done.status).toBe(302);
    expect((await t.db.select({ s: candidates.status }).from(candidates).where(eq(candidates.id, id)))[0]!.s).toBe("profile_draft");
    const transitions = await t.db
      .select({ details: auditLog.details, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.status_changed")));
    expect(transitions.map((r) => [(r.details as { from: string }).from, (r.details as { to: string }).to])).toEqual([
      ["nominated", "intake"],
      ["intake", "profile_draft"],
    ]);
    expect(transitions.every((r) => r.actor === coach.user.id)).toBe(true);
  });

  it("records hidden constraints, refuses unknown municipalities, and queues the search update", async () => {
    const id = await linkedCandidate();
    await run(coachDetail.action, post(`/coach/kandidaten/${id}`, coachCookie, { intent: "start-intake" }), { candidateId: id });
    const path = `/coach/kandidaten/${id}/intake`;
    const bad = await run(coachIntake.action, post(path, coachCookie, { intent: "constraints", vogRiskAreas: ["geld", "toveren"], areaBanMunicipalityCodes: ["9999"] }), { candidateId: id });
    expect(bad.status).toBe(400);
    const reply = await replyOf(bad);
    expect(Object.keys(reply.error ?? {}).some((k) => k.startsWith("vogRiskAreas"))).toBe(true);
    expect(Object.keys(reply.error ?? {}).some((k) => k.startsWith("areaBanMunicipalityCodes"))).toBe(true);
    const longText = await run(coachIntake.action, post(path, coachCookie, { intent: "constraints", leaveHourLimits: "x".repeat(301) }), { candidateId: id });
    expect(longText.status).toBe(400);

    const ok = await run(
      coachIntake.action,
      post(path, coachCookie, { intent: "constraints", vogRiskAreas: ["geld", "personen"], areaBanMunicipalityCodes: ["0034"], leaveHourLimits: "Hoogstens 16 uur per week" }),
      { candidateId: id },
    );
    expect(ok.status).toBe(302);
    const [row] = await t.db.select().from(candidateConstraints).where(eq(candidateConstraints.candidateId, id));
    expect(row).toMatchObject({ vogRiskAreas: ["geld", "personen"], areaBanMunicipalityCodes: ["0034"], leaveHourLimits: "Hoogstens 16 uur per week" });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "candidate.constraints_updated")));
    expect(audit!.details).toEqual({ vogRiskAreas: 2, areaBans: 1, leaveHourLimits: true });
    expect((await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, id))).length).toBeGreaterThan(0);

    // The overview page shows counts only.
    const overview = await run(coachDetail.loader, get(`/coach/kandidaten/${id}`, coachCookie), { candidateId: id });
    const text = await overview.text();
    expect(text).not.toContain("Hoogstens 16 uur");
    expect(text).toContain('"vogRiskAreas":2');
  });

  it("invites the candidate to sign in; accepting links the account to the candidate", async () => {
    const id = await linkedCandidate();
    const detail = `/coach/kandidaten/${id}`;
    const early = await run(coachDetail.action, post(detail, coachCookie, { intent: "invite", email: "kandidaat.nieuw@proef.werkbrug.test" }), { candidateId: id });
    expect(early.status).toBe(400);
    await run(coachDetail.action, post(detail, coachCookie, { intent: "start-intake" }), { candidateId: id });

    const staffAddress = await run(coachDetail.action, post(detail, coachCookie, { intent: "invite", email: employer.user.email }), { candidateId: id });
    expect(staffAddress.status).toBe(400);
    expect((await replyOf(staffAddress)).error?.[""]?.[0]).toMatch(/ander account/);
    const badAddress = await run(coachDetail.action, post(detail, coachCookie, { intent: "invite", email: "niet-een-adres" }), { candidateId: id });
    expect(badAddress.status).toBe(400);

    await run(coachDetail.action, post(detail, coachCookie, { intent: "invite", email: "eerste.poging@proef.werkbrug.test" }), { candidateId: id });
    const sent = await run(coachDetail.action, post(detail, coachCookie, { intent: "invite", email: "Kandidaat.Nieuw@proef.werkbrug.test" }), { candidateId: id });
    expect(sent.status).toBe(302);
    const rows = await t.db.select().from(invitations).where(eq(invitations.candidateId, id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => !r.revokedAt)).toHaveLength(1);
    const open = rows.find((r) => !r.revokedAt)!;
    expect(open).toMatchObject({ email: "kandidaat.nieuw@proef.werkbrug.test", organisationId: null, role: null, invitedByUserId: coach.user.id });
    const [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, open.email), eq(emailOutbox.template, "invitation")));
    expect(mail!.props).toMatchObject({ role: "candidate", inviterName: coach.user.name });
    const token = String((mail!.props as { link: string }).link).split("/uitnodiging/")[1]!;

    const accepted = await acceptInvitation(t.db, {
      token,
      current: null,
      newAccount: { name: "Dennis", password: "een-lang-wachtwoord-123" },
      origin: { ip: null, userAgent: "vitest" },
    });
    expect(accepted.ok).toBe(true);
    const [candidate] = await t.db.select({ userId: candidates.userId }).from(candidates).where(eq(candidates.id, id));
    expect(candidate!.userId).toBe(accepted.ok ? accepted.userId : "");

    const hasAccount = await run(coachDetail.action, post(detail, coachCookie, { intent: "invite", email: "nog.een@proef.werkbrug.test" }), { candidateId: id });
    expect(hasAccount.status).toBe(400);
  });
});

describe("municipality coordinator", () => {
  it("lists candidates of the own municipality with release dates and basic conditions", async () => {
    const own = await nominated({ municipalityCode: "0995" });
    const elsewhere = await nominated({ municipalityCode: "0034" });
    const response = await run(gemeenteList.loader, get("/gemeente/kandidaten", coordinatorCookie));
    const data = (await response.json()) as { candidates: { id: string; releaseDate: string; conditions: { kind: string; status: string }[] }[] };
    const ids = data.candidates.map((c) => c.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(elsewhere);
    const row = data.candidates.find((c) => c.id === own)!;
    expect(row.releaseDate).toBe(inDays(120));
    expect(row.conditions.map((c) => c.kind)).toEqual(["id", "housing", "income", "debts", "care"]);
  });
});

describe("vocabulary", () => {
  it("keeps the factories' fingerprint and the domain's equal", () => {
    expect(identityFingerprint("Zoë", "de  Wit", "1990-01-01")).toBe(identityFingerprintOf("Zoë", "de  Wit", "1990-01-01"));
    expect(identityFingerprint("Zoë", "de Wit", "1990-01-01")).toBe(identityFingerprint("zoe", "De Wit", "1990-01-01"));
  });

  it("uses organisations from the session only", async () => {
    // A prison-staff membership in an organisation that is not a prison cannot nominate.
    const odd = await createOrganisation(t.db, { kind: "coaching" });
    const member = await createMember(t.db, { role: "prison_staff", organisation: odd });
    const cookie = await cookieFor(t.db, member.user.id, member.membership.id);
    const response = await nominate(nominationForm(), cookie);
    expect(response.status).toBe(403);
  });
});
