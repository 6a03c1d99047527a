import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkIns, emailOutbox, users } from "#db/schema";
import { createResendTransport, type EmailTransport } from "#emails/transport.server";
import { processEmailOutbox, sendDigests } from "#emails/worker.server";
import { logCheckIn, requestCheckIn, runReminders } from "~/domain/pipeline/checkins.server";
import { acceptHandover, handOverCandidate } from "~/domain/pipeline/handovers.server";
import { cancelMeeting, planMeeting, rescheduleMeeting } from "~/domain/pipeline/meetings.server";
import { acceptOffer, declineOffer, makeOffer } from "~/domain/pipeline/offers.server";
import { endPlacement } from "~/domain/pipeline/placements.server";
import {
  decideRequest,
  proposeCandidate,
  requestIntroduction,
  reviewProposal,
} from "~/domain/pipeline/proposals.server";
import { resetEnvForTests } from "~/env.server";
import { useTestDatabase } from "#tests/support/db";
import { FakeResend } from "#tests/support/fake-resend";
import {
  T0,
  at,
  createPipelineWorld,
  dayOf,
  driveToOffer,
  offerTerms,
  ok,
  type PipelineWorld,
} from "./pipeline-world";

/*
 * Every step's emails, as Resend receives them: the notification template with the step's
 * title, to exactly the people of that step (never the one who took it), sent by the outbox
 * worker through the local Resend endpoint. A user who chose the daily digest gets one digest
 * instead, through sendDigests.
 */

const t = useTestDatabase();
let w: PipelineWorld;
let fake: FakeResend;
let resend: EmailTransport;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await FakeResend.start();
  process.env.RESEND_BASE_URL = fake.url;
  process.env.APP_URL = "https://werkbrug.example";
  delete process.env.RESEND_API_KEY;
  delete process.env.EMAIL_FROM;
  resetEnvForTests();
  resend = createResendTransport({ apiKey: "re_test_pipeline" });
  w = await createPipelineWorld(t.db);
});

afterAll(async () => {
  await fake.stop();
  process.env = savedEnv;
  resetEnvForTests();
});

beforeEach(async () => {
  // Sent or not, earlier steps' mail is not this step's.
  await t.db.update(emailOutbox).set({ status: "done" }).where(eq(emailOutbox.status, "pending"));
  fake.reset();
});

/** Sends what the step queued and returns "to → subject" per delivered email, sorted. */
async function sent() {
  await processEmailOutbox({ db: t.db, transport: resend, now: new Date(Date.now() + 1_000) });
  const rows = fake.delivered.map((r) => {
    const to = Array.isArray(r.body.to) ? r.body.to[0] : r.body.to;
    return { to: to!, subject: r.body.subject ?? "", html: r.body.html ?? "" };
  });
  fake.reset();
  return rows.sort((a, b) => a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject));
}

const mail = (user: { email: string }) => user.email;

