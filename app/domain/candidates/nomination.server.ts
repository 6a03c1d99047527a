import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type ProfileCertificate,
  type ProfileExperience,
  candidateBasicConditions,
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidates,
  memberships,
  organisations,
  searchOutbox,
  users,
} from "#db/schema";
import { notify } from "#emails/outbox.server";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { t } from "~/i18n";
import { findScopedCandidate } from "./access.server";
import {
  BASIC_CONDITION_KINDS,
  DETENTION_WORKSHOPS,
  type DetentionWorkInput,
  type NominationInput,
  todayInNetherlands,
} from "./intake-schemas";
import { generatePublicCode } from "./public-code";

/*
 * Prison staff's part of a candidate's start: the nomination (identity, detention dates,
 * municipality of origin, motivation, recorded agreement), linking a coach, planning the first
 * meeting ("klikgesprek") and confirming work and certificates from detention. Every function
 * runs in one transaction with its audit row; the prison always comes from the caller's session.
 */

/** States in which prison staff still arrange things for a candidate. */
const ACTIVE = ["nominated", "intake", "profile_draft", "awaiting_approval", "published", "paused"] as const;

export type Actor = { userId: string; organisationId: string | null };
const actorOf = (context: AuthContext): Actor => ({
  userId: context.user.id,
  organisationId: context.organisation?.id ?? null,
});

/**
 * The duplicate-nomination guard: SHA-256 of the normalised full name and the date of birth.
 * Only this hash is compared, so the check needs no identity outside candidate_identities.
 * (tests/support/factories.ts computes the same value.)
 */
export function identityFingerprint(firstName: string, lastName: string, dateOfBirth: string) {
  const name = `${firstName} ${lastName}`
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return createHash("sha256").update(`${name}|${dateOfBirth}`).digest("hex");
}

function isUniqueViolation(error: unknown, constraintName: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = e as Record<string, unknown>;
    if (code !== "23505") continue;
    if ((constraint_name ?? constraint) === constraintName) return true;
    if (String((e as Error).message).includes(constraintName)) return true;
  }
  return false;
}

class Duplicate extends Error {}

export type NominationResult =
  | { ok: true; candidateId: string; publicCode: string }
  | { ok: false; reason: "duplicate" | "not_a_prison" };

/**
 * Nominates a detainee for the caller's prison: candidate (status `nominated`, random public
 * code, identity fingerprint), identity, an empty profile, empty hidden constraints and the five
 * basic conditions (unknown), with an audit row, in one transaction. The same person nominated
 * twice (same fingerprint) saves nothing and answers "duplicate".
 */
export async function nominateCandidate(
  db: Database,
  context: AuthContext,
  input: NominationInput,
  origin: Origin,
  now = new Date(),
): Promise<NominationResult> {
  const prison = context.organisation;
  if (!prison || prison.kind !== "prison" || context.role !== "prison_staff") {
    return { ok: false, reason: "not_a_prison" };
  }
  const fingerprint = identityFingerprint(input.firstName, input.lastName, input.dateOfBirth);
  const nominatedOn = todayInNetherlands(now);

  const attempt = () =>
    db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: candidates.id })
        .from(candidates)
        .where(eq(candidates.identityFingerprint, fingerprint));
      if (existing) throw new Duplicate();

      const publicCode = generatePublicCode();
      const [candidate] = await tx
        .insert(candidates)
        .values({
          status: "nominated",
          publicCode,
          prisonOrganisationId: prison.id,
          municipalityCode: input.municipalityCode,
          nominatedByUserId: context.user.id,
          nominatedOn,
          releaseDate: input.releaseDate,
          workExperienceAllowedFrom: input.workExperienceAllowedFrom ?? null,
          motivationAssessment: input.motivationAssessment,
          participationAgreedAt: now,
          identityFingerprint: fingerprint,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: candidates.id });
      const candidateId = candidate!.id;
      await tx.insert(candidateIdentities).values({
        candidateId,
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        phone: input.phone ?? null,
        email: input.email ?? null,
        prisonName: prison.name,
        detentionEnd: input.releaseDate,
      });
      await tx.insert(candidateProfiles).values({ candidateId });
      await tx.insert(candidateConstraints).values({ candidateId });
      await tx
        .insert(candidateBasicConditions)
        .values(BASIC_CONDITION_KINDS.map((kind) => ({ candidateId, kind, status: "unknown" as const })));
      await audit(tx, {
        actorUserId: context.user.id,
        actorOrganisationId: prison.id,
        action: "candidate.nominated",
        objectType: "candidate",
        objectId: candidateId,
        origin,
        details: {
          municipalityCode: input.municipalityCode,
          hasWorkExperiencePhase: Boolean(input.workExperienceAllowedFrom),
          contactKnown: Boolean(input.phone || input.email),
        },
      });
      return { ok: true as const, candidateId, publicCode };
    });

  try {
    // A clash of random public codes is very unlikely; one retry makes it negligible.
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error, "candidates_public_code_unique")) throw error;
      return await attempt();
    }
  } catch (error) {
    if (error instanceof Duplicate || isUniqueViolation(error, "candidates_identity_fingerprint_unique")) {
      await audit(db, {
        actorUserId: context.user.id,
        actorOrganisationId: prison.id,
        action: "candidate.nominated",
        objectType: "candidate",
        result: "denied",
        origin,
        details: { reason: "duplicate" },
      });
      return { ok: false, reason: "duplicate" };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Coach

export type CoachOption = {
  membershipId: string;
  name: string;
  organisationName: string;
  organisationKind: "coaching" | "municipality";
};

/** Coaches a candidate can be linked to: coaches of a coaching organisation or a municipality. */
export async function listCoachOptions(db: Database): Promise<CoachOption[]> {
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.role, "coach"),
        inArray(organisations.kind, ["coaching", "municipality"]),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(organisations.name), asc(users.name))
    .limit(500);
  return rows as CoachOption[];
}

