import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  candidates,
  checkIns,
  handovers,
  messages,
  offers,
  placements,
  proposals,
  vacancies,
} from "#db/schema";
import { logCheckIn } from "~/domain/pipeline/checkins.server";
import type { PipelineResult } from "~/domain/pipeline/errors";
import { acceptHandover, handOverCandidate } from "~/domain/pipeline/handovers.server";
import { planMeeting } from "~/domain/pipeline/meetings.server";
import { postMessage } from "~/domain/pipeline/messages.server";
import {
  acceptOffer,
  declineOffer,
  expireOffers,
  makeOffer,
  withdrawOffer,
} from "~/domain/pipeline/offers.server";
import { endPlacement, handOverPlacement } from "~/domain/pipeline/placements.server";
import {
  decideRequest,
  proposeCandidate,
  requestIntroduction,
  reviewProposal,
} from "~/domain/pipeline/proposals.server";
import { useTestDatabase } from "#tests/support/db";
import { createVacancy } from "#tests/support/factories";
import {
  T0,
  at,
  createPipelineWorld,
  dayOf,
  driveToOffer,
  driveToPlacement,
  offerTerms,
  ok,
  type PipelineWorld,
  versionOf,
} from "./pipeline-world";

/*
 * Exactly one outcome when people act at once (issue 6). The calls below really run
 * concurrently on PostgreSQL (DATABASE_URL=postgres://… npx vitest run <this file>); on PGlite
 * they queue, which must give the same single outcome.
 */

const t = useTestDatabase();
let w: PipelineWorld;

beforeAll(async () => {
  w = await createPipelineWorld(t.db);
});

/** Runs the calls at the same moment; returns the results in order. */
function together<T>(...calls: (() => Promise<T>)[]): Promise<T[]> {
  return Promise.all(calls.map((call) => call()));
}

function outcomes(results: PipelineResult[]) {
  return results.map((r) => (r.ok ? "ok" : r.error)).sort();
}

describe("two employers' offers for one candidate", () => {
  it("accepted at the same moment: one placement, the other offer ends", async () => {
    const k = await w.candidate();
    const first = await driveToOffer(t.db, w, k.candidate.id);
    const second = await driveToOffer(t.db, w, k.candidate.id, {
      employer: w.contexts.employer2,
      vacancyId: w.vacancy2.id,
    });
    const results = await together(
      () =>
        acceptOffer(
          t.db,
          k.context,
          { offerId: first.offerId, expectedVersion: first.version, consent: true },
          { now: at(4) },
        ),
      () =>
        acceptOffer(
          t.db,
          w.contexts.coachA,
          {
            offerId: second.offerId,
            expectedVersion: second.version,
            consent: true,
            candidatePresent: true,
          },
          { now: at(4) },
        ),
    );
    expect(outcomes(results)).toEqual(["ok", "stale"]);
    const rows = await t.db
      .select()
      .from(placements)
      .where(eq(placements.candidateId, k.candidate.id));
    expect(rows).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    const [winnerOffer, loserOffer] = winner === 0 ? [first, second] : [second, first];
    expect(rows[0]?.offerId).toBe(winnerOffer.offerId);
    expect((await versionOf(t.db, loserOffer.proposalId)).status).toBe("declined");
    const [loser] = await t.db
      .select({ status: offers.status })
      .from(offers)
      .where(eq(offers.id, loserOffer.offerId));
    expect(loser?.status).toBe("declined");
    const [candidate] = await t.db
      .select({ status: candidates.status })
      .from(candidates)
      .where(eq(candidates.id, k.candidate.id));
    expect(candidate?.status).toBe("placed");
  });

  it("one accepted while the other employer withdraws: both happen once, no second placement", async () => {
    const k = await w.candidate();
    // Its own vacancy for the second employer: the shared one (one position) may have been
    // filled by an earlier test, whichever side won its race.
    const otherVacancy = await createVacancy(t.db, {
      organisationId: w.vacancy2.organisationId,
      createdByUserId: w.vacancy2.createdByUserId,
    });
    const first = await driveToOffer(t.db, w, k.candidate.id);
    const second = await driveToOffer(t.db, w, k.candidate.id, {
      employer: w.contexts.employer2,
      vacancyId: otherVacancy.id,
    });
    const [accepted, withdrawn] = await together<PipelineResult>(
      () =>
        acceptOffer(
          t.db,
          k.context,
          { offerId: first.offerId, expectedVersion: first.version, consent: true },
          { now: at(4) },
        ),
      () =>
        withdrawOffer(
          t.db,
          w.contexts.employer2,
          { offerId: second.offerId, expectedVersion: second.version, reason: "Vacature vervalt" },
          { now: at(4) },
        ),
    );
    expect(accepted?.ok).toBe(true);
    // Either the withdrawal came first, or the acceptance declined the offer first (then the withdrawal is stale).
    expect(["ok", "stale"]).toContain(withdrawn!.ok ? "ok" : withdrawn!.error);
    expect(["withdrawn", "declined"]).toContain((await versionOf(t.db, second.proposalId)).status);
    expect(
      await t.db.select().from(placements).where(eq(placements.candidateId, k.candidate.id)),
    ).toHaveLength(1);
  });

  it("two candidates accept the last position at once: one placement, the vacancy is filled once", async () => {
    const vacancy = await createVacancy(t.db, {
      organisationId: w.employer.organisation.id,
      createdByUserId: w.employer.user.id,
      positions: 1,
    });
    const k1 = await w.candidate();
    const k2 = await w.candidate();
    const o1 = await driveToOffer(t.db, w, k1.candidate.id, { vacancyId: vacancy.id });
    const o2 = await driveToOffer(t.db, w, k2.candidate.id, { vacancyId: vacancy.id });
    const results = await together(
      () =>
        acceptOffer(
          t.db,
          k1.context,
          { offerId: o1.offerId, expectedVersion: o1.version, consent: true },
          { now: at(4) },
        ),
      () =>
        acceptOffer(
          t.db,
          k2.context,
          { offerId: o2.offerId, expectedVersion: o2.version, consent: true },
          { now: at(4) },
        ),
    );
    expect(outcomes(results)).toEqual(["ok", "stale"]);
    expect(
      await t.db.select().from(placements).where(eq(placements.vacancyId, vacancy.id)),
    ).toHaveLength(1);
    const [v] = await t.db.select().from(vacancies).where(eq(vacancies.id, vacancy.id));
    expect(v).toMatchObject({ positionsFilled: 1, status: "filled" });
  });

  it("an acceptance racing the expiry job: accepted or expired, never both", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    const { expiresOn } = offerTerms();
    // The candidate answers on the last day; the job runs just after midnight: both at once.
    const [answer] = await together<PipelineResult | { expired: string[] }>(
      () =>
        acceptOffer(
          t.db,
          k.context,
          { offerId: o.offerId, expectedVersion: o.version, consent: true },
          { now: new Date(`${expiresOn}T21:00:00Z`) },
        ),
      () => expireOffers(t.db, new Date(`${expiresOn}T23:30:00Z`)),
    );
    const status = (await versionOf(t.db, o.proposalId)).status;
    const placed = await t.db.select().from(placements).where(eq(placements.offerId, o.offerId));
    if ((answer as PipelineResult).ok) {
      expect(status).toBe("placed");
      expect(placed).toHaveLength(1);
    } else {
      expect(status).toBe("expired");
      expect(placed).toHaveLength(0);
    }
  });
});

