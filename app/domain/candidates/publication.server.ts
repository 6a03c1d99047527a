import { and, desc, eq, gt, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type Candidate,
  type CandidateStatus,
  auditLog,
  candidateIdentities,
  candidateProfiles,
  candidates,
  memberships,
} from "#db/schema";
import { type NotifyInput, notify } from "#emails/outbox.server";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { t } from "~/i18n";
import { candidateScope, requireScopedCandidate } from "./access.server";
import type { LeakFinding } from "./leak-check";
import { transitionCandidate } from "./lifecycle.server";
import { missingForPublication, profileLeaks, publicProfileColumns } from "./profile.server";

/*
 * Publication with four eyes (DESIGN.md): the coach offers the profile for approval, the
 * candidate confirms the text (or asks for changes), and then prison staff of the candidate's
 * own prison, or a second coach of the same coaching organisation, approves it. Whoever wrote
 * the text since the last approval can never approve it. Every step is one transaction with
 * its audit row, its lifecycle transition and its notifications.
 */

export type PublicationError =
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "wrong_state"; status: CandidateStatus }
  | { ok: false; reason: "incomplete"; missing: string[] }
  | { ok: false; reason: "leaks"; findings: LeakFinding[] }
  | { ok: false; reason: "not_confirmed" }
  | { ok: false; reason: "own_profile" }
  | { ok: false; reason: "has_account" };
export type PublicationResult = { ok: true; status: CandidateStatus } | PublicationError;

const actorOf = (context: AuthContext) => ({
  userId: context.user.id,
  organisationId: context.organisation?.id ?? null,
});

async function profileRow(db: Database, candidateId: string) {
  const [row] = await db
    .select({
      ...publicProfileColumns,
      confirmedByCandidateAt: candidateProfiles.confirmedByCandidateAt,
      approvedAt: candidateProfiles.approvedAt,
    })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.candidateId, candidateId))
    .for("update");
  return row ?? null;
}

/** The users who wrote the profile text since it was last approved (they cannot approve it). */
export async function profileWriters(db: Database, candidate: Pick<Candidate, "id" | "coachUserId">) {
  const [lastApproval] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(eq(auditLog.objectType, "candidate"), eq(auditLog.objectId, candidate.id), eq(auditLog.action, "profile.approved")),
    )
    .orderBy(desc(auditLog.at))
    .limit(1);
  const rows = await db
    .selectDistinct({ userId: auditLog.actorUserId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.objectType, "candidate"),
        eq(auditLog.objectId, candidate.id),
        eq(auditLog.action, "profile.saved"),
        lastApproval ? gt(auditLog.at, lastApproval.at) : undefined,
      ),
    );
  const writers = new Set(rows.map((r) => r.userId).filter((id): id is string => Boolean(id)));
  // The candidate's own coach is always on the writing side of the four eyes.
  if (candidate.coachUserId) writers.add(candidate.coachUserId);
  return writers;
}

/**
 * May the caller approve this candidate's profile? Prison staff of the candidate's prison, or a
 * coach of the candidate's coaching organisation who did not write it. Returns the candidate
 * (scoped for reading) or why not.
 */
export async function approvalAccess(db: Database, context: AuthContext, candidateId: string | undefined) {
  if (!context.permissions.includes("approve:profiles")) return { ok: false, reason: "not_found" } as const;
  const candidate = await requireScopedCandidate(db, context, candidateId, "read");
  const org = context.organisation;
  const inScope =
    (context.role === "prison_staff" && org !== null && candidate.prisonOrganisationId === org.id) ||
    (context.role === "coach" && org !== null && candidate.coachingOrganisationId === org.id);
  if (!inScope) throw new Response("Not Found", { status: 404 });
  if ((await profileWriters(db, candidate)).has(context.user.id)) {
    return { ok: false, reason: "own_profile", candidate } as const;
  }
  return { ok: true, candidate } as const;
}

