import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "#db/client.server";
import { type Organisation, type User, proposals, offers } from "#db/schema";
import { type AuthContext, createSession, getAuthContextForToken } from "~/auth/session.server";
import type { PipelineResult } from "~/domain/pipeline/errors";
import { acceptOffer, makeOffer } from "~/domain/pipeline/offers.server";
import { planMeeting } from "~/domain/pipeline/meetings.server";
import { proposeCandidate, reviewProposal } from "~/domain/pipeline/proposals.server";
import {
  type CreatedCandidate,
  type Member,
  createCandidate,
  createMember,
  createOrganisation,
  createUser,
  createVacancy,
} from "#tests/support/factories";

/*
 * The pipeline's test world: a coaching organisation with two coaches, a second coaching
 * organisation, two verified employers and an unverified one, a municipality with a coordinator
 * and a coach, and published candidates on coach A's caseload (with accounts). `as(...)` gives
 * the AuthContext of a member through a real session, exactly as a loader would get it.
 */

export const DAY = 86_400_000;

/** A fixed clock for the tests: 2 March 2026, 10:00 Dutch time. */
export const T0 = new Date("2026-03-02T09:00:00Z");
export const at = (days: number, from: Date = T0) => new Date(from.getTime() + days * DAY);
export const dayOf = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(date);

export async function contextOf(
  db: Database,
  userId: string,
  membershipId: string | null,
): Promise<AuthContext> {
  const { token } = await createSession(db, userId, membershipId);
  const context = await getAuthContextForToken(token);
  if (!context) throw new Error("no context");
  return context;
}

export const as = (db: Database, member: Member) =>
  contextOf(db, member.user.id, member.membership.id);

export type Person = { user: User; context: AuthContext };

export async function createPipelineWorld(db: Database) {
  const coachA = await createMember(db, { role: "coach", user: { name: "Coach Anna" } });
  const coachB = await createMember(db, {
    role: "coach",
    organisation: coachA.organisation,
    user: { name: "Coach Bram" },
  });
  const coachOther = await createMember(db, { role: "coach", user: { name: "Coach Elders" } });
  const prison = await createMember(db, { role: "prison_staff" });
  const otherPrison = await createMember(db, { role: "prison_staff" });
  const municipality = await createMember(db, {
    role: "municipality_coordinator",
    organisation: { municipalityCode: "0995", name: "Gemeente Lelystad" },
  });
  const municipalityCoach = await createMember(db, {
    role: "coach",
    organisation: municipality.organisation,
    user: { name: "Coach Gemeente" },
  });
  const otherCoordinator = await createMember(db, {
    role: "municipality_coordinator",
    organisation: { municipalityCode: "0363" },
  });
  const employer = await createMember(db, {
    role: "employer_owner",
    isOrgAdmin: true,
    user: { name: "Werkgever Eva" },
  });
  const recruiter = await createMember(db, {
    role: "employer_recruiter",
    organisation: employer.organisation,
  });
  const employer2 = await createMember(db, {
    role: "employer_owner",
    isOrgAdmin: true,
    user: { name: "Werkgever Twee" },
  });
  const unverified = await createMember(db, {
    role: "employer_owner",
    organisation: { verificationStatus: "unverified", verifiedAt: null },
  });
  const admin = await createMember(db, { role: "platform_admin" });

  const vacancy = await createVacancy(db, {
    organisationId: employer.organisation.id,
    createdByUserId: employer.user.id,
    positions: 50,
  });
  const vacancy2 = await createVacancy(db, {
    organisationId: employer2.organisation.id,
    createdByUserId: employer2.user.id,
  });
  const unverifiedVacancy = await createVacancy(db, {
    organisationId: unverified.organisation.id,
    createdByUserId: unverified.user.id,
    status: "open",
  });

  const contexts = {
    coachA: await as(db, coachA),
    coachB: await as(db, coachB),
    coachOther: await as(db, coachOther),
    prison: await as(db, prison),
    otherPrison: await as(db, otherPrison),
    municipality: await as(db, municipality),
    municipalityCoach: await as(db, municipalityCoach),
    otherCoordinator: await as(db, otherCoordinator),
    employer: await as(db, employer),
    recruiter: await as(db, recruiter),
    employer2: await as(db, employer2),
    unverified: await as(db, unverified),
    admin: await as(db, admin),
  };

  return {
    coachA,
    coachB,
    coachOther,
    prison,
    municipality,
    municipalityCoach,
    employer,
    recruiter,
    employer2,
    unverified,
    vacancy,
    vacancy2,
    unverifiedVacancy,
    contexts,
    /** A published candidate on coach A's caseload, with an account; returns its context too. */
    async candidate(
      overrides: Parameters<typeof createCandidate>[1] = {},
    ): Promise<CreatedCandidate & { context: AuthContext; user: User }> {
      const user = await createUser(db, { name: "Kandidaat Karim" });
      const created = await createCandidate(db, {
        coach: { user: coachA.user, organisation: coachA.organisation },
        prison: prison.organisation,
        ...overrides,
        candidate: { userId: user.id, ...overrides.candidate },
      });
      return { ...created, user, context: await contextOf(db, user.id, null) };
    },
  };
}