describe("two coaches acting on the same proposal", () => {
  it("the candidate's coach and a colleague decide at once: only the caseload coach's decision counts", async () => {
    const k = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
    );
    const results = await together(
      () =>
        decideRequest(t.db, w.contexts.coachA, {
          proposalId: req.proposalId,
          expectedVersion: 1,
          decision: "propose",
        }),
      () =>
        decideRequest(t.db, w.contexts.coachB, {
          proposalId: req.proposalId,
          expectedVersion: 1,
          decision: "decline",
          reasonCode: "other",
        }),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.error))).toEqual(["ok", "forbidden"]);
    expect(await versionOf(t.db, req.proposalId)).toEqual({ version: 2, status: "proposed" });
  });

  it("the case moves to another coach while the first has the form open: never two decisions", async () => {
    const k = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.employer, {
        publicCode: k.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
    );
    // Coach B takes over the caseload at the same moment both submit.
    const [a, , b] = await together<PipelineResult | void>(
      () =>
        decideRequest(t.db, w.contexts.coachA, {
          proposalId: req.proposalId,
          expectedVersion: 1,
          decision: "decline",
          reasonCode: "not_ready",
        }),
      async () => {
        await t.db
          .update(candidates)
          .set({ coachUserId: w.coachB.user.id })
          .where(eq(candidates.id, k.candidate.id));
      },
      () =>
        decideRequest(t.db, w.contexts.coachB, {
          proposalId: req.proposalId,
          expectedVersion: 1,
          decision: "propose",
        }),
    );
    const results = [a as PipelineResult, b as PipelineResult];
    // Never two decisions. Depending on who reads the case before or after the move, one
    // coach decides, or both are refused (A after the move, B before it): then the coach who
    // has the case now decides on the next try.
    const decided = results.filter((r) => r.ok).length;
    expect(decided).toBeLessThanOrEqual(1);
    for (const r of results.filter((r) => !r.ok))
      expect(["stale", "forbidden", "not_found"]).toContain(!r.ok && r.error);
    expect((await versionOf(t.db, req.proposalId)).version).toBe(1 + decided);
    if (decided === 0) {
      ok(await decideRequest(t.db, w.contexts.coachB, { proposalId: req.proposalId, expectedVersion: 1, decision: "propose" }));
      expect((await versionOf(t.db, req.proposalId)).version).toBe(2);
    }
    const retry = await decideRequest(t.db, w.contexts.coachA, {
      proposalId: req.proposalId,
      expectedVersion: 1,
      decision: "decline",
      reasonCode: "not_ready",
    });
    expect(retry.ok).toBe(false);
  });

  it("two coaches of one placement (job coach and the candidate's coach) log the same check-in at once", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    ok(
      await handOverPlacement(t.db, w.contexts.coachA, {
        placementId: p.placementId,
        toCoachUserId: w.coachB.user.id,
        note: "Neem jij de nazorg?",
      }),
    );
    const [week1] = await t.db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.placementId, p.placementId), eq(checkIns.week, 1)));
    const entry = {
      checkInId: week1!.id,
      withWhom: "both",
      mode: "visit",
      wellbeing: 4,
      riskFlag: "green",
    };
    const results = await together(
      () => logCheckIn(t.db, w.contexts.coachA, entry, { now: at(30) }),
      () => logCheckIn(t.db, w.contexts.coachB, entry, { now: at(30) }),
    );
    expect(outcomes(results)).toEqual(["ok", "stale"]);
    const [candidate] = await t.db
      .select({ status: candidates.status })
      .from(candidates)
      .where(eq(candidates.id, k.candidate.id));
    expect(candidate?.status).toBe("aftercare");
  });
});