describe("emails per step, through the local Resend endpoint", () => {
  it("proposal, request, decision, review", async () => {
    const k = await w.candidate();
    const p = ok(
      await proposeCandidate(t.db, w.contexts.coachA, {
        candidateId: k.candidate.id,
        vacancyId: w.vacancy.id,
      }),
    );
    let out = await sent();
    expect(out.map((m) => m.to)).toEqual([mail(w.employer.user)]);
    expect(out[0]?.subject).toBe(`Werkbrug: Nieuw voorstel voor uw vacature ${w.vacancy.title}`);
    expect(out[0]?.html).toContain(
      `https://werkbrug.example/werkgever/voorstellen/${p.proposalId}`,
    );
    expect(out[0]?.html).not.toContain(k.identity.lastName);

    const k2 = await w.candidate();
    const req = ok(
      await requestIntroduction(t.db, w.contexts.recruiter, {
        publicCode: k2.candidate.publicCode,
        vacancyId: w.vacancy.id,
      }),
    );
    out = await sent();
    expect(out.map((m) => m.to)).toEqual([mail(w.coachA.user)]);
    expect(out[0]?.subject).toContain(`wil kennismaken met kandidaat ${k2.candidate.publicCode}`);

    ok(
      await decideRequest(t.db, w.contexts.coachA, {
        proposalId: req.proposalId,
        expectedVersion: 1,
        decision: "decline",
        reasonCode: "not_available",
      }),
    );
    out = await sent();
    // The recruiter asked, the owner created the vacancy: both hear the decision.
    expect(out.map((m) => m.to)).toEqual([mail(w.employer.user), mail(w.recruiter.user)].sort());
    expect(out[0]?.subject).toContain(
      `Kandidaat ${k2.candidate.publicCode} wordt niet voorgesteld`,
    );

    ok(
      await reviewProposal(t.db, w.contexts.employer, {
        proposalId: p.proposalId,
        expectedVersion: 1,
        decision: "interested",
      }),
    );
    out = await sent();
    expect(out.map((m) => [m.to, m.subject])).toEqual([
      [
        mail(w.coachA.user),
        `Werkbrug: ${w.employer.organisation.name} heeft interesse in kandidaat ${k.candidate.publicCode}`,
      ],
    ]);
  });

  it("meeting planned and changed, offer made and answered, placement started", async () => {
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
    await sent();

    const m = ok(
      await planMeeting(
        t.db,
        w.contexts.employer,
        {
          proposalId: p.proposalId,
          expectedVersion: 2,
          startsAt: at(2),
          location: "Industrieweg 1",
        },
        { now: T0 },
      ),
    );
    let out = await sent();
    expect(out.map((x) => x.to)).toEqual([mail(k.user), mail(w.coachA.user)].sort());
    expect(out.find((x) => x.to === mail(k.user))?.subject).toBe(
      "Werkbrug: Er is een kennismaking gepland",
    );

    ok(
      await rescheduleMeeting(
        t.db,
        w.contexts.coachA,
        {
          meetingId: m.meetingId,
          expectedVersion: 3,
          startsAt: at(3),
          location: "Hal 2",
          reason: "Verlof",
        },
        { now: T0 },
      ),
    );
    out = await sent();
    // Moved by the coach: the employer and the candidate hear of it.
    expect(out.map((x) => x.to)).toEqual([mail(k.user), mail(w.employer.user)].sort());
    expect(out[0]?.subject).toContain("Kennismaking verzet");

    ok(
      await cancelMeeting(
        t.db,
        w.contexts.employer,
        { meetingId: m.meetingId, expectedVersion: 4, reason: "Ziek" },
        { now: T0 },
      ),
    );
    out = await sent();
    expect(out.map((x) => x.to)).toEqual([mail(k.user), mail(w.coachA.user)].sort());
    const m2 = ok(
      await planMeeting(
        t.db,
        w.contexts.employer,
        {
          proposalId: p.proposalId,
          expectedVersion: 5,
          startsAt: at(2),
          videoLink: "https://meet.example/x",
        },
        { now: T0 },
      ),
    );
    await sent();

    const o = ok(
      await makeOffer(
        t.db,
        w.contexts.employer,
        { proposalId: p.proposalId, expectedVersion: m2.version, ...offerTerms() },
        { now: at(3) },
      ),
    );
    out = await sent();
    expect(out.map((x) => [x.to, x.subject])).toEqual(
      [
        [mail(k.user), `Werkbrug: U krijgt een aanbod van ${w.employer.organisation.name}`],
        [mail(w.coachA.user), `Werkbrug: Aanbod voor kandidaat ${k.candidate.publicCode}`],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );

    ok(
      await acceptOffer(
        t.db,
        k.context,
        { offerId: o.offerId, expectedVersion: o.version, consent: true },
        { now: at(4) },
      ),
    );
    out = await sent();
    const subjects = Object.fromEntries(out.map((x) => [x.to, x.subject]));
    expect(Object.keys(subjects).sort()).toEqual(
      [mail(w.coachA.user), mail(w.employer.user)].sort(),
    );
    expect(subjects[mail(w.employer.user)]).toBe(
      `Werkbrug: Kandidaat ${k.candidate.publicCode} neemt uw aanbod aan`,
    );
    // The coach hears the answer and, as job coach, the start of the placement.
    expect(
      out
        .filter((x) => x.to === mail(w.coachA.user))
        .map((x) => x.subject)
        .sort(),
    ).toEqual(
      [
        `Werkbrug: Kandidaat ${k.candidate.publicCode} heeft het aanbod aangenomen`,
        `Werkbrug: U bent jobcoach van kandidaat ${k.candidate.publicCode}`,
      ].sort(),
    );
    expect(out.find((x) => x.to === mail(w.employer.user))?.html).toContain(mail(w.coachA.user));
  });

  it("the coach answers on the candidate's behalf: the candidate still hears that the placement started", async () => {
    const k = await w.candidate();
    const o = await driveToOffer(t.db, w, k.candidate.id);
    await sent();
    ok(
      await acceptOffer(
        t.db,
        w.contexts.coachA,
        { offerId: o.offerId, expectedVersion: o.version, consent: true, candidatePresent: true },
        { now: at(4) },
      ),
    );
    const out = await sent();
    expect(out.map((x) => [x.to, x.subject])).toEqual(
      [
        [mail(k.user), "Werkbrug: Gefeliciteerd met uw nieuwe werk"],
        [
          mail(w.employer.user),
          `Werkbrug: Kandidaat ${k.candidate.publicCode} neemt uw aanbod aan`,
        ],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );

    const k2 = await w.candidate();
    const o2 = await driveToOffer(t.db, w, k2.candidate.id);
    await sent();
    ok(
      await declineOffer(
        t.db,
        k2.context,
        { offerId: o2.offerId, expectedVersion: o2.version },
        { now: at(4) },
      ),
    );
    const declined = await sent();
    expect(declined.map((x) => x.to)).toEqual([mail(w.coachA.user), mail(w.employer.user)].sort());
    expect(
      declined.every(
        (x) =>
          x.subject.includes("niet aangenomen") || x.subject.includes("neemt uw aanbod niet aan"),
      ),
    ).toBe(true);
  });

  it("check-in requested, due and overdue; placement ended; handover", async () => {
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
    await sent();
    const start = new Date(`${offerTerms().startDate}T09:00:00Z`);

    ok(
      await requestCheckIn(
        t.db,
        w.contexts.employer,
        { placementId: placed.placementId },
        { now: at(5, start) },
      ),
    );
    let out = await sent();
    expect(out.map((x) => [x.to, x.subject])).toEqual([
      [
        mail(w.coachA.user),
        `Werkbrug: ${w.employer.organisation.name} vraagt om een nazorggesprek`,
      ],
    ]);

    // (Placements of the tests above get their reminders too: look at this candidate's.)
    const mine = (rows: Awaited<ReturnType<typeof sent>>) =>
      rows.filter((x) => x.subject.includes(k.candidate.publicCode)).map((x) => [x.to, x.subject]);
    await runReminders(t.db, at(5, start));
    expect(mine(await sent())).toEqual([
      [
        mail(w.coachA.user),
        `Werkbrug: Nazorggesprek week 1 met kandidaat ${k.candidate.publicCode}`,
      ],
    ]);
    await runReminders(t.db, at(9, start));
    expect(mine(await sent())).toEqual([
      [mail(w.coachA.user), `Werkbrug: Nazorggesprek te laat: kandidaat ${k.candidate.publicCode}`],
    ]);

    const [week1] = await t.db
      .select()
      .from(checkIns)
      .where(eq(checkIns.placementId, placed.placementId))
      .orderBy(checkIns.week);
    ok(
      await logCheckIn(
        t.db,
        w.contexts.coachA,
        {
          checkInId: week1!.id,
          withWhom: "both",
          mode: "visit",
          wellbeing: 4,
          riskFlag: "green",
          coachNotes: "GEHEIM",
        },
        { now: at(10, start) },
      ),
    );
    expect(await sent()).toEqual([]);

    ok(
      await endPlacement(
        t.db,
        w.contexts.coachA,
        {
          placementId: placed.placementId,
          outcome: "ended_early",
          endedOn: dayOf(at(20, start)),
          reason: "Contract gestopt",
        },
        { now: at(20, start) },
      ),
    );
    out = await sent();
    expect(out.map((x) => x.to)).toEqual([mail(k.user), mail(w.employer.user)].sort());
    expect(out.every((x) => x.subject === `Werkbrug: Plaatsing gestopt: ${w.vacancy.title}`)).toBe(
      true,
    );
    expect(out.map((x) => x.html).join("")).not.toContain("GEHEIM");

    const k2 = await w.candidate();
    const h = ok(
      await handOverCandidate(t.db, w.contexts.coachA, {
        candidateId: k2.candidate.id,
        summary: "Vrij zonder werk.",
      }),
    );
    out = await sent();
    expect(out.map((x) => [x.to, x.subject])).toEqual([
      [
        mail(w.municipality.user),
        `Werkbrug: Overdracht van kandidaat ${k2.candidate.publicCode} aan uw gemeente`,
      ],
    ]);
    ok(
      await acceptHandover(t.db, w.contexts.municipality, {
        handoverId: h.handoverId,
        assignCoachUserId: w.municipalityCoach.user.id,
      }),
    );
    out = await sent();
    expect(out.map((x) => x.to)).toEqual(
      [mail(w.coachA.user), mail(w.municipalityCoach.user)].sort(),
    );
  });
});

describe("daily digest", () => {
  it("a digest user gets the day's pipeline messages in one digest email", async () => {
    await t.db.update(users).set({ emailDigest: true }).where(eq(users.id, w.coachA.user.id));
    try {
      const k = await w.candidate();
      const o = await driveToOffer(t.db, w, k.candidate.id); // interest, meeting, offer: three messages for the coach
      const placed = ok(
        await acceptOffer(
          t.db,
          k.context,
          { offerId: o.offerId, expectedVersion: o.version, consent: true },
          { now: at(4) },
        ),
      );
      expect(placed.placementId).toBeDefined();
      // Nothing to the coach one by one…
      const out = await sent();
      expect(out.map((x) => x.to)).not.toContain(mail(w.coachA.user));
      const waiting = await t.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.digestUserId, w.coachA.user.id));
      expect(waiting.filter((r) => r.status === "pending").length).toBeGreaterThanOrEqual(4);

      // …and the next morning one digest.
      const tomorrow = new Date(Date.now() + 86_400_000);
      const result = await sendDigests({ db: t.db, now: tomorrow });
      expect(result.digests).toBe(1);
      const digest = await sent();
      expect(digest).toHaveLength(1);
      expect(digest[0]?.to).toBe(mail(w.coachA.user));
      expect(digest[0]?.subject).toMatch(/^Werkbrug: \d+ nieuwe meldingen/);
      expect(digest[0]?.html).toContain(`Aanbod voor kandidaat ${k.candidate.publicCode}`);
      expect(digest[0]?.html).toContain(`U bent jobcoach van kandidaat ${k.candidate.publicCode}`);
      expect((await sendDigests({ db: t.db, now: tomorrow })).digests).toBe(0);
      const rows = await t.db
        .select()
        .from(emailOutbox)
        .where(
          inArray(
            emailOutbox.id,
            waiting.map((r) => r.id),
          ),
        );
      expect(rows.every((r) => r.status === "done")).toBe(true);
    } finally {
      await t.db.update(users).set({ emailDigest: false }).where(eq(users.id, w.coachA.user.id));
    }
  });
});