export type PipelineWorld = Awaited<ReturnType<typeof createPipelineWorld>>;

/** Unwraps an ok result (fails the test with the error otherwise). */
export function ok<T extends object>(result: PipelineResult<T>): T & { ok: true } {
  if (!result.ok) expect.fail(`expected ok, got ${result.error}: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

export async function versionOf(db: Database, proposalId: string) {
  const [row] = await db
    .select({ version: proposals.version, status: proposals.status })
    .from(proposals)
    .where(eq(proposals.id, proposalId));
  return row!;
}

export async function openOfferOf(db: Database, proposalId: string) {
  const [row] = await db.select().from(offers).where(eq(offers.proposalId, proposalId));
  return row!;
}

export const offerTerms = (now: Date = T0) => ({
  startDate: dayOf(at(21, now)),
  hoursPerWeek: 32,
  contractType: "tijdelijk",
  wageIndication: "€ 15 per uur",
  firstDayDetails: "Melden bij de receptie om 07:30.",
  expiresOn: dayOf(at(7, now)),
});

/** Coach proposes → employer interested → meeting planned → offer made. Returns the ids. */
export async function driveToOffer(
  db: Database,
  w: PipelineWorld,
  candidateId: string,
  options: { employer?: AuthContext; vacancyId?: string; now?: Date } = {},
) {
  const now = options.now ?? T0;
  const employer = options.employer ?? w.contexts.employer;
  const proposal = ok(
    await proposeCandidate(
      db,
      w.contexts.coachA,
      { candidateId, vacancyId: options.vacancyId ?? w.vacancy.id, note: "Past goed." },
      { now },
    ),
  );
  const interested = ok(
    await reviewProposal(
      db,
      employer,
      {
        proposalId: proposal.proposalId,
        expectedVersion: proposal.version,
        decision: "interested",
      },
      { now },
    ),
  );
  const meeting = ok(
    await planMeeting(
      db,
      employer,
      {
        proposalId: proposal.proposalId,
        expectedVersion: interested.version,
        startsAt: at(2, now),
        location: "Industrieweg 1, Lelystad",
      },
      { now },
    ),
  );
  const offer = ok(
    await makeOffer(
      db,
      employer,
      { proposalId: proposal.proposalId, expectedVersion: meeting.version, ...offerTerms(now) },
      { now: at(3, now) },
    ),
  );
  return {
    proposalId: proposal.proposalId,
    meetingId: meeting.meetingId,
    offerId: offer.offerId,
    version: offer.version,
  };
}

/** driveToOffer, then the candidate accepts with consent. */
export async function driveToPlacement(
  db: Database,
  w: PipelineWorld,
  candidate: { candidate: { id: string }; context: AuthContext },
  options: { now?: Date } = {},
) {
  const now = options.now ?? T0;
  const offer = await driveToOffer(db, w, candidate.candidate.id, { now });
  const accepted = ok(
    await acceptOffer(
      db,
      candidate.context,
      { offerId: offer.offerId, expectedVersion: offer.version, consent: true },
      { now: at(4, now) },
    ),
  );
  return { ...offer, placementId: accepted.placementId, jobCoachUserId: accepted.jobCoachUserId };
}

export { createOrganisation, type Organisation };
