import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  candidateProfiles,
  candidates,
  checkIns,
  consents,
  handovers,
  notifications,
  offers,
  placements,
  proposals,
} from "#db/schema";
import { consentOverview, revokeConsent } from "~/domain/candidates/consent.server";
import {
  coachCheckIns,
  logCheckIn,
  requestCheckIn,
  runReminders,
} from "~/domain/pipeline/checkins.server";
import type { PipelineResult } from "~/domain/pipeline/errors";
import {
  acceptHandover,
  assignHandoverCoach,
  handOverCandidate,
  handoverDraft,
  listHandovers,
} from "~/domain/pipeline/handovers.server";
import { acceptOffer } from "~/domain/pipeline/offers.server";
import { endPlacement, handOverPlacement } from "~/domain/pipeline/placements.server";
import { getPlacement, listPlacements, releasesWithoutJob } from "~/domain/pipeline/queries.server";
import { runScheduledJobs, startPipelineScheduler } from "~/workers/scheduler.server";
import { useTestDatabase } from "#tests/support/db";
import { createMember } from "#tests/support/factories";
import {
  T0,
  at,
  as,
  createPipelineWorld,
  dayOf,
  driveToOffer,
  driveToPlacement,
  offerTerms,
  ok,
  type PipelineWorld,
} from "./pipeline-world";

/*
 * After the offer: the placement with its job coach and aftercare plan, check-ins and
 * reminders on a moving clock, what the employer may see (identity only under consent; never
 * coach notes), the end of a placement and the candidate's lifecycle, and the handover of a
 * candidate without a job to the municipality of origin.
 */

const t = useTestDatabase();
let w: PipelineWorld;

beforeAll(async () => {
  w = await createPipelineWorld(t.db);
});

function failed(result: PipelineResult, error: string) {
  expect(result.ok ? "ok" : result.error, JSON.stringify(result)).toBe(error);
}

const start = offerTerms().startDate; // T0 + 21 days
const startAt = (days: number, hour = 10) =>
  new Date(
    new Date(`${start}T${String(hour - 1).padStart(2, "0")}:00:00Z`).getTime() + days * 86_400_000,
  );

async function planOf(placementId: string) {
  return t.db
    .select()
    .from(checkIns)
    .where(eq(checkIns.placementId, placementId))
    .orderBy(checkIns.week);
}

async function statusOf(candidateId: string) {
  const [row] = await t.db
    .select({ status: candidates.status })
    .from(candidates)
    .where(eq(candidates.id, candidateId));
  return row!.status;
}

