import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/client.server";
import {
  auditLog,
  candidates,
  meetings,
  messages,
  notifications,
  offers,
  organisations,
  placements,
  proposals,
  vacancies,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import type { PipelineResult } from "~/domain/pipeline/errors";
import {
  cancelMeeting,
  markMeetingHeld,
  planMeeting,
  rescheduleMeeting,
} from "~/domain/pipeline/meetings.server";
import { listMessages, postMessage } from "~/domain/pipeline/messages.server";
import {
  acceptOffer,
  declineOffer,
  expireOffers,
  makeOffer,
  recordOfferAdvice,
  withdrawOffer,
} from "~/domain/pipeline/offers.server";
import {
  decideRequest,
  proposeCandidate,
  requestIntroduction,
  reviewProposal,
} from "~/domain/pipeline/proposals.server";
import {
  getProposal,
  listCandidateProposals,
  listCoachProposals,
  listVacancyProposals,
  upcomingMeetings,
} from "~/domain/pipeline/queries.server";
import {
  type ProposalStatus,
  canTransitionProposal,
  nextProposalStepsFor,
} from "~/domain/pipeline/transitions";
import { useTestDatabase } from "#tests/support/db";
import { createVacancy } from "#tests/support/factories";
import {
  T0,
  at,
  createPipelineWorld,
  dayOf,
  driveToOffer,
  offerTerms,
  ok,
  type PipelineWorld,
  versionOf,
} from "./pipeline-world";

/*
 * Every step of the proposal lifecycle (DESIGN.md): each allowed transition once, by the party
 * that takes it, with its audit row and its notifications; and a refusal for each disallowed
 * one: wrong state (the whole matrix), wrong role, other tenant, unverified employer, stale form.
 */

const t = useTestDatabase();
let w: PipelineWorld;

beforeAll(async () => {
  w = await createPipelineWorld(t.db);
});

async function auditActions(db: Database, objectId: string) {
  const rows = await db
    .select({ action: auditLog.action, result: auditLog.result })
    .from(auditLog)
    .where(eq(auditLog.objectId, objectId));
  return rows.map((r) => `${r.action}:${r.result}`);
}

async function notified(db: Database, userId: string, kind: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, `pipeline.${kind}`)));
}

function failed(result: PipelineResult, error: string) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) {
    expect(result.error).toBe(error);
    expect(result.message.length).toBeGreaterThan(10);
  }
}