async function notifyUsers(db: Database, userIds: Iterable<string>, message: Omit<NotifyInput, "userId">) {
  for (const userId of new Set(userIds)) await notify(db, { ...message, userId });
}

/** Prison staff of the candidate's prison, or else the other coaches of the organisation. */
async function approversOf(db: Database, candidate: Candidate) {
  const writers = await profileWriters(db, candidate);
  const conditions = [];
  if (candidate.prisonOrganisationId) {
    conditions.push(and(eq(memberships.organisationId, candidate.prisonOrganisationId), eq(memberships.role, "prison_staff")));
  }
  if (candidate.coachingOrganisationId) {
    conditions.push(and(eq(memberships.organisationId, candidate.coachingOrganisationId), eq(memberships.role, "coach")));
  }
  if (conditions.length === 0) return [];
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(or(...conditions));
  const staff = rows.filter((r) => r.role === "prison_staff").map((r) => r.userId);
  const coaches = rows.filter((r) => r.role === "coach" && !writers.has(r.userId)).map((r) => r.userId);
  return staff.length > 0 ? staff : coaches;
}

// ---------------------------------------------------------------------------
// Coach

/** profile_draft → awaiting_approval, when complete and free of identity leaks. */
export async function submitForApproval(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  origin?: Origin,
): Promise<PublicationResult> {
  return db.transaction(async (tx) => {
    const candidate = await requireScopedCandidate(tx, context, candidateId, "write");
    if (candidate.status !== "profile_draft") return { ok: false, reason: "wrong_state", status: candidate.status } as const;
    const profile = await profileRow(tx, candidate.id);
    if (!profile) return { ok: false, reason: "incomplete", missing: missingForPublication(emptyProfile) } as const;
    const blocked = await publicationBlocker(tx, candidate.id, profile);
    if (blocked) return blocked;

    await tx
      .update(candidateProfiles)
      .set({ changeRequestedByCandidate: null, updatedAt: new Date() })
      .where(eq(candidateProfiles.candidateId, candidate.id));
    await transitionCandidate(tx, {
      candidateId: candidate.id,
      to: "awaiting_approval",
      expectedFrom: "profile_draft",
      actor: actorOf(context),
      origin,
      details: { reason: "submitted" },
    });
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "profile.submitted",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
    });
    if (profile.confirmedByCandidateAt) {
      await notifyUsers(tx, await approversOf(tx, candidate), {
        kind: "profile.to_approve",
        title: t("approval.notify.toApprove.title"),
        body: t("approval.notify.toApprove.body", { code: candidate.publicCode }),
        link: `/goedkeuren/${candidate.id}`,
      });
    } else if (candidate.userId) {
      await notify(tx, {
        userId: candidate.userId,
        kind: "profile.to_confirm",
        title: t("approval.notify.toConfirm.title"),
        body: t("approval.notify.toConfirm.body"),
        link: "/kandidaat/profiel",
      });
    }
    return { ok: true, status: "awaiting_approval" } as const;
  });
}

/**
 * Why a profile cannot go to (or through) approval yet: required parts missing, or identity
 * found in its free text. Null when it is ready. Checked at submission and again at approval.
 */
async function publicationBlocker(
  tx: Database,
  candidateId: string,
  profile: Parameters<typeof missingForPublication>[0],
) {
  const missing = missingForPublication(profile);
  if (missing.length) return { ok: false, reason: "incomplete", missing } as const;
  const findings = await profileLeaks(tx, candidateId);
  if (findings.length) return { ok: false, reason: "leaks", findings } as const;
  return null;
}

const emptyProfile = {
  headline: "",
  summary: "",
  motivation: "",
  sectors: [],
  skills: [],
  occupationCodes: [],
  certificates: [],
  licences: [],
  languages: [],
  educationLevel: null,
  experience: [],
  hoursMin: null,
  hoursMax: null,
  shifts: [],
  transport: [],
  regionName: null,
  travelKm: null,
  availableDuringDetentionFrom: null,
  availableAfterReleaseFrom: null,
};