describe("the placement and its aftercare plan", () => {
  it("starts with the proposing coach as job coach and check-ins at weeks 1, 2, 4, 13, 26, 52", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    expect(p.jobCoachUserId).toBe(w.coachA.user.id);
    const plan = await planOf(p.placementId);
    expect(plan.map((c) => [c.week, c.dueOn])).toEqual(
      [1, 2, 4, 13, 26, 52].map((week) => [
        week,
        dayOf(new Date(new Date(`${start}T12:00:00Z`).getTime() + week * 7 * 86_400_000)),
      ]),
    );
    expect(await statusOf(k.candidate.id)).toBe("placed");
  });

  it("without a proposing coach (demo data), the candidate's own coach becomes the job coach", async () => {
    const k = await w.candidate();
    const [p] = await t.db
      .insert(proposals)
      .values({
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
        status: "offer_made",
        proposedByUserId: null,
        requestedByUserId: w.employer.user.id,
        version: 5,
      })
      .returning();
    const [offer] = await t.db
      .insert(offers)
      .values({
        proposalId: p!.id,
        status: "open",
        startDate: start,
        hoursPerWeek: 24,
        contractType: "tijdelijk",
        expiresOn: dayOf(at(7)),
      })
      .returning();
    const r = ok(
      await acceptOffer(
        t.db,
        w.contexts.coachA,
        { offerId: offer!.id, expectedVersion: 5, consent: true, candidatePresent: true },
        { now: at(4) },
      ),
    );
    expect(r.jobCoachUserId).toBe(w.coachA.user.id);
  });

  it("logs check-ins once, by the job coach; the first one moves the candidate to aftercare", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    const [week1, week2] = await planOf(p.placementId);
    const entry = {
      checkInId: week1!.id,
      withWhom: "both",
      mode: "visit",
      wellbeing: 4,
      riskFlag: "green",
      actions: "Werkschoenen regelen",
      coachNotes: "Slaapt slecht, let op.",
    };
    failed(await logCheckIn(t.db, w.contexts.employer, entry), "forbidden");
    failed(await logCheckIn(t.db, k.context, entry), "forbidden");
    failed(await logCheckIn(t.db, w.contexts.coachB, entry), "forbidden");
    failed(await logCheckIn(t.db, w.contexts.coachOther, entry), "not_found");
    failed(await logCheckIn(t.db, w.contexts.coachA, { ...entry, wellbeing: 6 }), "invalid_input");
    failed(
      await logCheckIn(
        t.db,
        w.contexts.coachA,
        { ...entry, heldOn: dayOf(at(400)) },
        { now: startAt(8) },
      ),
      "invalid_input",
    );
    const r = ok(await logCheckIn(t.db, w.contexts.coachA, entry, { now: startAt(8) }));
    expect(r.candidateStatus).toBe("aftercare");
    failed(await logCheckIn(t.db, w.contexts.coachA, entry, { now: startAt(8) }), "stale");
    ok(
      await logCheckIn(
        t.db,
        w.contexts.coachA,
        { ...entry, checkInId: week2!.id, riskFlag: "amber", wellbeing: 3 },
        { now: startAt(15) },
      ),
    );
    expect(await statusOf(k.candidate.id)).toBe("aftercare");
  });

  it("shows the employer the job coach and the plan, never coach notes, wellbeing or risk flags", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    const [week1] = await planOf(p.placementId);
    ok(
      await logCheckIn(
        t.db,
        w.contexts.coachA,
        {
          checkInId: week1!.id,
          withWhom: "candidate",
          mode: "phone",
          wellbeing: 2,
          riskFlag: "red",
          actions: "Schuldhulp bellen",
          coachNotes: "GEHEIME-NOTITIE",
        },
        { now: startAt(7) },
      ),
    );
    const view = ok(
      await getPlacement(t.db, w.contexts.employer, p.placementId, { now: startAt(8) }),
    ).placement;
    expect(view.party).toBe("employer");
    expect(view.jobCoach).toMatchObject({ name: "Coach Anna", email: w.coachA.user.email });
    const json = JSON.stringify(view);
    for (const hidden of [
      "GEHEIME-NOTITIE",
      "Schuldhulp",
      "coachNotes",
      "wellbeing",
      "riskFlag",
      "handoverNote",
    ])
      expect(json).not.toContain(hidden);
    expect(view.checkIns[0]).toEqual({
      id: week1!.id,
      week: 1,
      dueOn: week1!.dueOn,
      state: "done",
      requestedByEmployer: false,
    });
    // The coach sees everything.
    const coachView = ok(
      await getPlacement(t.db, w.contexts.coachA, p.placementId, { now: startAt(8) }),
    ).placement;
    expect(coachView.party === "jobCoach" && coachView.checkIns[0]?.coachNotes).toBe(
      "GEHEIME-NOTITIE",
    );
    // Other tenants see nothing.
    failed(await getPlacement(t.db, w.contexts.employer2, p.placementId), "not_found");
    failed(await getPlacement(t.db, w.contexts.coachOther, p.placementId), "not_found");
    // Lists: each side its own.
    expect((await listPlacements(t.db, w.contexts.employer)).map((r) => r.id)).toContain(
      p.placementId,
    );
    expect((await listPlacements(t.db, w.contexts.employer2)).map((r) => r.id)).not.toContain(
      p.placementId,
    );
    expect((await listPlacements(t.db, k.context)).map((r) => r.id)).toEqual([p.placementId]);
  });

  it("shows identity only under an active consent; revoking hides it at once while the placement continues", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    failed(
      await getPlacement(t.db, w.contexts.employer, "00000000-0000-4000-8000-000000000000"),
      "not_found",
    );
    const accepted = ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    const withConsent = ok(
      await getPlacement(t.db, w.contexts.employer, accepted.placementId),
    ).placement;
    expect(withConsent.party === "employer" && withConsent.identity).toMatchObject({
      firstName: k.identity.firstName,
      lastName: k.identity.lastName,
    });
    const [consent] = await t.db.select().from(consents).where(eq(consents.id, accepted.consentId));
    expect(consent).toMatchObject({
      organisationId: w.employer.organisation.id,
      offerId: o.offerId,
      revokedAt: null,
    });
    expect(
      (await consentOverview(t.db, k.context)).find((s) => s.proposalId === o.proposalId)?.active,
    ).not.toBeNull();

    expect((await revokeConsent(t.db, k.context, accepted.consentId)).ok).toBe(true);
    const afterRevoke = ok(
      await getPlacement(t.db, w.contexts.employer, accepted.placementId),
    ).placement;
    expect(afterRevoke.party === "employer" && afterRevoke.identity).toBeNull();
    expect(JSON.stringify(afterRevoke)).not.toContain(k.identity.lastName);
    expect(afterRevoke.status).toBe("active");
    expect(await statusOf(k.candidate.id)).toBe("placed");
  });

  it("lets the employer ask for a check-in; the job coach hears of it, and sees it first", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    failed(
      await requestCheckIn(t.db, w.contexts.coachA, { placementId: p.placementId }),
      "forbidden",
    );
    failed(
      await requestCheckIn(t.db, w.contexts.employer2, { placementId: p.placementId }),
      "not_found",
    );
    // Day 40: week 4 done? No: nothing logged, so week 1, 2, 4 are overdue; week 13 is far off.
    const r = ok(
      await requestCheckIn(
        t.db,
        w.contexts.recruiter,
        { placementId: p.placementId },
        { now: startAt(40) },
      ),
    );
    expect(r.alreadyRequested).toBe(false);
    expect(
      ok(
        await requestCheckIn(
          t.db,
          w.contexts.employer,
          { placementId: p.placementId },
          { now: startAt(41) },
        ),
      ).alreadyRequested,
    ).toBe(true);
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.coachA.user.id),
          eq(notifications.kind, "pipeline.checkin.requested"),
        ),
      );
    expect(n?.link).toBe(`/coach/plaatsingen/${p.placementId}`);
    const list = (await coachCheckIns(t.db, w.contexts.coachA, { now: startAt(40) })).filter(
      (c) => c.placementId === p.placementId,
    );
    expect(list.map((c) => c.state).slice(0, 3)).toEqual(["overdue", "overdue", "overdue"]);
    expect(list.some((c) => c.requestedByEmployer)).toBe(true);
  });
});

