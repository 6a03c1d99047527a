import { and, count, eq, gt, isNull, ne } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type CandidateStatus,
  candidateBasicConditions,
  candidateConstraints,
  candidateIdentities,
  candidates,
  invitations,
  memberships,
  searchOutbox,
  users,
} from "#db/schema";
import { absoluteUrl, enqueueEmail } from "#emails/outbox.server";
import type { AuthContext } from "~/auth/session.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { audit, type Origin } from "~/domain/audit.server";
import { INVITATION_TTL_MS, normaliseEmail } from "~/domain/invitations.server";
import { findScopedCandidate } from "./access.server";
import {
  BASIC_CONDITION_KINDS,
  type BasicConditionsInput,
  type ConstraintsInput,
} from "./intake-schemas";
import { TransitionError, transitionCandidate } from "./lifecycle.server";

/*
 * The coach's intake: start it (nominated → intake), keep the five basic conditions, record the
 * hidden constraints used in matching, finish it (intake → profile_draft), and invite the
 * candidate to sign in. Only the candidate's own coach may change anything (write scope);
 * colleagues of the same organisation read, and get "not_found" here like everyone else.
 */

/** States in which the coach keeps intake data (basic conditions, hidden constraints). */
export const INTAKE_EDITABLE: readonly CandidateStatus[] = [
  "intake",
  "profile_draft",
  "awaiting_approval",
  "published",
  "placed",
  "aftercare",
  "paused",
];

export type IntakeResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "invalid_state" | "conditions_unknown" };

function actor(context: AuthContext) {
  return { userId: context.user.id, organisationId: context.organisation?.id ?? null };
}

async function ownCandidate(db: Database, context: AuthContext, candidateId: string) {
  if (context.role !== "coach") return null;
  return findScopedCandidate(db, context, candidateId, "write");
}

/** nominated (or handed over) → intake. */
export async function startIntake(
  db: Database,
  context: AuthContext,
  candidateId: string,
  origin: Origin,
): Promise<IntakeResult> {
  return db
    .transaction(async (tx): Promise<IntakeResult> => {
      const candidate = await ownCandidate(tx, context, candidateId);
      if (!candidate) return { ok: false, reason: "not_found" };
      await transitionCandidate(tx, {
        candidateId,
        to: "intake",
        expectedFrom: ["nominated", "handed_over"],
        actor: actor(context),
        origin,
        details: { step: "intake_started" },
      });
      return { ok: true };
    })
    .catch((error: unknown) => {
      if (error instanceof TransitionError) return { ok: false, reason: "invalid_state" } as const;
      throw error;
    });
}

/** intake → profile_draft, once the status of each of the five basic conditions is known. */
export async function completeIntake(
  db: Database,
  context: AuthContext,
  candidateId: string,
  origin: Origin,
): Promise<IntakeResult> {
  return db
    .transaction(async (tx): Promise<IntakeResult> => {
      const candidate = await ownCandidate(tx, context, candidateId);
      if (!candidate) return { ok: false, reason: "not_found" };
      if (candidate.status !== "intake") return { ok: false, reason: "invalid_state" };
      const [known] = await tx
        .select({ n: count() })
        .from(candidateBasicConditions)
        .where(
          and(
            eq(candidateBasicConditions.candidateId, candidateId),
            // "unknown" is the only status that is not an answer.
            ne(candidateBasicConditions.status, "unknown"),
          ),
        );
      if ((known?.n ?? 0) < BASIC_CONDITION_KINDS.length) {
        return { ok: false, reason: "conditions_unknown" };
      }
      await transitionCandidate(tx, {
        candidateId,
        to: "profile_draft",
        expectedFrom: "intake",
        actor: actor(context),
        origin,
        details: { step: "intake_completed" },
      });
      return { ok: true };
    })
    .catch((error: unknown) => {
      if (error instanceof TransitionError) return { ok: false, reason: "invalid_state" } as const;
      throw error;
    });
}

/** Saves the five basic conditions (status and a short note each). */
export async function saveBasicConditions(
  db: Database,
  context: AuthContext,
  candidateId: string,
  input: Omit<BasicConditionsInput, "intent">,
  origin: Origin,
): Promise<IntakeResult> {
  return db.transaction(async (tx): Promise<IntakeResult> => {
    const candidate = await ownCandidate(tx, context, candidateId);
    if (!candidate) return { ok: false, reason: "not_found" };
    if (!INTAKE_EDITABLE.includes(candidate.status)) return { ok: false, reason: "invalid_state" };
    const before = await tx
      .select({ kind: candidateBasicConditions.kind, status: candidateBasicConditions.status })
      .from(candidateBasicConditions)
      .where(eq(candidateBasicConditions.candidateId, candidateId));
    const now = new Date();
    for (const kind of BASIC_CONDITION_KINDS) {
      const value = input[kind];
      await tx
        .insert(candidateBasicConditions)
        .values({ candidateId, kind, status: value.status, note: value.note || null, updatedAt: now })
        .onConflictDoUpdate({
          target: [candidateBasicConditions.candidateId, candidateBasicConditions.kind],
          set: { status: value.status, note: value.note || null, updatedAt: now },
        });
    }
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id ?? null,
      action: "candidate.basic_conditions_updated",
      objectType: "candidate",
      objectId: candidateId,
      origin,
      // Which conditions changed status, not what they are: the values are personal data.
      details: {
        changed: BASIC_CONDITION_KINDS.filter(
          (kind) => before.find((b) => b.kind === kind)?.status !== input[kind].status,
        ),
      },
    });
    return { ok: true };
  });
}