describe("allowed transitions", () => {
  it("coach proposes (→ proposed): audited, the employer is notified", async () => {
    const k = await w.candidate();
    const r = ok(
      await proposeCandidate(
        t.db,
        w.contexts.coachA,
        { candidateId: k.candidate.id, vacancyId: w.vacancy.id, note: "Sterk in orderpicken." },
        { now: T0 },
      ),
    );
    expect(r).toMatchObject({ status: "proposed", version: 1 });
    expect(await auditActions(t.db, r.proposalId)).toEqual(["proposal.proposed:ok"]);
    const [n] = await notified(t.db, w.employer.user.id, "proposal.proposed");
    expect(n?.title).toContain(w.vacancy.title);
    expect(n?.body).toContain(k.candidate.publicCode);
    expect(n?.link).toBe(`/werkgever/voorstellen/${r.proposalId}`);
    // Never the candidate's name.
    expect(`${n?.title} ${n?.body}`).not.toContain(k.identity.lastName);
  });

  it("employer requests (→ requested), coach proposes (→ proposed) with a note in the thread", async () => {
    const k = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.recruiter, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
        note: "Graag kennismaken.",
      }),
    );
    expect(req.status).toBe("requested");
    expect(await notified(t.db, w.coachA.user.id, "proposal.requested")).toHaveLength(1);
    const decided = ok(
      await decideRequest(t.db, w.contexts.coachA, {
        proposalId: req.proposalId,
        expectedVersion: req.version,
        decision: "propose",
        note: "Bel mij: 06-11112222",
      }),
    );
    expect(decided).toMatchObject({ status: "proposed", version: 2 });
    // The requester hears of it; the note reached the thread, masked (no consent yet).
    expect(await notified(t.db, w.recruiter.user.id, "proposal.request_proposed")).toHaveLength(1);
    const [message] = await t.db
      .select()
      .from(messages)
      .where(eq(messages.proposalId, req.proposalId));
    expect(message).toMatchObject({ masked: true, body: "Bel mij: [telefoonnummer verborgen]" });
    const [row] = await t.db.select().from(proposals).where(eq(proposals.id, req.proposalId));
    expect(row?.proposedByUserId).toBe(w.coachA.user.id);
  });

  it("coach declines a request (→ declined_by_coach): the employer sees only neutral words", async () => {
    const k = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
    );
    const r = ok(
      await decideRequest(t.db, w.contexts.coachA, {
        proposalId: req.proposalId,
        expectedVersion: 1,
        decision: "decline",
        reasonCode: "not_ready",
        note: "Huisvesting is nog niet rond.",
      }),
    );
    expect(r.status).toBe("declined_by_coach");
    const [n] = await notified(t.db, w.employer.user.id, "proposal.declined_by_coach");
    expect(n?.body).toContain("nog niet klaar");
    expect(n?.body).not.toContain("Huisvesting");
  });

  it("employer says interested (→ interested) or not (→ rejected, with a reason for the coach)", async () => {
    const k1 = await w.candidate();
    const k2 = await w.candidate();
    const p1 = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k1.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    const p2 = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k2.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    expect(
      ok(
        await reviewProposal(t.db, w.contexts.employer, {
          proposalId: p1.proposalId,
          expectedVersion: 1,
          decision: "interested",
        }),
      ).status,
    ).toBe("interested");
    const rejected = ok(
      await reviewProposal(t.db, w.contexts.employer, {
        proposalId: p2.proposalId,
        expectedVersion: 1,
        decision: "rejected",
        reasonCode: "distance",
        reasonText: "Te ver van de hal.",
      }),
    );
    expect(rejected.status).toBe("rejected");
    expect(await notified(t.db, w.coachA.user.id, "proposal.interested")).not.toHaveLength(0);
    const rejections = await notified(t.db, w.coachA.user.id, "proposal.rejected");
    expect(rejections.at(-1)?.body).toContain("De afstand is te groot");
    // A rejection without a reason is refused with a field message.
    const k3 = await w.candidate();
    const p3 = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k3.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    const noReason = await reviewProposal(t.db, w.contexts.employer, {
      proposalId: p3.proposalId,
      expectedVersion: 1,
      decision: "rejected",
    });
    failed(noReason, "invalid_input");
    if (!noReason.ok) expect(noReason.fields?.reasonCode?.[0]).toBe("Kies een reden.");
  });

  it("employer plans the introduction (→ meeting_planned); both sides move, cancel and re-plan it", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(
        t.db,
        w.contexts.coachA,
        { candidateId: k.candidate.id, vacancyId: w.vacancy.id },
        { now: T0 },
      ),
    );
    ok(
      await reviewProposal(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: 1, decision: "interested" },
        { now: T0 },
      ),
    );
    const m = ok(
      await planMeeting(
        t.db,
        w.contexts.employer,
        {
          proposalId: p.proposalId,
          expectedVersion: 2,
          startsAt: at(3),
          videoLink: "https://meet.example/abc",
        },
        { now: T0 },
      ),
    );
    expect(m).toMatchObject({ status: "meeting_planned", version: 3 });
    // The coach and the candidate hear of it; the coach also that the candidate is still inside.
    const [coachNote] = await notified(t.db, w.coachA.user.id, "meeting.planned");
    expect(coachNote?.body).toContain("nog vast");
    const [candidateNote] = await notified(t.db, k.user.id, "meeting.planned");
    expect(candidateNote?.body).not.toContain("nog vast");

    const moved = ok(
      await rescheduleMeeting(
        t.db,
        w.contexts.coachA,
        {
          meetingId: m.meetingId,
          expectedVersion: 3,
          startsAt: at(4),
          location: "Hal 2",
          reason: "Verlof pas donderdag",
        },
        { now: T0 },
      ),
    );
    expect(moved.version).toBe(4);
    expect(await notified(t.db, w.employer.user.id, "meeting.rescheduled")).toHaveLength(1);
    // A meeting in the past cannot be planned.
    failed(
      await rescheduleMeeting(
        t.db,
        w.contexts.employer,
        {
          meetingId: m.meetingId,
          expectedVersion: 4,
          startsAt: at(-1),
          location: "Hal 2",
          reason: "x",
        },
        { now: T0 },
      ),
      "invalid_input",
    );
    // Planning a second meeting while one is planned is not a step.
    failed(
      await planMeeting(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: 4, startsAt: at(5), location: "Hal 1" },
        { now: T0 },
      ),
      "invalid_transition",
    );
    const cancelled = ok(
      await cancelMeeting(
        t.db,
        w.contexts.employer,
        { meetingId: m.meetingId, expectedVersion: 4, reason: "Ziek" },
        { now: T0 },
      ),
    );
    expect(cancelled).toMatchObject({ status: "meeting_planned", version: 5 });
    expect(await notified(t.db, k.user.id, "meeting.cancelled")).toHaveLength(1);
    const again = ok(
      await planMeeting(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: 5, startsAt: at(6), location: "Hal 1" },
        { now: T0 },
      ),
    );
    expect(again).toMatchObject({ status: "meeting_planned", version: 6 });
    // Held once its time has come (not before).
    failed(
      await markMeetingHeld(
        t.db,
        w.contexts.coachA,
        { meetingId: again.meetingId, expectedVersion: 6 },
        { now: T0 },
      ),
      "invalid_transition",
    );
    expect(
      ok(
        await markMeetingHeld(
          t.db,
          w.contexts.coachA,
          { meetingId: again.meetingId, expectedVersion: 6 },
          { now: at(7) },
        ),
      ).version,
    ).toBe(7);
    const rows = await t.db
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.proposalId, p.proposalId));
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "held"]);
  });

  it("employer makes an offer (→ offer_made); the coach advises; the candidate sees it", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    const [offer] = await t.db.select().from(offers).where(eq(offers.id, o.offerId));
    expect(offer).toMatchObject({
      status: "open",
      hoursPerWeek: 32,
      contractType: "tijdelijk",
      firstDayDetails: "Melden bij de receptie om 07:30.",
    });
    // The planned meeting whose time passed is now "held".
    const [meeting] = await t.db
      .select()
      .from(meetings)
      .where(eq(meetings.proposalId, o.proposalId));
    expect(meeting?.status).toBe("held");
    expect(await notified(t.db, k.user.id, "offer.made")).toHaveLength(1);
    expect(await notified(t.db, w.coachA.user.id, "offer.made")).not.toHaveLength(0);
    ok(
      await recordOfferAdvice(
        t.db,
        w.contexts.coachA,
        { offerId: o.offerId, advice: "Goed aanbod, de uren passen." },
        { now: at(3) },
      ),
    );
    expect(await notified(t.db, k.user.id, "offer.advice")).toHaveLength(1);
    failed(
      await recordOfferAdvice(t.db, k.context, { offerId: o.offerId, advice: "Ik vind het goed" }),
      "forbidden",
    );
  });

  it("candidate accepts in their own account (→ accepted → placed), with consent", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    failed(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: false },
        { now: at(4) },
      ),
      "consent_required",
    );
    const r = ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    expect(r).toMatchObject({ status: "placed", jobCoachUserId: w.coachA.user.id });
    const [offer] = await t.db.select().from(offers).where(eq(offers.id, o.offerId));
    expect(offer).toMatchObject({
      status: "accepted",
      answeredOnBehalf: false,
      answeredByUserId: k.user.id,
    });
    const actions = await auditActions(t.db, o.proposalId);
    expect(actions).toEqual(expect.arrayContaining(["proposal.accepted:ok", "proposal.placed:ok"]));
    const [candidate] = await t.db
      .select({ status: candidates.status })
      .from(candidates)
      .where(eq(candidates.id, k.candidate.id));
    expect(candidate?.status).toBe("placed");
  });

  it("coach records the acceptance on the candidate's behalf, only with the candidate present", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    failed(
      await acceptOffer(
        t.db,
        w.contexts.coachA,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
      "presence_required",
    );
    ok(
      await acceptOffer(
        t.db,
        w.contexts.coachA,
        { offerId: o.offerId, expectedVersion: o.version, consent: true, candidatePresent: true },
        { now: at(4) },
      ),
    );
    const [offer] = await t.db.select().from(offers).where(eq(offers.id, o.offerId));
    expect(offer).toMatchObject({
      status: "accepted",
      answeredOnBehalf: true,
      answeredByUserId: w.coachA.user.id,
    });
  });

  it("candidate declines (→ declined), or the coach on their behalf", async () => {
    const k1 = await w.candidate();
    const k2 = await w.candidate();
    const o1 = await driveToOffer(t.db, w, k1.candidate.id);
    const o2 = await driveToOffer(t.db, w, k2.candidate.id);
    expect(
      ok(
        await declineOffer(
          t.db,
          k1.context,
          { offerId: o1.offerId, expectedVersion: o1.version, reason: "Te ver reizen" },
          { now: at(4) },
        ),
      ).status,
    ).toBe("declined");
    ok(
      await declineOffer(
        t.db,
        w.contexts.coachA,
        { offerId: o2.offerId, expectedVersion: o2.version, candidatePresent: "on" },
        { now: at(4) },
      ),
    );
    const [offer2] = await t.db.select().from(offers).where(eq(offers.id, o2.offerId));
    expect(offer2).toMatchObject({ status: "declined", answeredOnBehalf: true });
    expect(await notified(t.db, w.employer.user.id, "offer.declined")).toHaveLength(2);
  });

  it("employer withdraws (→ withdrawn)", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    expect(
      ok(
        await withdrawOffer(
          t.db,
          w.contexts.employer,
          { offerId: o.offerId, expectedVersion: o.version, reason: "Budget ingetrokken" },
          { now: at(4) },
        ),
      ).status,
    ).toBe("withdrawn");
    const [n] = await notified(t.db, k.user.id, "offer.withdrawn");
    expect(n?.body).toContain("Budget ingetrokken");
  });

  it("the job expires an offer the day after its expiry date (→ expired), once", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    const { expiresOn } = offerTerms();
    // On the expiry day itself the offer still stands.
    expect((await expireOffers(t.db, new Date(`${expiresOn}T22:30:00Z`))).expired).not.toContain(
      o.offerId,
    );
    expect((await expireOffers(t.db, new Date(`${expiresOn}T23:30:00Z`))).expired).toContain(
      o.offerId,
    );
    expect((await expireOffers(t.db, at(30))).expired).not.toContain(o.offerId);
    expect((await versionOf(t.db, o.proposalId)).status).toBe("expired");
    expect(await notified(t.db, k.user.id, "offer.expired")).toHaveLength(1);
    failed(
      await acceptOffer(t.db, k.context, {
        offerId: o.offerId,
        expectedVersion: o.version,
        consent: true,
      }),
      "stale",
    );
  });
});