describe("overdue check-ins and reminders on a moving clock", () => {
  it("reminds the job coach when due, when overdue and weekly after; once, also with several workers at once", async () => {
    // A world of its own so other tests' placements do not count.
    const coach = await createMember(t.db, { role: "coach", user: { name: "Coach Klok" } });
    const coachContext = await as(t.db, coach);
    const k = await w.candidate({ coach: { user: coach.user, organisation: coach.organisation } });
    const { proposeCandidate } = await import("~/domain/pipeline/proposals.server");
    const { reviewProposal } = await import("~/domain/pipeline/proposals.server");
    const { planMeeting } = await import("~/domain/pipeline/meetings.server");
    const { makeOffer } = await import("~/domain/pipeline/offers.server");
    const pr = ok(
      await proposeCandidate(
        t.db,
        coachContext,
        { candidateId: k.candidate.id, vacancyId: w.vacancy.id },
        { now: T0 },
      ),
    );
    ok(
      await reviewProposal(
        t.db,
        w.contexts.employer,
        { proposalId: pr.proposalId, expectedVersion: 1, decision: "interested" },
        { now: T0 },
      ),
    );
    const m = ok(
      await planMeeting(
        t.db,
        w.contexts.employer,
        { proposalId: pr.proposalId, expectedVersion: 2, startsAt: at(2), location: "Hal" },
        { now: T0 },
      ),
    );
    const o = ok(
      await makeOffer(
        t.db,
        w.contexts.employer,
        { proposalId: pr.proposalId, expectedVersion: m.version, ...offerTerms() },
        { now: at(3) },
      ),
    );
    const placed = ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );

    const reminders = async (kind: "due" | "overdue") =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, coach.user.id),
              eq(notifications.kind, `pipeline.checkin.${kind}`),
            ),
          )
      ).length;
    const mine = async (now: Date) =>
      (await coachCheckIns(t.db, coachContext, { now })).filter(
        (c) => c.placementId === placed.placementId,
      );

    // Day 3: nothing due yet (week 1 is due on day 7; reminders start 3 days before).
    await runReminders(t.db, startAt(3));
    expect(await reminders("due")).toBe(0);
    // Day 4: week 1 is due soon. Three workers at once send one reminder.
    await Promise.all([
      runReminders(t.db, startAt(4)),
      runReminders(t.db, startAt(4)),
      runReminders(t.db, startAt(4)),
    ]);
    expect(await reminders("due")).toBe(1);
    expect((await mine(startAt(4)))[0]).toMatchObject({ week: 1, state: "due" });
    await runReminders(t.db, startAt(6));
    expect(await reminders("due")).toBe(1);
    // Day 8: overdue, shown first, reminded once.
    expect((await mine(startAt(8)))[0]).toMatchObject({ week: 1, state: "overdue" });
    await Promise.all([runReminders(t.db, startAt(8)), runReminders(t.db, startAt(8))]);
    expect(await reminders("overdue")).toBe(1);
    await runReminders(t.db, startAt(10));
    expect(await reminders("overdue")).toBe(1);
    // Day 15: a week later, week 1 is still overdue (reminded again); week 2 (due day 14) is overdue (first time).
    await runReminders(t.db, startAt(15));
    expect(await reminders("overdue")).toBe(3);
    // Logging stops the reminders for that check-in.
    const [week1, week2] = await planOf(placed.placementId);
    for (const c of [week1!, week2!]) {
      ok(
        await logCheckIn(
          t.db,
          coachContext,
          { checkInId: c.id, withWhom: "both", mode: "phone", wellbeing: 4, riskFlag: "green" },
          { now: startAt(16) },
        ),
      );
    }
    await runReminders(t.db, startAt(23));
    expect(await reminders("overdue")).toBe(3);
    // Week 4 (day 28): due on day 25..28.
    await runReminders(t.db, startAt(26));
    expect(await reminders("due")).toBe(2);
    // An ended placement gets no reminders; its later check-ins are dropped.
    ok(
      await endPlacement(
        t.db,
        coachContext,
        {
          placementId: placed.placementId,
          outcome: "ended_early",
          endedOn: dayOf(startAt(27)),
          reason: "Werk paste niet",
        },
        { now: startAt(27) },
      ),
    );
    await runScheduledJobs(t.db, startAt(40));
    expect(await reminders("overdue")).toBe(3);
    expect((await planOf(placed.placementId)).map((c) => c.week)).toEqual([1, 2]);
  });
});