/**
 * Saves the hidden constraints: VOG risk areas where a certificate of conduct is unlikely,
 * municipalities where the person may not work, and working-hour limits during leave. They
 * filter matching (the search document is queued for an update) and are never shown to employers.
 */
export async function saveConstraints(
  db: Database,
  context: AuthContext,
  candidateId: string,
  input: Omit<ConstraintsInput, "intent">,
  origin: Origin,
): Promise<IntakeResult> {
  return db.transaction(async (tx): Promise<IntakeResult> => {
    const candidate = await ownCandidate(tx, context, candidateId);
    if (!candidate) return { ok: false, reason: "not_found" };
    if (!INTAKE_EDITABLE.includes(candidate.status)) return { ok: false, reason: "invalid_state" };
    const values = {
      vogRiskAreas: [...new Set(input.vogRiskAreas)].sort(),
      areaBanMunicipalityCodes: [...new Set(input.areaBanMunicipalityCodes)].sort(),
      leaveHourLimits: input.leaveHourLimits || null,
      updatedAt: new Date(),
    };
    await tx
      .insert(candidateConstraints)
      .values({ candidateId, ...values })
      .onConflictDoUpdate({ target: candidateConstraints.candidateId, set: values });
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id ?? null,
      action: "candidate.constraints_updated",
      objectType: "candidate",
      objectId: candidateId,
      origin,
      details: {
        vogRiskAreas: values.vogRiskAreas.length,
        areaBans: values.areaBanMunicipalityCodes.length,
        leaveHourLimits: Boolean(values.leaveHourLimits),
      },
    });
    await tx.insert(searchOutbox).values({ indexName: "candidates", entityId: candidateId });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// Candidate account

export type InviteCandidateResult =
  | { ok: true; invitationId: string; token: string; expiresAt: Date }
  | {
      ok: false;
      reason: "not_found" | "invalid_state" | "has_account" | "email_unavailable";
    };

const INVITABLE: readonly CandidateStatus[] = [...INTAKE_EDITABLE];

/**
 * Invites the candidate to sign in: a one-time link by email (accepted on /uitnodiging/$token,
 * which links the new account to the candidate record). An earlier open link for the same
 * candidate stops working. When the candidate's email was not known yet, it is stored.
 */
export async function inviteCandidate(
  db: Database,
  context: AuthContext,
  input: { candidateId: string; email: string },
  origin: Origin,
  now = new Date(),
): Promise<InviteCandidateResult> {
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx): Promise<InviteCandidateResult> => {
    const candidate = await ownCandidate(tx, context, input.candidateId);
    if (!candidate) return { ok: false, reason: "not_found" };
    if (!INVITABLE.includes(candidate.status)) return { ok: false, reason: "invalid_state" };
    if (candidate.userId) return { ok: false, reason: "has_account" };

    // An address of a staff or employer account, or of another candidate, cannot become this
    // candidate's sign-in.
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email));
    if (existing) {
      const [membership] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(eq(memberships.userId, existing.id));
      const [linked] = await tx
        .select({ n: count() })
        .from(candidates)
        .where(eq(candidates.userId, existing.id));
      if ((membership?.n ?? 0) > 0 || (linked?.n ?? 0) > 0) {
        return { ok: false, reason: "email_unavailable" };
      }
    }

    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.candidateId, candidate.id),
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id });
    for (const old of revoked) {
      await audit(tx, {
        actorUserId: context.user.id,
        actorOrganisationId: context.organisation?.id ?? null,
        action: "invitation.revoked",
        objectType: "invitation",
        objectId: old.id,
        origin,
        details: { candidateId: candidate.id, role: "candidate", reason: "replaced" },
      });
    }

    const token = generateToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const [row] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email,
        candidateId: candidate.id,
        invitedByUserId: context.user.id,
        expiresAt,
        createdAt: now,
      })
      .returning({ id: invitations.id });
    const [identity] = await tx
      .select({ firstName: candidateIdentities.firstName, email: candidateIdentities.email })
      .from(candidateIdentities)
      .where(eq(candidateIdentities.candidateId, candidate.id));
    if (identity && !identity.email) {
      await tx
        .update(candidateIdentities)
        .set({ email, updatedAt: now })
        .where(eq(candidateIdentities.candidateId, candidate.id));
    }
    await enqueueEmail(tx, {
      to: email,
      template: "invitation",
      userId: existing?.id ?? null,
      props: {
        name: identity?.firstName,
        inviterName: context.user.name,
        role: "candidate",
        link: absoluteUrl(`/uitnodiging/${token}`),
        expiresAt,
      },
    });
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id ?? null,
      action: "invitation.created",
      objectType: "invitation",
      objectId: row!.id,
      origin,
      details: {
        candidateId: candidate.id,
        role: "candidate",
        replaced: revoked.length,
        emailStored: Boolean(identity && !identity.email),
      },
    });
    return { ok: true, invitationId: row!.id, token, expiresAt };
  });
}