describe("refusals: a step the lifecycle does not have from this state", () => {
  const all: ProposalStatus[] = [
    "requested",
    "declined_by_coach",
    "proposed",
    "interested",
    "rejected",
    "meeting_planned",
    "offer_made",
    "accepted",
    "declined",
    "withdrawn",
    "expired",
    "placed",
  ];

  type Op = {
    to: ProposalStatus;
    run: (
      p: { proposalId: string; offerId: string; version: number },
      k: { context: AuthContext },
    ) => Promise<PipelineResult>;
  };
  const ops = (): Op[] => [
    {
      to: "proposed",
      run: (p) =>
        decideRequest(t.db, w.contexts.coachA, {
          proposalId: p.proposalId,
          expectedVersion: p.version,
          decision: "propose",
        }),
    },
    {
      to: "declined_by_coach",
      run: (p) =>
        decideRequest(t.db, w.contexts.coachA, {
          proposalId: p.proposalId,
          expectedVersion: p.version,
          decision: "decline",
          reasonCode: "other",
        }),
    },
    {
      to: "interested",
      run: (p) =>
        reviewProposal(t.db, w.contexts.employer, {
          proposalId: p.proposalId,
          expectedVersion: p.version,
          decision: "interested",
        }),
    },
    {
      to: "rejected",
      run: (p) =>
        reviewProposal(t.db, w.contexts.employer, {
          proposalId: p.proposalId,
          expectedVersion: p.version,
          decision: "rejected",
          reasonCode: "skills",
        }),
    },
    {
      to: "meeting_planned",
      run: (p) =>
        planMeeting(
          t.db,
          w.contexts.employer,
          {
            proposalId: p.proposalId,
            expectedVersion: p.version,
            startsAt: at(2),
            location: "Hal",
          },
          { now: T0 },
        ),
    },
    {
      to: "offer_made",
      run: (p) =>
        makeOffer(
          t.db,
          w.contexts.employer,
          { proposalId: p.proposalId, expectedVersion: p.version, ...offerTerms() },
          { now: T0 },
        ),
    },
    {
      to: "accepted",
      run: (p, k) =>
        acceptOffer(
          t.db,
          k.context,
          { offerId: p.offerId, expectedVersion: p.version, consent: true },
          { now: T0 },
        ),
    },
    {
      to: "declined",
      run: (p, k) =>
        declineOffer(
          t.db,
          k.context,
          { offerId: p.offerId, expectedVersion: p.version },
          { now: T0 },
        ),
    },
    {
      to: "withdrawn",
      run: (p) =>
        withdrawOffer(
          t.db,
          w.contexts.employer,
          { offerId: p.offerId, expectedVersion: p.version, reason: "x" },
          { now: T0 },
        ),
    },
  ];

  it("refuses every (state, step) pair the design does not draw, and changes nothing", async () => {
    const vacancy = await createVacancy(t.db, {
      organisationId: w.employer.organisation.id,
      createdByUserId: w.employer.user.id,
      positions: 10,
    });
    let checked = 0;
    for (const from of all) {
      const k = await w.candidate();
      // A proposal planted in `from` (as the demo world builds them), with a planned meeting and an offer row.
      const [p] = await t.db
        .insert(proposals)
        .values({
          candidateId: k.candidate.id,
          vacancyId: vacancy.id,
          status: from,
          proposedByUserId: w.coachA.user.id,
          version: 3,
        })
        .returning();
      await t.db
        .insert(meetings)
        .values({ proposalId: p!.id, startsAt: at(1), location: "Hal", status: "planned" });
      const [offer] = await t.db
        .insert(offers)
        .values({
          proposalId: p!.id,
          status: from === "offer_made" ? "open" : "declined",
          startDate: dayOf(at(20)),
          hoursPerWeek: 32,
          contractType: "vast",
          expiresOn: dayOf(at(7)),
        })
        .returning();
      for (const op of ops()) {
        if (canTransitionProposal(from, op.to)) continue;
        const result = await op.run({ proposalId: p!.id, offerId: offer!.id, version: 3 }, k);
        expect(result.ok ? "ok" : result.error, `${from} → ${op.to}`).toBe("invalid_transition");
        if (!result.ok) expect(result.current?.status).toBe(from);
        checked++;
      }
      expect(await versionOf(t.db, p!.id)).toEqual({ version: 3, status: from });
    }
    // 12 states × 9 steps, minus the 9 the design draws for these actors.
    expect(checked).toBe(12 * 9 - 9);
  });

  it("the expiry job leaves offers of other states alone", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    ok(
      await declineOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version },
        { now: at(4) },
      ),
    );
    expect((await expireOffers(t.db, at(60))).expired).not.toContain(o.offerId);
    expect((await versionOf(t.db, o.proposalId)).status).toBe("declined");
  });
});