describe("handing a placement to another coach", () => {
  it("changes the job coach, with a note; the new coach logs, the employer sees the new name", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    failed(
      await handOverPlacement(t.db, w.contexts.coachA, {
        placementId: p.placementId,
        toCoachUserId: w.coachOther.user.id,
        note: "Graag overnemen",
      }),
      "invalid_coach",
    );
    failed(
      await handOverPlacement(t.db, w.contexts.coachA, {
        placementId: p.placementId,
        toCoachUserId: w.employer.user.id,
        note: "x",
      }),
      "invalid_coach",
    );
    failed(
      await handOverPlacement(t.db, w.contexts.employer, {
        placementId: p.placementId,
        toCoachUserId: w.coachB.user.id,
        note: "x",
      }),
      "forbidden",
    );
    const r = ok(
      await handOverPlacement(t.db, w.contexts.coachA, {
        placementId: p.placementId,
        toCoachUserId: w.coachB.user.id,
        note: "Ik ga met verlof; afspraken staan in het dossier.",
      }),
    );
    expect(r.jobCoachUserId).toBe(w.coachB.user.id);
    const [row] = await t.db.select().from(placements).where(eq(placements.id, p.placementId));
    expect(row?.handoverNote).toContain("verlof");
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.coachB.user.id),
          eq(notifications.kind, "pipeline.placement.handed_over"),
        ),
      );
    expect(n?.body).not.toContain("verlof"); // the note stays in the portal
    const [week1] = await planOf(p.placementId);
    ok(
      await logCheckIn(
        t.db,
        w.contexts.coachB,
        {
          checkInId: week1!.id,
          withWhom: "candidate",
          mode: "video",
          wellbeing: 5,
          riskFlag: "green",
        },
        { now: startAt(7) },
      ),
    );
    const view = ok(await getPlacement(t.db, w.contexts.employer, p.placementId)).placement;
    expect(view.jobCoach.name).toBe("Coach Bram");
    // The municipality's coach of the candidate's municipality of origin is a valid choice too.
    ok(
      await handOverPlacement(t.db, w.contexts.coachB, {
        placementId: p.placementId,
        toCoachUserId: w.municipalityCoach.user.id,
        note: "Terug naar de gemeente",
      }),
    );
  });
});

