import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { candidates, checkIns, consents, meetings, notifications, offers, placements, proposals } from "#db/schema";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";
import { revokeConsent } from "~/domain/candidates/consent.server";
import { recordOfferAdvice } from "~/domain/pipeline/offers.server";
import { proposeCandidate, reviewProposal } from "~/domain/pipeline/proposals.server";
import { openOffers } from "~/domain/pipeline/queries.server";
import { heldUpByUnavailableCandidate } from "~/domain/pipeline/transitions";
import { resetEnvForTests } from "~/env.server";
import { t as msg } from "~/i18n";
import * as root from "~/root";
import * as clockRoute from "~/routes/_resources+/e2e-clock";
import * as coachHandover from "~/routes/coach+/overdracht.$candidateId";
import * as coachPlacement from "~/routes/coach+/plaatsingen.$placementId";
import * as coachProposal from "~/routes/coach+/voorstellen.$proposalId";
import * as coachPropose from "~/routes/coach+/voorstellen.nieuw";
import * as coachProposals from "~/routes/coach+/voorstellen._index";
import * as handoverRoute from "~/routes/gemeente+/overdrachten.$handoverId";
import * as candidateProposal from "~/routes/kandidaat+/voorstellen.$proposalId";
import * as candidateWork from "~/routes/kandidaat+/werk";
import * as notificationsRoute from "~/routes/meldingen";
import * as employerPlacement from "~/routes/werkgever+/plaatsingen.$placementId";
import * as employerProposals from "~/routes/werkgever+/voorstellen._index";
import * as employerProposal from "~/routes/werkgever+/voorstellen.$proposalId";
import * as employerRequest from "~/routes/werkgever+/voorstellen.nieuw";
import { setTestClockOffset } from "~/utils/clock.server";
import { useTestDatabase } from "#tests/support/db";
import { cookieFor } from "#tests/support/roles";
import { contextOf, createPipelineWorld, driveToOffer, ok, type PipelineWorld } from "./pipeline-world";

/*
 * The pipeline pages as the browser uses them, per side: what each loader sends (the employer
 * never gets identity without consent, coach advice, check-in notes, wellbeing or risk flags),
 * and every form's answers: success redirects, bad input 400 with field errors, a stale form 409
 * with the Dutch message, the wrong role 403, another tenant's id 404 — never a 500.
 */

const t = useTestDatabase();
let w: PipelineWorld;
const cookie = {} as Record<"coachA" | "coachB" | "coachOther" | "prison" | "municipality" | "employer" | "employer2" | "unverified", string>;

const SECRET = {
  firstName: "Geheimvoornaamqx",
  lastName: "Geheimachternaamqx",
  phone: "0611122233",
  email: "geheim.qx@kandidaat.test",
  advice: "ADVIES-ALLEEN-VOOR-KANDIDAAT-qx",
  notes: "NOTITIE-ALLEEN-VOOR-COACH-qx",
  actions: "Afspraak-met-teamleider-qx",
};

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

async function run(fn: unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await (fn as RouteFn)({ request, params, context: {} });
    if (!(result instanceof Response)) throw new Error("route did not return a Response");
    return result;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

const headers = (c: string) => new Headers({ cookie: c, "user-agent": "vitest", [CLIENT_IP_HEADER]: "203.0.113.9" });
const get = (path: string, c: string) => new Request(`http://localhost${path}`, { headers: headers(c) });
function post(path: string, c: string, fields: Record<string, string | number | undefined>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) body.append(name, String(value));
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: headers(c) });
}

type Reply = {
  intent: string;
  target: string;
  result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> | null };
};
async function reply(response: Response) {
  return (await response.json()) as Reply;
}

/** A candidate with recognisable identity on coach A's caseload, and an open offer for it. */
let serial = 0;
async function candidateWithOffer() {
  // Each one a different person (the identity fingerprint is unique), all carrying the secrets.
  const k = await w.candidate({
    identity: { firstName: SECRET.firstName, lastName: `${SECRET.lastName}${"abcdefghijklmnop"[serial++]}`, phone: SECRET.phone, email: SECRET.email },
  });
  const offer = await driveToOffer(t.db, w, k.candidate.id, { now: new Date() });
  return { k, ...offer, candidateCookie: await cookieFor(t.db, k.user.id, null) };
}

function expectNoSecrets(json: unknown) {
  const text = JSON.stringify(json);
  for (const value of [SECRET.firstName, SECRET.lastName, SECRET.phone, SECRET.email, SECRET.advice, SECRET.notes]) {
    expect(text).not.toContain(value);
  }
}

beforeAll(async () => {
  w = await createPipelineWorld(t.db);
  const member = (m: { user: { id: string }; membership: { id: string } }) => cookieFor(t.db, m.user.id, m.membership.id);
  cookie.coachA = await member(w.coachA);
  cookie.coachB = await member(w.coachB);
  cookie.coachOther = await member(w.coachOther);
  cookie.prison = await member(w.prison);
  cookie.municipality = await member(w.municipality);
  cookie.employer = await member(w.employer);
  cookie.employer2 = await member(w.employer2);
  cookie.unverified = await member(w.unverified);
});

afterEach(() => {
  delete process.env.E2E_CLOCK;
  resetEnvForTests();
});