/**
 * The coach records that the candidate read and confirmed the text with them: only for a
 * candidate without an account (during detention there is often no internet).
 */
export async function confirmOnBehalf(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  origin?: Origin,
): Promise<PublicationResult> {
  return db.transaction(async (tx) => {
    const candidate = await requireScopedCandidate(tx, context, candidateId, "write");
    if (candidate.userId) return { ok: false, reason: "has_account" } as const;
    return recordConfirmation(tx, context, candidate, true, origin);
  });
}

async function setStatus(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  from: readonly CandidateStatus[],
  to: CandidateStatus,
  action: string,
  origin?: Origin,
  check?: (profile: Awaited<ReturnType<typeof profileRow>>) => PublicationError | null,
): Promise<PublicationResult> {
  return db.transaction(async (tx) => {
    const candidate = await requireScopedCandidate(tx, context, candidateId, "write");
    if (!from.includes(candidate.status)) return { ok: false, reason: "wrong_state", status: candidate.status } as const;
    const problem = check?.(await profileRow(tx, candidate.id));
    if (problem) return problem;
    await transitionCandidate(tx, {
      candidateId: candidate.id,
      to,
      expectedFrom: candidate.status,
      actor: actorOf(context),
      origin,
      details: { reason: action },
    });
    return { ok: true, status: to } as const;
  });
}

/** published → paused: employers no longer see it; the approval stays valid. */
export function pauseProfile(db: Database, context: AuthContext, candidateId: string | undefined, origin?: Origin) {
  return setStatus(db, context, candidateId, ["published"], "paused", "paused", origin);
}

/** paused → published, only while the approved text is unchanged and confirmed. */
export function resumeProfile(db: Database, context: AuthContext, candidateId: string | undefined, origin?: Origin) {
  return setStatus(db, context, candidateId, ["paused"], "published", "resumed", origin, (profile) =>
    !profile?.confirmedByCandidateAt || !profile.approvedAt ? { ok: false, reason: "not_confirmed" } : null,
  );
}

/** The candidate stops: the profile disappears for good (withdrawn is final). */
export function withdrawProfile(db: Database, context: AuthContext, candidateId: string | undefined, origin?: Origin) {
  return setStatus(
    db,
    context,
    candidateId,
    ["intake", "profile_draft", "awaiting_approval", "published", "paused"],
    "withdrawn",
    "withdrawn",
    origin,
  );
}

// ---------------------------------------------------------------------------
// Candidate

async function recordConfirmation(
  tx: Database,
  context: AuthContext,
  candidate: Candidate,
  onBehalf: boolean,
  origin?: Origin,
): Promise<PublicationResult> {
  if (!["profile_draft", "awaiting_approval", "paused"].includes(candidate.status)) {
    return { ok: false, reason: "wrong_state", status: candidate.status };
  }
  const profile = await profileRow(tx, candidate.id);
  if (!profile) return { ok: false, reason: "incomplete", missing: missingForPublication(emptyProfile) };
  await tx
    .update(candidateProfiles)
    .set({ confirmedByCandidateAt: new Date(), changeRequestedByCandidate: null })
    .where(eq(candidateProfiles.candidateId, candidate.id));
  await audit(tx, {
    actorUserId: context.user.id,
    actorOrganisationId: context.organisation?.id,
    action: "profile.confirmed",
    objectType: "candidate",
    objectId: candidate.id,
    origin,
    details: { onBehalf },
  });
  if (candidate.status === "awaiting_approval") {
    await notifyUsers(tx, await approversOf(tx, candidate), {
      kind: "profile.to_approve",
      title: t("approval.notify.toApprove.title"),
      body: t("approval.notify.toApprove.body", { code: candidate.publicCode }),
      link: `/goedkeuren/${candidate.id}`,
    });
  }
  return { ok: true, status: candidate.status };
}