describe("ending a placement", () => {
  it("completed: the candidate's case is closed; a second submit is stale", async () => {
    const k = await w.candidate();
    const p = await driveToPlacement(t.db, w, k);
    failed(
      await endPlacement(
        t.db,
        w.contexts.employer,
        { placementId: p.placementId, outcome: "completed", endedOn: dayOf(startAt(186)) },
        { now: startAt(186) },
      ),
      "forbidden",
    );
    failed(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        { placementId: p.placementId, outcome: "completed", endedOn: dayOf(startAt(200)) },
        { now: startAt(186) },
      ),
      "invalid_input",
    );
    failed(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        { placementId: p.placementId, outcome: "ended_early", endedOn: dayOf(startAt(100)) },
        { now: startAt(186) },
      ),
      "invalid_input",
    );
    const r = ok(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        { placementId: p.placementId, outcome: "completed", endedOn: dayOf(startAt(186)) },
        { now: startAt(186) },
      ),
    );
    expect(r).toMatchObject({ status: "completed", candidateStatus: "closed" });
    failed(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        { placementId: p.placementId, outcome: "completed", endedOn: dayOf(startAt(186)) },
        { now: startAt(186) },
      ),
      "stale",
    );
    const view = ok(
      await getPlacement(t.db, w.contexts.coachA, p.placementId, { now: startAt(400) }),
    ).placement;
    expect(view.retention).toEqual({
      1: "retained",
      3: "retained",
      6: "retained",
      12: "completed",
    });
  });

  it("ended early: published again when the profile is still confirmed, else paused", async () => {
    const fine = await w.candidate();
    const p1 = await driveToPlacement(t.db, w, fine);
    const r1 = ok(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        {
          placementId: p1.placementId,
          outcome: "ended_early",
          endedOn: dayOf(startAt(30)),
          reason: "Proeftijd niet gehaald",
        },
        { now: startAt(31) },
      ),
    );
    expect(r1.candidateStatus).toBe("published");

    const stale = await w.candidate();
    const p2 = await driveToPlacement(t.db, w, stale);
    await t.db
      .update(candidateProfiles)
      .set({ confirmedByCandidateAt: null })
      .where(eq(candidateProfiles.candidateId, stale.candidate.id));
    const r2 = ok(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        {
          placementId: p2.placementId,
          outcome: "ended_early",
          endedOn: dayOf(startAt(30)),
          reason: "Ziek",
        },
        { now: startAt(31) },
      ),
    );
    expect(r2.candidateStatus).toBe("paused");
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.employer.user.id),
          eq(notifications.kind, "pipeline.placement.ended_early"),
        ),
      );
    expect(n).toBeDefined();
  });
});