describe("refusals: a candidate who is not available", () => {
  const pause = (candidateId: string) => t.db.update(candidates).set({ status: "paused" }).where(eq(candidates.id, candidateId));
  /** The step is one the lifecycle has for this actor, and one the pages leave out while the candidate is unavailable. */
  const leftOut = (from: ProposalStatus, actor: "coach" | "employer" | "candidate", step: ProposalStatus) => {
    expect(nextProposalStepsFor(from, actor, true)).toContain(step);
    expect(nextProposalStepsFor(from, actor, false)).not.toContain(step);
  };

  it("every forward step the pages leave out is refused by the server; the closing steps are offered and work", async () => {
    // requested: the coach cannot propose, but can decline
    const a = await w.candidate();
    const req = ok(await requestIntroduction(t.db, w.contexts.employer, { publicCode: a.candidate.publicCode, vacancyId: w.vacancy.id }));
    await pause(a.candidate.id);
    leftOut("requested", "coach", "proposed");
    expect(nextProposalStepsFor("requested", "coach", false)).toEqual(["declined_by_coach"]);
    failed(await decideRequest(t.db, w.contexts.coachA, { proposalId: req.proposalId, expectedVersion: req.version, decision: "propose" }), "candidate_unavailable");
    ok(await decideRequest(t.db, w.contexts.coachA, { proposalId: req.proposalId, expectedVersion: req.version, decision: "decline", reasonCode: "not_ready" }));

    // proposed: no interest; interested: no introduction
    const b = await w.candidate();
    const proposed = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: b.candidate.id, vacancyId: w.vacancy.id }));
    await pause(b.candidate.id);
    leftOut("proposed", "employer", "interested");
    expect(nextProposalStepsFor("proposed", "employer", false)).toEqual(["rejected"]);
    failed(await reviewProposal(t.db, w.contexts.employer, { proposalId: proposed.proposalId, expectedVersion: proposed.version, decision: "interested" }), "candidate_unavailable");
    const c = await w.candidate();
    const p2 = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: c.candidate.id, vacancyId: w.vacancy.id }));
    const interested = ok(await reviewProposal(t.db, w.contexts.employer, { proposalId: p2.proposalId, expectedVersion: p2.version, decision: "interested" }));
    await pause(c.candidate.id);
    leftOut("interested", "employer", "meeting_planned");
    failed(
      await planMeeting(t.db, w.contexts.employer, { proposalId: p2.proposalId, expectedVersion: interested.version, startsAt: at(2), location: "Industrieweg 1" }, { now: T0 }),
      "candidate_unavailable",
    );

    // meeting_planned: no offer
    const e = await w.candidate();
    const p3 = ok(await proposeCandidate(t.db, w.contexts.coachA, { candidateId: e.candidate.id, vacancyId: w.vacancy.id }));
    const v3 = ok(await reviewProposal(t.db, w.contexts.employer, { proposalId: p3.proposalId, expectedVersion: p3.version, decision: "interested" }));
    const meeting = ok(
      await planMeeting(t.db, w.contexts.employer, { proposalId: p3.proposalId, expectedVersion: v3.version, startsAt: at(2), location: "Industrieweg 1" }, { now: T0 }),
    );
    await pause(e.candidate.id);
    leftOut("meeting_planned", "employer", "offer_made");
    failed(
      await makeOffer(t.db, w.contexts.employer, { proposalId: p3.proposalId, expectedVersion: meeting.version, ...offerTerms() }, { now: at(3) }),
      "candidate_unavailable",
    );

    // offer_made: no acceptance, by the candidate or the coach; declining works
    const d = await w.candidate();
    const o = await driveToOffer(t.db, w, d.candidate.id);
    await pause(d.candidate.id);
    leftOut("offer_made", "candidate", "accepted");
    leftOut("offer_made", "coach", "accepted");
    expect(nextProposalStepsFor("offer_made", "candidate", false)).toEqual(["declined"]);
    failed(await acceptOffer(t.db, d.context, { offerId: o.offerId, expectedVersion: o.version, consent: true }, { now: at(4) }), "candidate_unavailable");
    ok(await declineOffer(t.db, d.context, { offerId: o.offerId, expectedVersion: o.version }, { now: at(4) }));
  });
});