export type PrisonActionResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "invalid_state" | "unknown_coach" };

/**
 * Links a coach (and so their organisation) to a candidate of the caller's prison; the coach gets
 * a notification. The previous coach, if any, loses write access at once.
 */
export async function linkCoach(
  db: Database,
  context: AuthContext,
  input: { candidateId: string; coachMembershipId: string },
  origin: Origin,
): Promise<PrisonActionResult> {
  return db.transaction(async (tx) => {
    const candidate = await findScopedCandidate(tx, context, input.candidateId, "write");
    if (!candidate || context.role !== "prison_staff") return { ok: false, reason: "not_found" };
    if (!(ACTIVE as readonly string[]).includes(candidate.status)) {
      return { ok: false, reason: "invalid_state" };
    }
    const [coach] = await tx
      .select({ userId: memberships.userId, organisationId: memberships.organisationId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(memberships.id, input.coachMembershipId),
          eq(memberships.role, "coach"),
          inArray(organisations.kind, ["coaching", "municipality"]),
          isNull(users.disabledAt),
        ),
      );
    if (!coach) return { ok: false, reason: "unknown_coach" };
    await tx
      .update(candidates)
      .set({
        coachUserId: coach.userId,
        coachingOrganisationId: coach.organisationId,
        updatedAt: new Date(),
      })
      .where(eq(candidates.id, candidate.id));
    await audit(tx, {
      ...auditActor(context),
      action: "candidate.coach_linked",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      details: {
        coachUserId: coach.userId,
        coachingOrganisationId: coach.organisationId,
        previousCoachUserId: candidate.coachUserId,
      },
    });
    // The coaching organisation's name is on the public profile.
    await tx.insert(searchOutbox).values({ indexName: "candidates", entityId: candidate.id });
    if (coach.userId !== candidate.coachUserId) {
      await notify(tx, {
        userId: coach.userId,
        kind: "candidate.coach_linked",
        title: t("candidates.notify.linkedTitle"),
        body: t("candidates.notify.linkedBody", { prison: context.organisation?.name ?? "", code: candidate.publicCode }),
        link: `/coach/kandidaten/${candidate.id}`,
      });
    }
    return { ok: true };
  });
}

/** Plans (or moves) the first meeting with the coach during detention; the coach is notified. */
export async function planFirstMeeting(
  db: Database,
  context: AuthContext,
  input: { candidateId: string; meetingAt: Date },
  origin: Origin,
): Promise<PrisonActionResult | { ok: false; reason: "no_coach" }> {
  return db.transaction(async (tx) => {
    const candidate = await findScopedCandidate(tx, context, input.candidateId, "write");
    if (!candidate || context.role !== "prison_staff") return { ok: false, reason: "not_found" };
    if (!(ACTIVE as readonly string[]).includes(candidate.status)) {
      return { ok: false, reason: "invalid_state" };
    }
    if (!candidate.coachUserId) return { ok: false, reason: "no_coach" };
    await tx
      .update(candidates)
      .set({ firstMeetingAt: input.meetingAt, updatedAt: new Date() })
      .where(eq(candidates.id, candidate.id));
    await audit(tx, {
      ...auditActor(context),
      action: "candidate.first_meeting_planned",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      details: { at: input.meetingAt.toISOString(), moved: Boolean(candidate.firstMeetingAt) },
    });
    await notify(tx, {
      userId: candidate.coachUserId,
      kind: "candidate.first_meeting_planned",
      title: t("candidates.notify.meetingTitle"),
      body: t("candidates.notify.meetingBody", { code: candidate.publicCode }),
      link: `/coach/kandidaten/${candidate.id}`,
    });
    return { ok: true };
  });
}