async function ownCandidate(tx: Database, context: AuthContext) {
  if (context.role !== "candidate" || !context.candidateId) throw new Response("Not Found", { status: 404 });
  const [candidate] = await tx
    .select()
    .from(candidates)
    .where(eq(candidates.id, context.candidateId))
    .for("update");
  if (!candidate) throw new Response("Not Found", { status: 404 });
  return candidate;
}

/** The candidate confirms the current text. */
export async function confirmProfile(db: Database, context: AuthContext, origin?: Origin): Promise<PublicationResult> {
  return db.transaction(async (tx) => recordConfirmation(tx, context, await ownCandidate(tx, context), false, origin));
}

/**
 * The candidate asks for changes. The note goes to the coach; a profile waiting for approval
 * goes back to the draft, and a published one is paused, so employers never see a text the
 * candidate does not stand behind.
 */
export async function requestChanges(
  db: Database,
  context: AuthContext,
  note: string,
  origin?: Origin,
): Promise<PublicationResult> {
  return db.transaction(async (tx) => {
    const candidate = await ownCandidate(tx, context);
    if (!["profile_draft", "awaiting_approval", "published", "paused"].includes(candidate.status)) {
      return { ok: false, reason: "wrong_state", status: candidate.status } as const;
    }
    const profile = await profileRow(tx, candidate.id);
    if (!profile) return { ok: false, reason: "wrong_state", status: candidate.status } as const;
    await tx
      .update(candidateProfiles)
      .set({ changeRequestedByCandidate: note, confirmedByCandidateAt: null, updatedAt: new Date() })
      .where(eq(candidateProfiles.candidateId, candidate.id));
    let status = candidate.status;
    const to: CandidateStatus | null =
      status === "awaiting_approval" ? "profile_draft" : status === "published" ? "paused" : null;
    if (to) {
      await transitionCandidate(tx, {
        candidateId: candidate.id,
        to,
        expectedFrom: status,
        actor: actorOf(context),
        origin,
        details: { reason: "candidate_requested_changes" },
      });
      status = to;
    }
    await audit(tx, {
      actorUserId: context.user.id,
      action: "profile.changes_requested",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
    });
    if (candidate.coachUserId) {
      await notify(tx, {
        userId: candidate.coachUserId,
        kind: "profile.changes_requested",
        title: t("approval.notify.changes.title", { code: candidate.publicCode }),
        body: note,
        link: `/coach/kandidaten/${candidate.id}/profiel`,
      });
    }
    return { ok: true, status } as const;
  });
}

// ---------------------------------------------------------------------------
// Approver (prison staff of the candidate's prison, or a second coach)

/** awaiting_approval → published, with four eyes, the candidate's confirmation and no leaks. */
export async function approveProfile(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  origin?: Origin,
): Promise<PublicationResult> {
  return db.transaction(async (tx) => {
    const access = await approvalAccess(tx, context, candidateId);
    if (!access.ok) {
      if (access.reason === "own_profile") {
        await audit(tx, {
          actorUserId: context.user.id,
          actorOrganisationId: context.organisation?.id,
          action: "profile.approved",
          objectType: "candidate",
          objectId: access.candidate.id,
          result: "denied",
          origin,
          details: { reason: "own_profile" },
        });
      }
      return access.reason === "own_profile" ? ({ ok: false, reason: "own_profile" } as const) : ({ ok: false, reason: "not_found" } as const);
    }
    const candidate = access.candidate;
    if (candidate.status !== "awaiting_approval") return { ok: false, reason: "wrong_state", status: candidate.status } as const;
    const profile = await profileRow(tx, candidate.id);
    if (!profile?.confirmedByCandidateAt) return { ok: false, reason: "not_confirmed" } as const;
    const blocked = await publicationBlocker(tx, candidate.id, profile);
    if (blocked) return blocked;

    const now = new Date();
    await tx
      .update(candidateProfiles)
      .set({ approvedByUserId: context.user.id, approvedAt: now, publishedAt: now, updatedAt: now })
      .where(eq(candidateProfiles.candidateId, candidate.id));
    await transitionCandidate(tx, {
      candidateId: candidate.id,
      to: "published",
      expectedFrom: "awaiting_approval",
      actor: actorOf(context),
      origin,
      details: { reason: "approved" },
    });
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "profile.approved",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      details: { approverRole: context.role },
    });
    const message = {
      kind: "profile.published",
      title: t("approval.notify.approved.title", { code: candidate.publicCode }),
      body: t("approval.notify.approved.body"),
    };
    if (candidate.coachUserId) {
      await notify(tx, { ...message, userId: candidate.coachUserId, link: `/coach/kandidaten/${candidate.id}/profiel` });
    }
    if (candidate.userId) await notify(tx, { ...message, userId: candidate.userId, link: "/kandidaat/profiel" });
    return { ok: true, status: "published" } as const;
  });
}