describe("a double submit of the same form", () => {
  it("propose twice: one proposal", async () => {
    const k = await w.candidate();
    const input = { candidateId: k.candidate.id, vacancyId: w.vacancy.id, note: "Dubbel" };
    const results = await together(
      () => proposeCandidate(t.db, w.contexts.coachA, input),
      () => proposeCandidate(t.db, w.contexts.coachA, input),
    );
    expect(outcomes(results)).toEqual(["duplicate", "ok"]);
    expect(
      await t.db.select().from(proposals).where(eq(proposals.candidateId, k.candidate.id)),
    ).toHaveLength(1);
  });

  it("review, plan, offer, accept, decline and withdraw twice: each happens once", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    const review = () =>
      reviewProposal(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        expectedVersion: 1,
        decision: "interested",
      });
    expect(outcomes(await together(review, review))).toEqual(["ok", "stale"]);
    const plan = () =>
      planMeeting(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: 2, startsAt: at(2), location: "Hal" },
        { now: T0 },
      );
    expect(outcomes(await together(plan, plan))).toEqual(["ok", "stale"]);
    const offer = () =>
      makeOffer(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: 3, ...offerTerms() },
        { now: at(3) },
      );
    expect(outcomes(await together(offer, offer))).toEqual(["ok", "stale"]);
    expect(
      await t.db.select().from(offers).where(eq(offers.proposalId, p.proposalId)),
    ).toHaveLength(1);
    const [o] = await t.db.select().from(offers).where(eq(offers.proposalId, p.proposalId));
    const accept = () =>
      acceptOffer(
        t.db,
        k.context,
        { offerId: o!.id, expectedVersion: 4, consent: true },
        { now: at(4) },
      );
    expect(outcomes(await together(accept, accept))).toEqual(["ok", "stale"]);
    expect(await t.db.select().from(placements).where(eq(placements.offerId, o!.id))).toHaveLength(
      1,
    );

    const k2 = await w.candidate();
    const o2 = await driveToOffer(t.db, w, k2.candidate.id);
    const decline = () =>
      declineOffer(
        t.db,
        k2.context,
        { offerId: o2.offerId, expectedVersion: o2.version },
        { now: at(4) },
      );
    expect(outcomes(await together(decline, decline))).toEqual(["ok", "stale"]);

    const k3 = await w.candidate();
    const o3 = await driveToOffer(t.db, w, k3.candidate.id);
    const withdraw = () =>
      withdrawOffer(
        t.db,
        w.contexts.employer,
        { offerId: o3.offerId, expectedVersion: o3.version, reason: "Dubbel" },
        { now: at(4) },
      );
    expect(outcomes(await together(withdraw, withdraw))).toEqual(["ok", "stale"]);
  });

  it("a message sent twice is one message", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    const send = () =>
      postMessage(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        body: "Wanneer kan hij beginnen?",
      });
    const results = await together(send, send);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.ok && r.duplicate).sort()).toEqual([false, true]);
    expect(
      await t.db.select().from(messages).where(eq(messages.proposalId, p.proposalId)),
    ).toHaveLength(1);
  });

  it("ending a placement, handing a candidate over and accepting a handover twice: once each", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    const end = () =>
      endPlacement(
        t.db,
        w.contexts.coachA,
        { placementId: p.placementId, outcome: "completed", endedOn: dayOf(at(200)) },
        { now: at(200) },
      );
    expect(outcomes(await together(end, end))).toEqual(["ok", "stale"]);

    const k2 = await w.candidate();
    const handOver = () =>
      handOverCandidate(t.db, w.contexts.coachA, {
        candidateId: k2.candidate.id,
        summary: "Vrij zonder werk.",
      });
    expect(outcomes(await together(handOver, handOver))).toEqual(["ok", "stale"]);
    const [h] = await t.db
      .select()
      .from(handovers)
      .where(eq(handovers.candidateId, k2.candidate.id));
    const accept = () =>
      acceptHandover(t.db, w.contexts.municipality, {
        handoverId: h!.id,
        assignCoachUserId: w.municipalityCoach.user.id,
      });
    expect(outcomes(await together(accept, accept))).toEqual(["ok", "stale"]);
  });
});