describe("handover to the municipality of origin", () => {
  it("coach hands over with a summary; the coordinator accepts and assigns a coach of their own", async () => {
    const k = await w.candidate();
    const draft = ok(await handoverDraft(t.db, w.contexts.coachA, k.candidate.id)).summary;
    expect(draft).toContain("Basisvoorwaarden");
    failed(await handoverDraft(t.db, w.contexts.coachOther, k.candidate.id), "not_found");
    failed(
      await handOverCandidate(t.db, w.contexts.employer, {
        candidateId: k.candidate.id,
        summary: draft,
      }),
      "forbidden",
    );
    failed(
      await handOverCandidate(t.db, w.contexts.coachB, {
        candidateId: k.candidate.id,
        summary: draft,
      }),
      "not_found",
    );
    const h = ok(
      await handOverCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        summary: `${draft}\nGeen werk gevonden voor de vrijlating.`,
      }),
    );
    expect(h.status).toBe("open");
    expect(await statusOf(k.candidate.id)).toBe("handed_over");
    failed(
      await handOverCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        summary: draft,
      }),
      "stale",
    );
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.municipality.user.id),
          eq(notifications.kind, "pipeline.handover.created"),
        ),
      );
    expect(n?.link).toBe(`/gemeente/overdrachten/${h.handoverId}`);
    expect((await listHandovers(t.db, w.contexts.municipality)).map((x) => x.id)).toContain(
      h.handoverId,
    );
    expect(await listHandovers(t.db, w.contexts.otherCoordinator)).toEqual([]);

    failed(
      await acceptHandover(t.db, w.contexts.otherCoordinator, { handoverId: h.handoverId }),
      "not_found",
    );
    failed(
      await acceptHandover(t.db, w.contexts.coachA, { handoverId: h.handoverId }),
      "forbidden",
    );
    failed(
      await acceptHandover(t.db, w.contexts.municipality, {
        handoverId: h.handoverId,
        assignCoachUserId: w.coachB.user.id,
      }),
      "invalid_coach",
    );
    ok(
      await acceptHandover(t.db, w.contexts.municipality, {
        handoverId: h.handoverId,
        assignCoachUserId: w.municipalityCoach.user.id,
      }),
    );
    failed(
      await acceptHandover(t.db, w.contexts.municipality, { handoverId: h.handoverId }),
      "stale",
    );
    const [candidate] = await t.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, k.candidate.id));
    expect(candidate).toMatchObject({
      coachUserId: w.municipalityCoach.user.id,
      coachingOrganisationId: w.municipality.organisation.id,
      status: "handed_over",
    });
    const [row] = await t.db.select().from(handovers).where(eq(handovers.id, h.handoverId));
    expect(row).toMatchObject({
      status: "accepted",
      acceptedByUserId: w.municipality.user.id,
      assignedCoachUserId: w.municipalityCoach.user.id,
    });
    expect(
      (
        await t.db
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, w.coachA.user.id),
              eq(notifications.kind, "pipeline.handover.accepted"),
            ),
          )
      ).length,
    ).toBe(1);
    expect(
      (
        await t.db
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, w.municipalityCoach.user.id),
              eq(notifications.kind, "pipeline.handover.assigned"),
            ),
          )
      ).length,
    ).toBe(1);
  });

  it("prison staff hand over their own prison's candidates; the coach can be assigned later", async () => {
    const k = await w.candidate({ candidate: { status: "intake" } });
    failed(
      await handOverCandidate(t.db, w.contexts.otherPrison, {
        candidateId: k.candidate.id,
        summary: "Samenvatting",
      }),
      "not_found",
    );
    const h = ok(
      await handOverCandidate(t.db, w.contexts.prison, {
        candidateId: k.candidate.id,
        summary: "Vrij zonder werk. Woning geregeld.",
      }),
    );
    ok(await acceptHandover(t.db, w.contexts.municipality, { handoverId: h.handoverId }));
    failed(
      await assignHandoverCoach(t.db, w.contexts.municipality, {
        handoverId: h.handoverId,
        coachUserId: w.coachA.user.id,
      }),
      "invalid_coach",
    );
    ok(
      await assignHandoverCoach(t.db, w.contexts.municipality, {
        handoverId: h.handoverId,
        coachUserId: w.municipalityCoach.user.id,
      }),
    );
  });

  it("refuses placed candidates and municipalities that are not on Werkbrug", async () => {
    const placed = await w.candidate();
    await driveToPlacement(t.db, w, placed);
    failed(
      await handOverCandidate(t.db, w.contexts.coachA, {
        candidateId: placed.candidate.id,
        summary: "x",
      }),
      "invalid_transition",
    );
    const elsewhere = await w.candidate({ candidate: { municipalityCode: "0014" } });
    failed(
      await handOverCandidate(t.db, w.contexts.coachA, {
        candidateId: elsewhere.candidate.id,
        summary: "x",
      }),
      "no_municipality",
    );
  });

  it("prison staff see releases coming up without a job in view", async () => {
    const soon = await w.candidate({ candidate: { releaseDate: dayOf(at(30, new Date())) } });
    const busy = await w.candidate({ candidate: { releaseDate: dayOf(at(30, new Date())) } });
    await driveToOffer(t.db, w, busy.candidate.id, { now: new Date() });
    const list = await releasesWithoutJob(t.db, w.contexts.prison);
    expect(list.map((r) => r.id)).toContain(soon.candidate.id);
    expect(list.map((r) => r.id)).not.toContain(busy.candidate.id);
    expect(await releasesWithoutJob(t.db, w.contexts.otherPrison)).toEqual([]);
  });
});