/** awaiting_approval → profile_draft, with the approver's note to the coach. */
export async function rejectProfile(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  note: string,
  origin?: Origin,
): Promise<PublicationResult> {
  return db.transaction(async (tx) => {
    const access = await approvalAccess(tx, context, candidateId);
    if (!access.ok) return access.reason === "own_profile" ? ({ ok: false, reason: "own_profile" } as const) : ({ ok: false, reason: "not_found" } as const);
    const candidate = access.candidate;
    if (candidate.status !== "awaiting_approval") return { ok: false, reason: "wrong_state", status: candidate.status } as const;
    await transitionCandidate(tx, {
      candidateId: candidate.id,
      to: "profile_draft",
      expectedFrom: "awaiting_approval",
      actor: actorOf(context),
      origin,
      details: { reason: "rejected" },
    });
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "profile.rejected",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
    });
    if (candidate.coachUserId) {
      await notify(tx, {
        userId: candidate.coachUserId,
        kind: "profile.rejected",
        title: t("approval.notify.rejected.title", { code: candidate.publicCode }),
        body: note,
        link: `/coach/kandidaten/${candidate.id}/profiel`,
      });
    }
    return { ok: true, status: "profile_draft" } as const;
  });
}

/** The approval queue: profiles waiting in the caller's scope that the caller did not write. */
export async function approvalQueue(db: Database, context: AuthContext) {
  const org = context.organisation;
  const scope = candidateScope(context, "read");
  if (!org || !scope || !context.permissions.includes("approve:profiles")) return [];
  const own =
    context.role === "prison_staff"
      ? eq(candidates.prisonOrganisationId, org.id)
      : context.role === "coach"
        ? eq(candidates.coachingOrganisationId, org.id)
        : null;
  if (!own) return [];
  const rows = await db
    .select({
      id: candidates.id,
      publicCode: candidates.publicCode,
      coachUserId: candidates.coachUserId,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      confirmedAt: candidateProfiles.confirmedByCandidateAt,
      updatedAt: candidateProfiles.updatedAt,
    })
    .from(candidates)
    .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .where(and(scope, own, eq(candidates.status, "awaiting_approval")))
    .orderBy(candidateProfiles.updatedAt)
    .limit(200);
  if (rows.length > 0) {
    await audit(db, {
      actorUserId: context.user.id,
      actorOrganisationId: org.id,
      action: "identity.read",
      objectType: "candidate",
      objectId: null,
      details: { purpose: "approval_queue", candidateIds: rows.map((r) => r.id) },
    });
  }
  const result = [];
  for (const row of rows) {
    if ((await profileWriters(db, { id: row.id, coachUserId: row.coachUserId })).has(context.user.id)) continue;
    result.push({
      id: row.id,
      publicCode: row.publicCode,
      name: `${row.firstName} ${row.lastName}`,
      confirmed: row.confirmedAt !== null,
      updatedAt: row.updatedAt,
    });
  }
  return result;
}