describe("the employer's proposal page", () => {
  it("shows the public profile and the coach, never identity, coach advice or coach-only fields", async () => {
    const c = await candidateWithOffer();
    ok(await recordOfferAdvice(t.db, w.contexts.coachA, { offerId: c.offerId, advice: SECRET.advice }));
    const response = await run(employerProposal.loader, get(`/werkgever/voorstellen/${c.proposalId}`, cookie.employer), {
      proposalId: c.proposalId,
    });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { proposal: Record<string, unknown> & { offers: Record<string, unknown>[] } };
    expect(data.proposal.party).toBe("employer");
    expect(data.proposal.identity).toBeNull();
    expect(data.proposal.profile).toMatchObject({ code: c.k.candidate.publicCode });
    expect(data.proposal.offers[0]!.coachAdvice).toBeNull();
    for (const key of ["candidateId", "reasonText", "identityShared", "candidateStatus"]) expect(data.proposal).not.toHaveProperty(key);
    expectNoSecrets(data);
  });

  it("another employer gets 404, a coach or a candidate 403, an unverified employer 403", async () => {
    const c = await candidateWithOffer();
    const path = `/werkgever/voorstellen/${c.proposalId}`;
    const params = { proposalId: c.proposalId };
    expect((await run(employerProposal.loader, get(path, cookie.employer2), params)).status).toBe(404);
    expect((await run(employerProposal.loader, get(path, cookie.coachA), params)).status).toBe(403);
    expect((await run(employerProposal.loader, get(path, c.candidateCookie), params)).status).toBe(403);
    expect((await run(employerProposal.loader, get(path, cookie.unverified), params)).status).toBe(403);
    // And the same for a form: another employer's proposal is not found.
    const refused = await run(employerProposal.action, post(path, cookie.employer2, { intent: "withdraw", offerId: c.offerId, expectedVersion: c.version, reason: "x" }), params);
    expect(refused.status).toBe(404);
  });

  it("review: interested redirects; a second submit of the same form is stale (409) with the message", async () => {
    const k = await w.candidate();
    const p = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy.id }));
    const path = `/werkgever/voorstellen/${p.proposalId}`;
    const form = { intent: "review", proposalId: p.proposalId, expectedVersion: p.version, decision: "interested" };
    const done = await run(employerProposal.action, post(path, cookie.employer, form), { proposalId: p.proposalId });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${path}?gedaan=interested`);
    const again = await run(employerProposal.action, post(path, cookie.employer, form), { proposalId: p.proposalId });
    expect(again.status).toBe(409);
    const body = await reply(again);
    expect(body.intent).toBe("review");
    expect(body.result.error?.[""]).toEqual([msg("pipeline.error.stale")]);
  });

  it("bad input: 400 with field errors (reason missing, no place, hours out of range), unknown intent 400", async () => {
    const k = await w.candidate();
    const p = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy.id }));
    const path = `/werkgever/voorstellen/${p.proposalId}`;
    const params = { proposalId: p.proposalId };
    const rejected = await run(employerProposal.action, post(path, cookie.employer, { intent: "review", proposalId: p.proposalId, expectedVersion: p.version, decision: "rejected" }), params);
    expect(rejected.status).toBe(400);
    expect((await reply(rejected)).result.error?.reasonCode).toEqual([msg("pipeline.field.reason")]);

    const interested = await run(employerProposal.action, post(path, cookie.employer, { intent: "review", proposalId: p.proposalId, expectedVersion: p.version, decision: "interested" }), params);
    expect(interested.status).toBe(302);
    const plan = await run(employerProposal.action, post(path, cookie.employer, { intent: "plan", proposalId: p.proposalId, expectedVersion: p.version + 1, startsAt: "2099-01-05T10:00" }), params);
    expect(plan.status).toBe(400);
    expect((await reply(plan)).result.error?.location).toEqual([msg("pipeline.field.placeOrLink")]);

    const unknown = await run(employerProposal.action, post(path, cookie.employer, { intent: "delete-everything" }), params);
    expect(unknown.status).toBe(400);
    expect((await reply(unknown)).result.error?.[""]).toEqual([msg("error.badRequest")]);
  });

  it("plans the meeting at the Dutch wall-clock time of the datetime-local field", async () => {
    const k = await w.candidate();
    const p = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy.id }));
    const path = `/werkgever/voorstellen/${p.proposalId}`;
    const params = { proposalId: p.proposalId };
    await run(employerProposal.action, post(path, cookie.employer, { intent: "review", proposalId: p.proposalId, expectedVersion: 1, decision: "interested" }), params);
    const planned = await run(employerProposal.action, post(path, cookie.employer, { intent: "plan", proposalId: p.proposalId, expectedVersion: 2, startsAt: "2099-07-01T10:00", location: "Industrieweg 1" }), params);
    expect(planned.status).toBe(302);
    const [meeting] = await t.db.select().from(meetings).where(eq(meetings.proposalId, p.proposalId));
    // 1 July is summer time: 10:00 in Amsterdam is 08:00 UTC.
    expect(meeting!.startsAt.toISOString()).toBe("2099-07-01T08:00:00.000Z");

    const offer = await run(employerProposal.action, post(path, cookie.employer, { intent: "offer", proposalId: p.proposalId, expectedVersion: 3, startDate: "2099-08-01", hoursPerWeek: 0, contractType: "vast", expiresOn: "2099-07-20" }), params);
    expect(offer.status).toBe(400);
    expect((await reply(offer)).result.error?.hoursPerWeek).toEqual([msg("pipeline.field.hours")]);
  });

  it("masks contact details in the thread before consent, as the page shows it", async () => {
    const c = await candidateWithOffer();
    const path = `/werkgever/voorstellen/${c.proposalId}`;
    const params = { proposalId: c.proposalId };
    const sent = await run(employerProposal.action, post(path, cookie.employer, { intent: "message", proposalId: c.proposalId, body: "Bel me op 06-12345678 of mail jan@bedrijf.nl" }), params);
    expect(sent.status).toBe(302);
    const data = (await (await run(employerProposal.loader, get(path, cookie.employer), params)).json()) as { messages: { body: string; masked: boolean }[] };
    const last = data.messages.at(-1)!;
    expect(last.masked).toBe(true);
    expect(last.body).not.toContain("12345678");
    expect(last.body).not.toContain("jan@bedrijf.nl");
    const empty = await run(employerProposal.action, post(path, cookie.employer, { intent: "message", proposalId: c.proposalId, body: "  " }), params);
    expect(empty.status).toBe(400);
    expect((await reply(empty)).result.error?.body).toBeTruthy();
  });
});

describe("a refused form keeps what was typed (the reply carries the submitted values)", () => {
  it("the employer's offer with one bad field: 400, the error on that field, every other value in initialValue", async () => {
    const k = await w.candidate();
    const p = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy.id }));
    const path = `/werkgever/voorstellen/${p.proposalId}`;
    const params = { proposalId: p.proposalId };
    await run(employerProposal.action, post(path, cookie.employer, { intent: "review", proposalId: p.proposalId, expectedVersion: 1, decision: "interested" }), params);
    const planned = await run(employerProposal.action, post(path, cookie.employer, { intent: "plan", proposalId: p.proposalId, expectedVersion: 2, startsAt: "2099-07-01T10:00", location: "Industrieweg 1" }), params);
    expect(planned.status).toBe(302);
    const typed = {
      startDate: "2099-08-01",
      hoursPerWeek: "38",
      contractType: "vast",
      wageIndication: "€ 16,50 per uur",
      firstDayDetails: "Om 07:00 melden bij de portier.",
      // After the start date: the one bad field.
      expiresOn: "2099-08-15",
    };
    const refused = await run(employerProposal.action, post(path, cookie.employer, { intent: "offer", proposalId: p.proposalId, expectedVersion: 3, ...typed }), params);
    expect(refused.status).toBe(400);
    const body = await reply(refused);
    expect(body.intent).toBe("offer");
    expect(body.result.error?.expiresOn).toEqual([msg("pipeline.field.expiryAfterStart")]);
    expect(Object.keys(body.result.error ?? {})).toEqual(["expiresOn"]);
    expect(body.result.initialValue).toMatchObject({ intent: "offer", expectedVersion: "3", ...typed });
    // Nothing was made.
    expect(await t.db.select().from(offers).where(eq(offers.proposalId, p.proposalId))).toHaveLength(0);
  });

  it("the coach's check-in with a bad wellbeing: 400, the error, the notes and actions in initialValue", async () => {
    const c = await candidateWithOffer();
    const accepted = await run(candidateProposal.action, post(`/kandidaat/voorstellen/${c.proposalId}`, c.candidateCookie, { intent: "accept", offerId: c.offerId, expectedVersion: c.version, consent: "on" }), { proposalId: c.proposalId });
    expect(accepted.status).toBe(302);
    const [placement] = await t.db.select({ id: placements.id }).from(placements).where(eq(placements.offerId, c.offerId));
    const [first] = await t.db.select().from(checkIns).where(eq(checkIns.placementId, placement!.id)).orderBy(checkIns.week).limit(1);
    const path = `/coach/plaatsingen/${placement!.id}`;
    const typed = { withWhom: "candidate", mode: "phone", wellbeing: "9", riskFlag: "amber", actions: "Over vier weken evalueren.", coachNotes: "Slaapt slecht door ploegendienst." };
    const refused = await run(coachPlacement.action, post(path, cookie.coachA, { intent: "checkIn", target: first!.id, checkInId: first!.id, ...typed }), { placementId: placement!.id });
    expect(refused.status).toBe(400);
    const body = await reply(refused);
    expect(body).toMatchObject({ intent: "checkIn", target: first!.id });
    expect(body.result.error?.wellbeing).toEqual([msg("pipeline.field.wellbeing")]);
    expect(body.result.initialValue).toMatchObject({ checkInId: first!.id, ...typed });
    const [still] = await t.db.select().from(checkIns).where(eq(checkIns.id, first!.id));
    expect(still!.doneAt).toBeNull();
  });

  it("a stale form (409) also carries what was typed, with the Dutch message for the top of the page", async () => {
    const c = await candidateWithOffer();
    const path = `/werkgever/voorstellen/${c.proposalId}`;
    const stale = await run(employerProposal.action, post(path, cookie.employer, { intent: "withdraw", target: c.offerId, offerId: c.offerId, expectedVersion: c.version - 1, reason: "Budget is weg." }), { proposalId: c.proposalId });
    expect(stale.status).toBe(409);
    const body = await reply(stale);
    expect(body.result.error?.[""]).toEqual([msg("pipeline.error.stale")]);
    expect(body.result.initialValue).toMatchObject({ reason: "Budget is weg." });
  });
});

describe("a candidate who is no longer available", () => {
  type View = { proposal: { status: string; candidateAvailable: boolean; steps: string[] } };
  const view = async (fn: unknown, path: string, who: string, proposalId: string) =>
    ((await (await run(fn, get(path, who), { proposalId })).json()) as View).proposal;

  it("placed through one offer: another employer's proposal says so on every side and offers no next step", async () => {
    const k = await w.candidate();
    const candidateCookie = await cookieFor(t.db, k.user.id, null);
    const a = await driveToOffer(t.db, w, k.candidate.id, { now: new Date() });
    const b = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy2.id }));
    const interested = ok(await reviewProposal(t.db, w.contexts.employer2, { proposalId: b.proposalId, expectedVersion: b.version, decision: "interested" }));
    const pathB = `/werkgever/voorstellen/${b.proposalId}`;
    const before = await view(employerProposal.loader, pathB, cookie.employer2, b.proposalId);
    expect(before).toMatchObject({ status: "interested", candidateAvailable: true, steps: ["meeting_planned"] });
    expect(heldUpByUnavailableCandidate(before.status as never, before.candidateAvailable)).toBe(false);

    const accepted = await run(
      candidateProposal.action,
      post(`/kandidaat/voorstellen/${a.proposalId}`, candidateCookie, { intent: "accept", offerId: a.offerId, expectedVersion: a.version, consent: "on" }),
      { proposalId: a.proposalId },
    );
    expect(accepted.status).toBe(302);

    // Both sides of the other proposal are told, and offered no step the server would refuse.
    const employerView = await view(employerProposal.loader, pathB, cookie.employer2, b.proposalId);
    expect(employerView).toMatchObject({ status: "interested", candidateAvailable: false, steps: [] });
    expect(heldUpByUnavailableCandidate(employerView.status as never, employerView.candidateAvailable)).toBe(true);
    const coachView = await view(coachProposal.loader, `/coach/voorstellen/${b.proposalId}`, cookie.coachA, b.proposalId);
    expect(coachView).toMatchObject({ status: "interested", candidateAvailable: false, steps: [] });
    // The accepted proposal itself is not held up: it became the placement.
    const own = await view(candidateProposal.loader, `/kandidaat/voorstellen/${a.proposalId}`, candidateCookie, a.proposalId);
    expect(own.candidateAvailable).toBe(false);
    expect(heldUpByUnavailableCandidate(own.status as never, own.candidateAvailable)).toBe(false);
    // The lists mark the held-up proposal (and only say that much about the candidate).
    type Row = { id: string; heldUp: boolean } & Record<string, unknown>;
    const inbox = ((await (await run(employerProposals.loader, get("/werkgever/voorstellen", cookie.employer2))).json()) as { inbox: { proposals: Row[] }[] }).inbox;
    const rowB = inbox.flatMap((v) => v.proposals).find((r) => r.id === b.proposalId)!;
    expect(rowB.heldUp).toBe(true);
    expect(rowB).not.toHaveProperty("candidateStatus");
    const coachRows = ((await (await run(coachProposals.loader, get("/coach/voorstellen?alle=1", cookie.coachA))).json()) as { proposals: Row[] }).proposals;
    expect(coachRows.find((r) => r.id === b.proposalId)!.heldUp).toBe(true);
    expect(coachRows.find((r) => r.id === a.proposalId)!.heldUp).toBe(false);

    // The step the page no longer offers is refused by the server as well.
    const plan = await run(
      employerProposal.action,
      post(pathB, cookie.employer2, { intent: "plan", proposalId: b.proposalId, expectedVersion: interested.version, startsAt: "2099-07-01T10:00", location: "Industrieweg 1" }),
      { proposalId: b.proposalId },
    );
    expect(plan.status).toBe(409);
    expect((await reply(plan)).result.error?.[""]).toEqual([msg("pipeline.error.candidate_unavailable")]);
  });

  it("a paused profile: the employer can still reject a new proposal, not show interest", async () => {
    const k = await w.candidate();
    const p = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy.id }));
    const path = `/werkgever/voorstellen/${p.proposalId}`;
    expect(await view(employerProposal.loader, path, cookie.employer, p.proposalId)).toMatchObject({
      candidateAvailable: true,
      steps: ["interested", "rejected"],
    });
    await t.db.update(candidates).set({ status: "paused" }).where(eq(candidates.id, k.candidate.id));
    expect(await view(employerProposal.loader, path, cookie.employer, p.proposalId)).toMatchObject({
      status: "proposed",
      candidateAvailable: false,
      steps: ["rejected"],
    });
    const interested = await run(employerProposal.action, post(path, cookie.employer, { intent: "review", proposalId: p.proposalId, expectedVersion: p.version, decision: "interested" }), { proposalId: p.proposalId });
    expect(interested.status).toBe(409);
    const rejected = await run(employerProposal.action, post(path, cookie.employer, { intent: "review", proposalId: p.proposalId, expectedVersion: p.version, decision: "rejected", reasonCode: "skills" }), { proposalId: p.proposalId });
    expect(rejected.status).toBe(302);
    const [row] = await t.db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, p.proposalId));
    expect(row!.status).toBe("rejected");
  });
});

describe("the employer never receives the coach's advice in lists", () => {
  it("openOffers: no advice for the employer; the coach and the candidate see it", async () => {
    const c = await candidateWithOffer();
    ok(await recordOfferAdvice(t.db, w.contexts.coachA, { offerId: c.offerId, advice: SECRET.advice }));
    const employerOffers = await openOffers(t.db, w.contexts.employer);
    const mine = employerOffers.find((o) => o.id === c.offerId);
    expect(mine).toBeTruthy();
    for (const o of employerOffers) expect(o.coachAdvice).toBeNull();
    expect(JSON.stringify(employerOffers)).not.toContain(SECRET.advice);
    expect((await openOffers(t.db, w.contexts.coachA)).find((o) => o.id === c.offerId)?.coachAdvice).toBe(SECRET.advice);
    expect((await openOffers(t.db, c.k.context)).find((o) => o.id === c.offerId)?.coachAdvice).toBe(SECRET.advice);
  });

  it("the proposals inbox (one read for all vacancies) groups by own vacancy and holds no advice", async () => {
    const c = await candidateWithOffer();
    ok(await recordOfferAdvice(t.db, w.contexts.coachA, { offerId: c.offerId, advice: SECRET.advice }));
    const response = await run(employerProposals.loader, get("/werkgever/voorstellen", cookie.employer));
    expect(response.status).toBe(200);
    const data = (await response.json()) as { inbox: { id: string; proposals: { id: string; vacancyId: string }[] }[] };
    const group = data.inbox.find((v) => v.id === w.vacancy.id);
    expect(group?.proposals.map((x) => x.id)).toContain(c.proposalId);
    for (const v of data.inbox) for (const x of v.proposals) expect(x.vacancyId).toBe(v.id);
    expectNoSecrets(data);
    // Another employer's inbox does not show it.
    const other = (await (await run(employerProposals.loader, get("/werkgever/voorstellen", cookie.employer2))).json()) as { inbox: { proposals: { id: string }[] }[] };
    expect(other.inbox.flatMap((v) => v.proposals.map((x) => x.id))).not.toContain(c.proposalId);
  });
});

describe("the offer reviewed with the coach, answered by the candidate", () => {
  it("the candidate sees the offer with the coach's advice; accepting needs the consent checkbox", async () => {
    const c = await candidateWithOffer();
    ok(await recordOfferAdvice(t.db, w.contexts.coachA, { offerId: c.offerId, advice: SECRET.advice }));
    const path = `/kandidaat/voorstellen/${c.proposalId}`;
    const params = { proposalId: c.proposalId };
    const view = (await (await run(candidateProposal.loader, get(path, c.candidateCookie), params)).json()) as { proposal: { offers: { coachAdvice: string }[] } & Record<string, unknown> };
    expect(view.proposal.offers[0]!.coachAdvice).toBe(SECRET.advice);
    expect(view.proposal).not.toHaveProperty("note");
    expect(view.proposal).not.toHaveProperty("reasonText");

    const noConsent = await run(candidateProposal.action, post(path, c.candidateCookie, { intent: "accept", offerId: c.offerId, expectedVersion: c.version }), params);
    expect(noConsent.status).toBe(400);
    expect((await reply(noConsent)).result.error?.[""]).toEqual([msg("pipeline.error.consent_required")]);

    const accepted = await run(candidateProposal.action, post(path, c.candidateCookie, { intent: "accept", offerId: c.offerId, expectedVersion: c.version, consent: "on" }), params);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/kandidaat/werk?gedaan=placed");
    const [offer] = await t.db.select().from(offers).where(eq(offers.id, c.offerId));
    expect(offer).toMatchObject({ status: "accepted", answeredOnBehalf: false });

    // Another candidate cannot open it.
    const other = await w.candidate();
    expect((await run(candidateProposal.loader, get(path, await cookieFor(t.db, other.user.id, null)), params)).status).toBe(404);
  });

  it("the coach answers on the candidate's behalf only with the candidate present, marked as such", async () => {
    const c = await candidateWithOffer();
    const path = `/coach/voorstellen/${c.proposalId}`;
    const params = { proposalId: c.proposalId };
    const absent = await run(coachProposal.action, post(path, cookie.coachA, { intent: "accept", offerId: c.offerId, expectedVersion: c.version, consent: "on" }), params);
    expect(absent.status).toBe(400);
    expect((await reply(absent)).result.error?.[""]).toEqual([msg("pipeline.error.presence_required")]);
    const present = await run(coachProposal.action, post(path, cookie.coachA, { intent: "accept", offerId: c.offerId, expectedVersion: c.version, consent: "on", candidatePresent: "on" }), params);
    expect(present.status).toBe(302);
    expect(present.headers.get("location")).toMatch(/^\/coach\/plaatsingen\/[0-9a-f-]{36}\?gedaan=placed$/);
    const [offer] = await t.db.select().from(offers).where(eq(offers.id, c.offerId));
    expect(offer).toMatchObject({ status: "accepted", answeredOnBehalf: true });
  });

  it("a colleague coach reads the case without the thread and cannot act (403 with the message)", async () => {
    const c = await candidateWithOffer();
    const path = `/coach/voorstellen/${c.proposalId}`;
    const params = { proposalId: c.proposalId };
    const read = (await (await run(coachProposal.loader, get(path, cookie.coachB), params)).json()) as { readOnly: boolean; messages: unknown[]; proposal: { steps: string[] } };
    expect(read).toMatchObject({ readOnly: true, messages: [], proposal: { steps: [] } });
    const advice = await run(coachProposal.action, post(path, cookie.coachB, { intent: "advice", offerId: c.offerId, advice: "Doen!" }), params);
    expect(advice.status).toBe(403);
    expect((await reply(advice)).result.error?.[""]).toEqual([msg("pipeline.error.forbidden")]);
    // A coach of another organisation does not even find it; prison staff may not open the page.
    expect((await run(coachProposal.loader, get(path, cookie.coachOther), params)).status).toBe(404);
    expect((await run(coachProposal.loader, get(path, cookie.prison), params)).status).toBe(403);
    expect((await run(coachProposal.action, post(path, cookie.employer, { intent: "advice" }), params)).status).toBe(403);
  });

  it("the coach proposes from the match list: the form needs an own candidate and a readable vacancy", async () => {
    const k = await w.candidate();
    const path = `/coach/voorstellen/nieuw?kandidaat=${k.candidate.id}&vacature=${w.vacancy2.id}`;
    expect((await run(coachPropose.loader, get(path, cookie.coachA))).status).toBe(200);
    expect((await run(coachPropose.loader, get(path, cookie.coachOther))).status).toBe(404);
    const done = await run(coachPropose.action, post(path, cookie.coachA, { intent: "propose", candidateId: k.candidate.id, vacancyId: w.vacancy2.id, note: "Past goed." }));
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toMatch(/^\/coach\/voorstellen\/[0-9a-f-]{36}\?gedaan=proposed$/);
    const twice = await run(coachPropose.action, post(path, cookie.coachA, { intent: "propose", candidateId: k.candidate.id, vacancyId: w.vacancy2.id }));
    expect(twice.status).toBe(409);
    expect((await reply(twice)).result.error?.[""]).toEqual([msg("pipeline.error.duplicate")]);
  });

  it("the employer asks for an introduction by public code; the code must look like one", async () => {
    const k = await w.candidate();
    const path = `/werkgever/voorstellen/nieuw?code=${k.candidate.publicCode}`;
    const page = (await (await run(employerRequest.loader, get(path, cookie.employer))).json()) as { vacancies: { id: string }[] };
    expect(page.vacancies.map((v) => v.id)).toContain(w.vacancy.id);
    expect(page.vacancies.map((v) => v.id)).not.toContain(w.vacancy2.id);
    expect((await run(employerRequest.loader, get("/werkgever/voorstellen/nieuw?code=nope", cookie.employer))).status).toBe(404);
    const done = await run(employerRequest.action, post(path, cookie.employer, { intent: "request", publicCode: k.candidate.publicCode, vacancyId: w.vacancy.id }));
    expect(done.status).toBe(302);
    // Another employer's vacancy is not theirs to ask for.
    const other = await run(employerRequest.action, post(path, cookie.employer, { intent: "request", publicCode: k.candidate.publicCode, vacancyId: w.vacancy2.id }));
    expect(other.status).toBe(404);
  });
});

describe("placements", () => {
  async function placed() {
    const c = await candidateWithOffer();
    const accepted = await run(candidateProposal.action, post(`/kandidaat/voorstellen/${c.proposalId}`, c.candidateCookie, { intent: "accept", offerId: c.offerId, expectedVersion: c.version, consent: "on" }), { proposalId: c.proposalId });
    expect(accepted.status).toBe(302);
    const [placement] = await t.db.select({ id: placements.id }).from(placements).where(eq(placements.offerId, c.offerId));
    const [consent] = await t.db.select({ id: consents.id }).from(consents).where(and(eq(consents.candidateId, c.k.candidate.id), eq(consents.offerId, c.offerId)));
    return { ...c, placementId: placement!.id, consentId: consent!.id };
  }

  it("the employer sees the job coach and, under consent, the name; never notes, wellbeing or flags", async () => {
    const c = await placed();
    const [first] = await t.db.select().from(checkIns).where(eq(checkIns.placementId, c.placementId)).orderBy(checkIns.week).limit(1);
    // The coach logs the first check-in on the page, with coach-only notes.
    const coachPath = `/coach/plaatsingen/${c.placementId}`;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    const form = { intent: "checkIn", target: first!.id, checkInId: first!.id, withWhom: "both", mode: "visit", wellbeing: 2, riskFlag: "amber", actions: SECRET.actions, coachNotes: SECRET.notes };
    const future = await run(coachPlacement.action, post(coachPath, cookie.coachA, { ...form, heldOn: "2099-01-01" }), { placementId: c.placementId });
    expect(future.status).toBe(400);
    expect((await reply(future)).result.error?.heldOn).toEqual([msg("pipeline.field.inTheFuture")]);
    const logged = await run(coachPlacement.action, post(coachPath, cookie.coachA, { ...form, heldOn: today }), { placementId: c.placementId });
    expect(logged.status).toBe(302);
    const twice = await run(coachPlacement.action, post(coachPath, cookie.coachA, { ...form, heldOn: today }), { placementId: c.placementId });
    expect(twice.status).toBe(409);
    const coachView = (await (await run(coachPlacement.loader, get(coachPath, cookie.coachA), { placementId: c.placementId })).json()) as { placement: { checkIns: { coachNotes: string | null }[] }; canAct: boolean };
    expect(coachView.canAct).toBe(true);
    expect(coachView.placement.checkIns.map((x) => x.coachNotes)).toContain(SECRET.notes);

    const path = `/werkgever/plaatsingen/${c.placementId}`;
    const params = { placementId: c.placementId };
    const response = await run(employerPlacement.loader, get(path, cookie.employer), params);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { placement: Record<string, unknown> & { checkIns: Record<string, unknown>[]; jobCoach: { name: string } } };
    expect(data.placement.jobCoach.name).toBe(w.coachA.user.name);
    expect(data.placement.identity).toMatchObject({ firstName: SECRET.firstName, lastName: expect.stringContaining(SECRET.lastName) });
    const text = JSON.stringify(data);
    for (const hidden of [SECRET.notes, SECRET.actions, "amber", "handoverNote", "coachNotes", "wellbeing", "riskFlag", "endReason"]) {
      expect(text).not.toContain(hidden);
    }
    // Revoking the consent hides the name again at once; the placement goes on.
    const candidateContext = await contextOf(t.db, c.k.user.id, null);
    expect((await revokeConsent(t.db, candidateContext, c.consentId)).ok).toBe(true);
    const after = (await (await run(employerPlacement.loader, get(path, cookie.employer), params)).json()) as { placement: { identity: unknown; status: string } };
    expect(after.placement).toMatchObject({ identity: null, status: "active" });
    expectNoSecrets(after);

    // The candidate's own page: the job coach and the dates, no coach-only fields.
    const work = await (await run(candidateWork.loader, get("/kandidaat/werk", c.candidateCookie))).json();
    expect(JSON.stringify(work)).not.toContain(SECRET.notes);
    expect(JSON.stringify(work)).not.toContain("wellbeing");
    expect(work).toMatchObject({ placement: { jobCoach: { name: w.coachA.user.name } } });

    // Other tenants and other roles.
    expect((await run(employerPlacement.loader, get(path, cookie.employer2), params)).status).toBe(404);
    expect((await run(employerPlacement.loader, get(path, cookie.coachA), params)).status).toBe(403);
    expect((await run(coachPlacement.loader, get(coachPath, cookie.coachOther), { placementId: c.placementId })).status).toBe(404);
    expect((await run(coachPlacement.loader, get(coachPath, cookie.employer), { placementId: c.placementId })).status).toBe(403);
  });

  it("the employer asks for a check-in; the coach ends the placement (reason required when early)", async () => {
    const c = await placed();
    const path = `/werkgever/plaatsingen/${c.placementId}`;
    const params = { placementId: c.placementId };
    const asked = await run(employerPlacement.action, post(path, cookie.employer, { intent: "askCheckIn", placementId: c.placementId, note: "Graag even langskomen." }), params);
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe(`${path}?gedaan=checkInRequested`);
    const again = await run(employerPlacement.action, post(path, cookie.employer, { intent: "askCheckIn", placementId: c.placementId }), params);
    expect(again.headers.get("location")).toBe(`${path}?gedaan=alreadyRequested`);

    const coachPath = `/coach/plaatsingen/${c.placementId}`;
    const early = await run(coachPlacement.action, post(coachPath, cookie.coachA, { intent: "end", placementId: c.placementId, outcome: "ended_early", endedOn: "2000-01-01" }), params);
    expect(early.status).toBe(400);
    expect((await reply(early)).result.error?.reason).toEqual([msg("pipeline.field.reason")]);
    // A hand-over to a coach outside the allowed organisations is refused with a message.
    const handOver = await run(coachPlacement.action, post(coachPath, cookie.coachA, { intent: "handOver", placementId: c.placementId, toCoachUserId: w.coachOther.user.id, note: "Overdracht" }), params);
    expect(handOver.status).toBe(400);
    expect((await reply(handOver)).result.error?.[""]).toEqual([msg("pipeline.error.invalid_coach")]);
    const toColleague = await run(coachPlacement.action, post(coachPath, cookie.coachA, { intent: "handOver", placementId: c.placementId, toCoachUserId: w.coachB.user.id, note: "Bram neemt het over." }), params);
    expect(toColleague.status).toBe(302);
    const employerView = (await (await run(employerPlacement.loader, get(path, cookie.employer), params)).json()) as { placement: { jobCoach: { name: string } } };
    expect(employerView.placement.jobCoach.name).toBe(w.coachB.user.name);
    expect(JSON.stringify(employerView)).not.toContain("Bram neemt het over.");
  });
});

describe("handover to the municipality of origin", () => {
  it("the coach hands over with the prefilled summary; the coordinator accepts and assigns a coach", async () => {
    const k = await w.candidate();
    const path = `/coach/overdracht/${k.candidate.id}`;
    const params = { candidateId: k.candidate.id };
    const form = (await (await run(coachHandover.loader, get(path, cookie.coachA), params)).json()) as { summary: string; candidate: { canHandOver: boolean } };
    expect(form.candidate.canHandOver).toBe(true);
    expect(form.summary).toContain(msg("pipeline.handover.summary.conditions"));
    expect((await run(coachHandover.loader, get(path, cookie.coachOther), params)).status).toBe(404);
    const empty = await run(coachHandover.action, post(path, cookie.coachA, { intent: "handOver", candidateId: k.candidate.id, summary: "" }), params);
    expect(empty.status).toBe(400);
    const done = await run(coachHandover.action, post(path, cookie.coachA, { intent: "handOver", candidateId: k.candidate.id, summary: form.summary }), params);
    expect(done.status).toBe(302);
    const twice = await run(coachHandover.action, post(path, cookie.coachA, { intent: "handOver", candidateId: k.candidate.id, summary: form.summary }), params);
    expect(twice.status).toBe(409);

    const [n] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.municipality.user.id), eq(notifications.kind, "pipeline.handover.created")));
    const handoverId = n!.link!.split("/").pop()!;
    const hPath = `/gemeente/overdrachten/${handoverId}`;
    const hParams = { handoverId };
    const page = (await (await run(handoverRoute.loader, get(hPath, cookie.municipality), hParams)).json()) as { handover: { status: string }; coaches: { userId: string }[] };
    expect(page.handover.status).toBe("open");
    expect(page.coaches.map((c) => c.userId)).toContain(w.municipalityCoach.user.id);
    const accepted = await run(handoverRoute.action, post(hPath, cookie.municipality, { intent: "accept", handoverId, assignCoachUserId: w.municipalityCoach.user.id }), hParams);
    expect(accepted.status).toBe(302);
    const again = await run(handoverRoute.action, post(hPath, cookie.municipality, { intent: "accept", handoverId }), hParams);
    expect(again.status).toBe(409);
    expect((await run(handoverRoute.loader, get(hPath, cookie.coachA), hParams)).status).toBe(403);
  });
});

describe("notifications", () => {
  it("lists the user's own notifications, counts unread in the header, opens one and marks it read", async () => {
    const k = await w.candidate();
    const p = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: k.candidate.id, vacancyId: w.vacancy.id }));
    const rootData = (await (await run(root.loader, get("/", cookie.employer))).json()) as { user: { unread: number } };
    expect(rootData.user.unread).toBeGreaterThan(0);
    const list = (await (await run(notificationsRoute.loader, get("/meldingen", cookie.employer))).json()) as { notifications: { id: string; link: string; readAt: string | null }[] };
    const mine = list.notifications.find((n) => n.link === `/werkgever/voorstellen/${p.proposalId}`)!;
    expect(mine.readAt).toBeNull();
    const opened = await run(notificationsRoute.action, post("/meldingen", cookie.employer, { intent: "open", notificationId: mine.id }));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/werkgever/voorstellen/${p.proposalId}`);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, mine.id));
    expect(row!.readAt).not.toBeNull();
    // Someone else's notification: not found, and left alone.
    const foreign = await run(notificationsRoute.action, post("/meldingen", cookie.employer2, { intent: "open", notificationId: mine.id }));
    expect(foreign.status).toBe(404);
    const all = await run(notificationsRoute.action, post("/meldingen", cookie.employer, { intent: "readAll" }));
    expect(all.status).toBe(302);
    const after = (await (await run(root.loader, get("/", cookie.employer))).json()) as { user: { unread: number } };
    expect(after.user.unread).toBe(0);
  });
});