describe("the whole story, clock moved to six months", () => {
  it("proposal → offer → acceptance with consent → placement → check-ins → completed", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    const placed = ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    for (const [i, c] of (await planOf(placed.placementId)).slice(0, 4).entries()) {
      ok(
        await logCheckIn(
          t.db,
          w.contexts.coachA,
          {
            checkInId: c.id,
            withWhom: i % 2 ? "employer" : "both",
            mode: "visit",
            wellbeing: 4,
            riskFlag: "green",
          },
          { now: new Date(`${c.dueOn}T12:00:00Z`) },
        ),
      );
    }
    const end = ok(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        { placementId: placed.placementId, outcome: "completed", endedOn: dayOf(startAt(186)) },
        { now: startAt(186) },
      ),
    );
    expect(end.candidateStatus).toBe("closed");
    const view = ok(
      await getPlacement(t.db, w.contexts.employer, placed.placementId, { now: startAt(186) }),
    ).placement;
    expect(view).toMatchObject({
      status: "completed",
      jobCoach: { name: "Coach Anna" },
      retention: { 1: "retained", 3: "retained", 6: "retained", 12: "completed" },
    });
  });
});

describe("the scheduler loop", () => {
  it("runs offer expiry and reminders on its clock, and stops after the current round", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    const stop = startPipelineScheduler({ db: t.db, intervalMs: 60_000, now: () => at(30) });
    await stop();
    const [row] = await t.db
      .select({ status: proposals.status })
      .from(proposals)
      .where(eq(proposals.id, o.proposalId));
    expect(row?.status).toBe("expired");
    const round = await runScheduledJobs(t.db, at(30), { vacancies: true });
    expect(round.expiredOffers).toBe(0);
  });
});