/** Changes the release date and the start of the last detention phase (dates move often). */
export async function changeDetentionDates(
  db: Database,
  context: AuthContext,
  input: { candidateId: string; releaseDate: string; workExperienceAllowedFrom?: string },
  origin: Origin,
): Promise<PrisonActionResult> {
  return db.transaction(async (tx) => {
    const candidate = await findScopedCandidate(tx, context, input.candidateId, "write");
    if (!candidate || context.role !== "prison_staff") return { ok: false, reason: "not_found" };
    if (!(ACTIVE as readonly string[]).includes(candidate.status)) {
      return { ok: false, reason: "invalid_state" };
    }
    await tx
      .update(candidates)
      .set({
        releaseDate: input.releaseDate,
        workExperienceAllowedFrom: input.workExperienceAllowedFrom ?? null,
        updatedAt: new Date(),
      })
      .where(eq(candidates.id, candidate.id));
    await tx
      .update(candidateIdentities)
      .set({ detentionEnd: input.releaseDate, updatedAt: new Date() })
      .where(eq(candidateIdentities.candidateId, candidate.id));
    await audit(tx, {
      ...auditActor(context),
      action: "candidate.detention_dates_changed",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      details: {
        releaseDateChanged: candidate.releaseDate !== input.releaseDate,
        phaseChanged: candidate.workExperienceAllowedFrom !== (input.workExperienceAllowedFrom ?? null),
      },
    });
    // Availability on the public profile follows these dates.
    await tx.insert(searchOutbox).values({ indexName: "candidates", entityId: candidate.id });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// Work and certificates from detention

/**
 * Records work done in a DJI workshop (and certificates earned) as **verified** on the profile:
 * an experience entry marked as during detention, and each certificate marked verified (an
 * unverified entry of the same name becomes verified). Only prison staff can do this; the coach
 * writes the rest of the profile.
 */
export async function confirmDetentionWork(
  db: Database,
  context: AuthContext,
  input: { candidateId: string } & Omit<DetentionWorkInput, "intent">,
  origin: Origin,
): Promise<PrisonActionResult> {
  return db.transaction(async (tx) => {
    const candidate = await findScopedCandidate(tx, context, input.candidateId, "write");
    if (!candidate || context.role !== "prison_staff") return { ok: false, reason: "not_found" };
    if (!(ACTIVE as readonly string[]).includes(candidate.status)) {
      return { ok: false, reason: "invalid_state" };
    }
    const [profile] = await tx
      .select({ experience: candidateProfiles.experience, certificates: candidateProfiles.certificates })
      .from(candidateProfiles)
      .where(eq(candidateProfiles.candidateId, candidate.id))
      .for("update");
    const experience: ProfileExperience[] = [
      ...(profile?.experience ?? []),
      {
        title: input.title,
        sector: DETENTION_WORKSHOPS[input.workshop],
        months: input.months,
        duringDetention: true,
        verified: true,
      },
    ];
    const certificates: ProfileCertificate[] = [...(profile?.certificates ?? [])];
    for (const name of input.certificates) {
      const same = certificates.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
      if (same >= 0) certificates[same] = { name: certificates[same]!.name, verified: true };
      else certificates.push({ name, verified: true });
    }
    if (profile) {
      await tx
        .update(candidateProfiles)
        .set({ experience, certificates, updatedAt: new Date() })
        .where(eq(candidateProfiles.candidateId, candidate.id));
    } else {
      await tx.insert(candidateProfiles).values({ candidateId: candidate.id, experience, certificates });
    }
    await audit(tx, {
      ...auditActor(context),
      action: "candidate.detention_work_confirmed",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      details: {
        workshop: input.workshop,
        months: input.months,
        certificates: input.certificates,
      },
    });
    await tx.insert(searchOutbox).values({ indexName: "candidates", entityId: candidate.id });
    return { ok: true };
  });
}

function auditActor(context: AuthContext) {
  const actor = actorOf(context);
  return { actorUserId: actor.userId, actorOrganisationId: actor.organisationId };
}