describe("the end-to-end test clock", () => {
  const clockPost = (days: string) => post("/e2e-clock", "", { days });

  it("does not exist unless E2E_CLOCK=1 in a non-production process", async () => {
    expect((await run(clockRoute.loader, get("/e2e-clock", ""))).status).toBe(404);
    expect((await run(clockRoute.action, clockPost("30"))).status).toBe(404);
    expect(() => setTestClockOffset(86_400_000)).toThrow();

    // Even with the switch on, a production process has no test clock.
    const saved = { NODE_ENV: process.env.NODE_ENV, SESSION_SECRET: process.env.SESSION_SECRET, APP_URL: process.env.APP_URL };
    Object.assign(process.env, { E2E_CLOCK: "1", NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), APP_URL: "https://werkbrug.example" });
    resetEnvForTests();
    try {
      expect((await run(clockRoute.action, clockPost("30"))).status).toBe(404);
      expect((await run(clockRoute.loader, get("/e2e-clock", ""))).status).toBe(404);
      expect(() => setTestClockOffset(86_400_000)).toThrow();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetEnvForTests();
    }
  });

  it("moves the pages' clock forward when enabled, and back", async () => {
    process.env.E2E_CLOCK = "1";
    const moved = await run(clockRoute.action, clockPost("10"));
    expect(moved.status).toBe(200);
    const body = (await moved.json()) as { now: string; offsetDays: number };
    expect(body.offsetDays).toBe(10);
    expect(new Date(body.now).getTime() - Date.now()).toBeGreaterThan(9 * 86_400_000);
    expect((await run(clockRoute.action, clockPost("-1"))).status).toBe(400);
    expect((await (await run(clockRoute.action, clockPost("0"))).json()) as { offsetDays: number }).toMatchObject({ offsetDays: 0 });
  });
});