describe("refusals: role, tenant, verification, stale form", () => {
  it("only the coach decides on a request; only the candidate's own coach", async () => {
    const k = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
    );
    const input = { proposalId: req.proposalId, expectedVersion: 1, decision: "propose" as const };
    failed(await decideRequest(t.db, w.contexts.employer, input), "forbidden");
    failed(await decideRequest(t.db, k.context, input), "forbidden");
    failed(await decideRequest(t.db, w.contexts.coachB, input), "forbidden"); // colleague: reads, never acts
    failed(await decideRequest(t.db, w.contexts.coachOther, input), "not_found");
    failed(await decideRequest(t.db, w.contexts.employer2, input), "not_found");
    failed(await decideRequest(t.db, w.contexts.prison, input), "not_found");
    failed(await decideRequest(t.db, w.contexts.admin, input), "not_found");
    expect(await versionOf(t.db, req.proposalId)).toEqual({ version: 1, status: "requested" });
    // Refusals for role and tenant are in the audit log.
    const denied = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, req.proposalId), eq(auditLog.result, "denied")));
    expect(denied.length).toBe(7);
  });

  it("only the vacancy's own, verified employer reviews, plans and makes offers", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    const review = (ctx: AuthContext) =>
      reviewProposal(t.db, ctx, {
        proposalId: p.proposalId,
        expectedVersion: 1,
        decision: "interested",
      });
    failed(await review(w.contexts.coachA), "forbidden");
    failed(await review(k.context), "forbidden");
    failed(await review(w.contexts.employer2), "not_found");
    failed(await review(w.contexts.unverified), "not_found");
    failed(await review(w.contexts.municipality), "not_found");
    // The organisation loses its verification: refused at once, whatever the session said.
    await t.db
      .update(organisations)
      .set({ verificationStatus: "suspended" })
      .where(eq(organisations.id, w.employer.organisation.id));
    failed(await review(w.contexts.employer), "not_verified");
    await t.db
      .update(organisations)
      .set({ verificationStatus: "verified" })
      .where(eq(organisations.id, w.employer.organisation.id));
    ok(await review(w.contexts.recruiter));
    const plan = (ctx: AuthContext) =>
      planMeeting(
        t.db,
        ctx,
        { proposalId: p.proposalId, expectedVersion: 2, startsAt: at(2), location: "Hal" },
        { now: T0 },
      );
    failed(await plan(w.contexts.coachA), "forbidden");
    failed(await plan(w.contexts.employer2), "not_found");
    const m = ok(await plan(w.contexts.employer));
    const offer = (ctx: AuthContext) =>
      makeOffer(
        t.db,
        ctx,
        { proposalId: p.proposalId, expectedVersion: m.version, ...offerTerms() },
        { now: T0 },
      );
    failed(await offer(w.contexts.coachA), "forbidden");
    failed(await offer(k.context), "forbidden");
    failed(await offer(w.contexts.employer2), "not_found");
    ok(await offer(w.contexts.employer));
  });

  it("only the candidate (or their coach) answers; only the employer withdraws", async () => {
    const k = await w.candidate();
    const other = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    const accept = (ctx: AuthContext) =>
      acceptOffer(
        t.db,
        ctx,
        { offerId: o.offerId, expectedVersion: o.version, consent: true, candidatePresent: true },
        { now: at(4) },
      );
    failed(await accept(w.contexts.employer), "forbidden");
    failed(await accept(other.context), "not_found");
    failed(await accept(w.contexts.coachB), "forbidden");
    failed(await accept(w.contexts.coachOther), "not_found");
    failed(
      await declineOffer(t.db, w.contexts.employer, {
        offerId: o.offerId,
        expectedVersion: o.version,
      }),
      "forbidden",
    );
    const withdraw = (ctx: AuthContext) =>
      withdrawOffer(
        t.db,
        ctx,
        { offerId: o.offerId, expectedVersion: o.version, reason: "x" },
        { now: at(4) },
      );
    failed(await withdraw(k.context), "forbidden");
    failed(await withdraw(w.contexts.coachA), "forbidden");
    failed(await withdraw(w.contexts.employer2), "not_found");
    expect(await versionOf(t.db, o.proposalId)).toEqual({
      version: o.version,
      status: "offer_made",
    });
  });

  it("a coach proposes only published candidates of their own caseload, for open vacancies of verified employers", async () => {
    const k = await w.candidate();
    const propose = (ctx: AuthContext, candidateId = k.candidate.id, vacancyId = w.vacancy.id) =>
      proposeCandidate(t.db, ctx, { candidateId, vacancyId });
    failed(await propose(w.contexts.employer), "forbidden");
    failed(await propose(w.contexts.prison), "forbidden");
    failed(await propose(w.contexts.coachB), "not_found");
    failed(await propose(w.contexts.coachOther), "not_found");
    failed(
      await propose(w.contexts.coachA, k.candidate.id, w.unverifiedVacancy.id),
      "vacancy_unavailable",
    );
    const closed = await createVacancy(t.db, {
      organisationId: w.employer.organisation.id,
      status: "closed",
    });
    failed(await propose(w.contexts.coachA, k.candidate.id, closed.id), "vacancy_unavailable");
    const paused = await w.candidate({ candidate: { status: "paused" } });
    failed(await propose(w.contexts.coachA, paused.candidate.id), "candidate_unavailable");
    ok(await propose(w.contexts.coachA));
    failed(await propose(w.contexts.coachA), "duplicate");
    failed(await propose(w.contexts.coachA, "not-a-uuid"), "not_found");
  });

  it("an employer requests only as a verified organisation, for their own open vacancy, a published profile", async () => {
    const k = await w.candidate();
    failed(
      await requestIntroduction(t.db, w.contexts.unverified, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.unverifiedVacancy.id,
      }),
      "not_verified",
    );
    failed(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy2.id,
      }),
      "not_found",
    );
    failed(
      await requestIntroduction(t.db, w.contexts.coachA, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
      "forbidden",
    );
    const draft = await w.candidate({ candidate: { status: "profile_draft" } });
    failed(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: draft.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
      "not_found",
    );
    ok(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode.toLowerCase(),
        vacancyId: w.vacancy.id,
      }),
    );
    failed(
      await requestIntroduction(t.db, w.contexts.recruiter, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
      "duplicate",
    );
  });

  it("a stale form is refused with the current state, and changes nothing", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    ok(
      await reviewProposal(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        expectedVersion: 1,
        decision: "interested",
      }),
    );
    const stale = await reviewProposal(t.db, w.contexts.recruiter, {
      proposalId: p.proposalId,
      expectedVersion: 1,
      decision: "rejected",
      reasonCode: "skills",
    });
    failed(stale, "stale");
    if (!stale.ok) expect(stale.current).toEqual({ status: "interested", version: 2 });
    expect(await versionOf(t.db, p.proposalId)).toEqual({ version: 2, status: "interested" });
  });
});

describe("the conversation thread", () => {
  it("masks contact details before consent; the candidate joins from the offer; closed threads take no messages", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    const posted = ok(
      await postMessage(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        body: "Mail ons via hr@bedrijf.nl of bel 0320-123456.",
      }),
    );
    expect(posted.masked).toBe(true);
    failed(
      await postMessage(t.db, k.context, { proposalId: p.proposalId, body: "Hallo" }),
      "not_found",
    );
    failed(await listMessages(t.db, k.context, p.proposalId), "not_found");
    failed(
      await postMessage(t.db, w.contexts.employer2, { proposalId: p.proposalId, body: "Hallo" }),
      "not_found",
    );
    ok(
      await postMessage(t.db, w.contexts.coachA, {
        proposalId: p.proposalId,
        body: "Dank, ik kom graag langs.",
      }),
    );
    expect(await notified(t.db, w.coachA.user.id, "message.posted")).not.toHaveLength(0);

    const thread = ok(await listMessages(t.db, w.contexts.coachA, p.proposalId)).messages;
    expect(thread.map((m) => [m.author, m.body])).toEqual([
      ["employer", "Mail ons via [e-mailadres verborgen] of bel [telefoonnummer verborgen]."],
      ["coach", "Dank, ik kom graag langs."],
    ]);
    // Nothing unmasked was stored.
    const stored = await t.db
      .select({ body: messages.body })
      .from(messages)
      .where(eq(messages.proposalId, p.proposalId));
    expect(stored.map((s) => s.body).join(" ")).not.toMatch(/hr@bedrijf|123456/);

    ok(
      await reviewProposal(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        expectedVersion: 1,
        decision: "interested",
      }),
    );
    const m = ok(
      await planMeeting(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: 2, startsAt: at(2), location: "Hal" },
        { now: T0 },
      ),
    );
    const o = ok(
      await makeOffer(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: m.version, ...offerTerms() },
        { now: at(3) },
      ),
    );
    ok(
      await postMessage(t.db, k.context, {
        proposalId: p.proposalId,
        body: "Wat moet ik meenemen?",
      }),
    );
    const candidateThread = ok(await listMessages(t.db, k.context, p.proposalId)).messages;
    expect(candidateThread.at(-1)).toMatchObject({
      author: "candidate",
      authorName: null,
      mine: true,
    });
    const employerThread = ok(await listMessages(t.db, w.contexts.employer, p.proposalId)).messages;
    expect(employerThread.at(-1)).toMatchObject({ author: "candidate", authorName: null });

    // After consent (accepting), contact details are no longer masked.
    ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    expect(
      ok(
        await postMessage(t.db, k.context, {
          proposalId: p.proposalId,
          body: "Mijn nummer is 06-12345678.",
        }),
      ).masked,
    ).toBe(false);

    const k2 = await w.candidate();
    const p2 = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k2.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    ok(
      await reviewProposal(t.db, w.contexts.employer, {
        proposalId: p2.proposalId,
        expectedVersion: 1,
        decision: "rejected",
        reasonCode: "skills",
      }),
    );
    failed(
      await postMessage(t.db, w.contexts.coachA, { proposalId: p2.proposalId, body: "Jammer" }),
      "invalid_transition",
    );
  });
});

describe("placements on acceptance", () => {
  it("creates one placement with the proposing coach as job coach, fills the position, closes the vacancy when full", async () => {
    const vacancy = await createVacancy(t.db, {
      organisationId: w.employer.organisation.id,
      createdByUserId: w.employer.user.id,
      positions: 1,
    });
    const k = await w.candidate();
    const other = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id, { vacancyId: vacancy.id });
    const o2 = await driveToOffer(t.db, w, other.candidate.id, { vacancyId: vacancy.id });
    const r = ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    const [placement] = await t.db
      .select()
      .from(placements)
      .where(eq(placements.id, r.placementId));
    expect(placement).toMatchObject({
      status: "active",
      jobCoachUserId: w.coachA.user.id,
      startedOn: offerTerms().startDate,
      vacancyId: vacancy.id,
    });
    const [v] = await t.db.select().from(vacancies).where(eq(vacancies.id, vacancy.id));
    expect(v).toMatchObject({ positionsFilled: 1, status: "filled" });
    // The other candidate's open offer on the now full vacancy is withdrawn, and they hear why.
    expect((await versionOf(t.db, o2.proposalId)).status).toBe("withdrawn");
    const [n] = await notified(t.db, other.user.id, "offer.withdrawn");
    expect(n?.body).toContain("bezet");
    // The employer hears the job coach's name and contact.
    const accepted = (await notified(t.db, w.employer.user.id, "offer.accepted")).find(
      (n) => n.link === `/werkgever/plaatsingen/${r.placementId}`,
    );
    expect(accepted?.body).toContain("Coach Anna");
  });
});

describe("what each side reads", () => {
  it("employer: the public profile, identity only under consent, never the coach's own notes", async () => {
    const k = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
        note: "Graag kennismaken.",
      }),
    );
    ok(
      await decideRequest(t.db, w.contexts.coachA, {
        proposalId: req.proposalId,
        expectedVersion: 1,
        decision: "decline",
        reasonCode: "not_ready",
        note: "PRIVE: schulden eerst",
      }),
    );
    const declined = ok(await getProposal(t.db, w.contexts.employer, req.proposalId)).proposal;
    expect(declined.party).toBe("employer");
    expect(declined.reason).toBe("De kandidaat is nu nog niet klaar voor deze stap");
    expect(JSON.stringify(declined)).not.toContain("PRIVE");
    const coachView = ok(await getProposal(t.db, w.contexts.coachA, req.proposalId)).proposal;
    expect(coachView.party === "coach" && coachView.reasonText).toBe("PRIVE: schulden eerst");

    const k2 = await w.candidate();
    const o = await driveToOffer(t.db, w, k2.candidate.id);
    ok(
      await recordOfferAdvice(
        t.db,
        w.contexts.coachA,
        { offerId: o.offerId, advice: "ADVIES" },
        { now: at(3) },
      ),
    );
    const before = ok(await getProposal(t.db, w.contexts.employer, o.proposalId)).proposal;
    expect(before.party === "employer" && before.identity).toBeNull();
    expect(before.party === "employer" && before.profile?.code).toBe(k2.candidate.publicCode);
    const json = JSON.stringify(before);
    for (const hidden of [
      k2.identity.lastName,
      k2.identity.phone!,
      "ADVIES",
      "dateOfBirth",
      "releaseDate",
    ]) {
      expect(json).not.toContain(hidden);
    }
    expect(before.steps.sort()).toEqual(["withdrawn"]);
    // The candidate sees the offer with the advice and can answer it.
    const mine = ok(await getProposal(t.db, k2.context, o.proposalId)).proposal;
    expect(mine.offers[0]?.coachAdvice).toBe("ADVIES");
    expect(mine.steps.sort()).toEqual(["accepted", "declined"]);
    ok(
      await acceptOffer(
        t.db,
        k2.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    const after = ok(await getProposal(t.db, w.contexts.employer, o.proposalId)).proposal;
    expect(after.party === "employer" && after.identity?.lastName).toBe(k2.identity.lastName);
    // Other tenants: nothing.
    expect(await getProposal(t.db, w.contexts.employer2, o.proposalId)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await getProposal(t.db, w.contexts.coachOther, o.proposalId)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    // A colleague of the coach reads, without buttons.
    const colleague = ok(await getProposal(t.db, w.contexts.coachB, o.proposalId)).proposal;
    expect(colleague.steps).toEqual([]);
  });

  it("lists per side: the employer's inbox, the coach's caseload, the candidate's own from the introduction on", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    expect(
      (await listVacancyProposals(t.db, w.contexts.employer, w.vacancy.id)).map((r) => r.id),
    ).toContain(p.proposalId);
    expect(await listVacancyProposals(t.db, w.contexts.employer2, w.vacancy.id)).toEqual([]);
    expect(await listVacancyProposals(t.db, w.contexts.unverified, w.unverifiedVacancy.id)).toEqual(
      [],
    );
    expect((await listCoachProposals(t.db, w.contexts.coachA)).map((r) => r.id)).toContain(
      p.proposalId,
    );
    expect((await listCoachProposals(t.db, w.contexts.coachB)).map((r) => r.id)).not.toContain(
      p.proposalId,
    );
    expect(await listCandidateProposals(t.db, k.context)).toEqual([]);
    failed(await getProposal(t.db, k.context, p.proposalId), "not_found");
    ok(
      await reviewProposal(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        expectedVersion: 1,
        decision: "interested",
      }),
    );
    ok(
      await planMeeting(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        expectedVersion: 2,
        startsAt: at(2, new Date()),
        location: "Hal",
      }),
    );
    const list = await listCandidateProposals(t.db, k.context);
    expect(list.map((r) => [r.id, r.status])).toEqual([[p.proposalId, "meeting_planned"]]);
    expect(list[0]?.nextMeetingAt).toBeInstanceOf(Date);
    for (const ctx of [w.contexts.coachA, w.contexts.employer, k.context]) {
      expect((await upcomingMeetings(t.db, ctx)).map((m) => m.proposalId)).toContain(p.proposalId);
    }
    expect(
      (await upcomingMeetings(t.db, w.contexts.employer2)).map((m) => m.proposalId),
    ).not.toContain(p.proposalId);
  });
});
