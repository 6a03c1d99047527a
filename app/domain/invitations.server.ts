import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import {
  type MembershipRole,
  type OrganisationKind,
  candidates,
  invitations,
  memberships,
  organisations,
  users,
} from "#db/schema";
import { absoluteUrl, enqueueEmail } from "#emails/outbox.server";
import { hashPassword } from "~/auth/password.server";
import { createSession, invalidateSession } from "~/auth/session.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { audit, type Origin } from "~/domain/audit.server";
import { t } from "~/i18n";

/*
 * Accounts come by invitation: a one-time link (only its hash stored) that expires after
 * 7 days. Accepting creates the account, or adds the membership to an existing account
 * once its owner is signed in.
 */

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Which roles fit which kind of organisation. */
export const rolesForKind: Record<OrganisationKind, readonly MembershipRole[]> = {
  prison: ["prison_staff"],
  coaching: ["coach"],
  municipality: ["coach", "municipality_coordinator"],
  employer: ["employer_owner", "employer_recruiter"],
  platform: ["platform_admin"],
  // DESIGN.md has no probation role yet.
  probation: [],
};

export function roleFitsKind(role: MembershipRole, kind: OrganisationKind) {
  return rolesForKind[kind].includes(role);
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export type Inviter = {
  /** null for an employer's self-registration. */
  userId: string | null;
  name: string;
  /** The organisation the inviter acts for (audit). */
  organisationId: string | null;
};

export type CreateInvitationInput = {
  organisationId: string;
  email: string;
  role: MembershipRole;
  isOrgAdmin: boolean;
  inviter: Inviter;
  origin: Origin;
  /** The invitee's name, when known (used in the email greeting). */
  inviteeName?: string;
};

export type CreateInvitationResult =
  | { ok: true; invitationId: string; token: string; replaced: number; expiresAt: Date }
  | {
      ok: false;
      reason: "organisation_not_found" | "role_not_allowed" | "already_member" | "account_disabled";
    };

/**
 * Creates an invitation and its email in one transaction. An open invitation for the same
 * email, organisation and role is revoked first (the newest link is the only one that works).
 * Callers check who may invite into the organisation; this checks that the role fits it.
 */
export async function createInvitation(
  db: Database,
  input: CreateInvitationInput,
  now = new Date(),
): Promise<CreateInvitationResult> {
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!organisation) return { ok: false, reason: "organisation_not_found" } as const;
    if (!roleFitsKind(input.role, organisation.kind)) {
      return { ok: false, reason: "role_not_allowed" } as const;
    }

    const [existing] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email));
    if (existing?.disabledAt) return { ok: false, reason: "account_disabled" } as const;
    if (existing) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, existing.id),
            eq(memberships.organisationId, organisation.id),
            eq(memberships.role, input.role),
          ),
        );
      if (member) return { ok: false, reason: "already_member" } as const;
    }

    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.email, email),
          eq(invitations.organisationId, organisation.id),
          eq(invitations.role, input.role),
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id });
    for (const old of replaced) {
      await audit(tx, {
        actorUserId: input.inviter.userId,
        actorOrganisationId: input.inviter.organisationId,
        action: "invitation.revoked",
        objectType: "invitation",
        objectId: old.id,
        origin: input.origin,
        details: { organisationId: organisation.id, role: input.role, reason: "replaced" },
      });
    }

    const token = generateToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const [row] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email,
        organisationId: organisation.id,
        role: input.role,
        isOrgAdmin: input.isOrgAdmin,
        invitedByUserId: input.inviter.userId,
        expiresAt,
        createdAt: now,
      })
      .returning({ id: invitations.id });
    const invitationId = row!.id;

    await enqueueEmail(tx, {
      to: email,
      template: "invitation",
      userId: existing?.id ?? null,
      props: {
        name: input.inviteeName,
        inviterName: input.inviter.name,
        organisationName: organisation.name,
        role: input.role,
        link: absoluteUrl(`/uitnodiging/${token}`),
        expiresAt,
      },
    });
    await audit(tx, {
      actorUserId: input.inviter.userId,
      actorOrganisationId: input.inviter.organisationId,
      action: "invitation.created",
      objectType: "invitation",
      objectId: invitationId,
      origin: input.origin,
      details: {
        organisationId: organisation.id,
        role: input.role,
        isOrgAdmin: input.isOrgAdmin,
        existingAccount: Boolean(existing),
        replaced: replaced.length,
      },
    });
    return { ok: true, invitationId, token, replaced: replaced.length, expiresAt } as const;
  });
}

export type InvitationState = "open" | "used" | "expired" | "revoked" | "unknown";

function stateOf(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date) {
  if (row.usedAt) return "used" as const;
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return "open" as const;
}

const inviter = alias(users, "inviter");

/** What the accept page shows about an invitation link. */
export async function describeInvitation(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      isOrgAdmin: invitations.isOrgAdmin,
      candidateId: invitations.candidateId,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      invitedByUserId: invitations.invitedByUserId,
      organisationName: organisations.name,
      organisationContactName: organisations.contactName,
      organisationContactEmail: organisations.contactEmail,
      inviterName: inviter.name,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" as const };
  const state = stateOf(row, now);
  if (state !== "open") return { state };
  const [account] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, row.email));
  // A self-registered employer's contact person is the invitee: offer their name.
  const suggestedName =
    !row.invitedByUserId && row.organisationContactEmail === row.email
      ? (row.organisationContactName ?? "")
      : "";
  return {
    state,
    invitation: {
      email: row.email,
      role: row.role ?? ("candidate" as const),
      isOrgAdmin: row.isOrgAdmin,
      organisationName: row.organisationName,
      inviterName: row.inviterName ?? t("app.name"),
      expiresAt: row.expiresAt,
      suggestedName,
    },
    account: account ? { id: account.id, disabled: Boolean(account.disabledAt) } : null,
  };
}

export type AcceptInput = {
  token: string;
  /** The signed-in caller, if any (their session is replaced by a new one). */
  current: { userId: string; sessionId: string } | null;
  /** For a new account. */
  newAccount?: { name: string; password: string };
  origin: Origin;
};

export type AcceptResult =
  | { ok: true; userId: string; token: string; expiresAt: Date; created: boolean }
  | {
      ok: false;
      reason:
        | Exclude<InvitationState, "open">
        | "login_required"
        | "wrong_account"
        | "account_disabled"
        | "details_required";
    };

/**
 * Accepts an invitation: one transaction creates the account (or adds the membership to the
 * signed-in owner of the address), marks the invitation used, audits, and opens a new session.
 */
export async function acceptInvitation(
  db: Database,
  input: AcceptInput,
  now = new Date(),
): Promise<AcceptResult> {
  // argon2 is slow: hash before taking the row lock.
  const passwordHash = input.newAccount ? await hashPassword(input.newAccount.password) : null;
  return db
    .transaction(async (tx): Promise<AcceptResult> => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(input.token)))
        .for("update");
      if (!invitation) return { ok: false, reason: "unknown" };
      const state = stateOf(invitation, now);
      if (state !== "open") return { ok: false, reason: state };

      const [account] = await tx
        .select({ id: users.id, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.email, invitation.email));
      if (account?.disabledAt) return { ok: false, reason: "account_disabled" };
      if (account && !input.current) return { ok: false, reason: "login_required" };
      if (input.current && input.current.userId !== account?.id) {
        return { ok: false, reason: "wrong_account" };
      }

      let userId: string;
      let created = false;
      if (account) {
        userId = account.id;
      } else {
        if (!input.newAccount || !passwordHash) return { ok: false, reason: "details_required" };
        const [user] = await tx
          .insert(users)
          .values({ email: invitation.email, name: input.newAccount.name.trim(), passwordHash })
          .returning({ id: users.id });
        userId = user!.id;
        created = true;
      }

      let activeMembershipId: string | null = null;
      if (invitation.organisationId && invitation.role) {
        const [membership] = await tx
          .insert(memberships)
          .values({
            userId,
            organisationId: invitation.organisationId,
            role: invitation.role,
            isOrgAdmin: invitation.isOrgAdmin,
          })
          .onConflictDoNothing()
          .returning({ id: memberships.id });
        if (membership) {
          await audit(tx, {
            actorUserId: userId,
            actorOrganisationId: invitation.organisationId,
            action: "membership.created",
            objectType: "membership",
            objectId: membership.id,
            origin: input.origin,
            details: {
              userId,
              organisationId: invitation.organisationId,
              role: invitation.role,
              isOrgAdmin: invitation.isOrgAdmin,
              invitationId: invitation.id,
            },
          });
          activeMembershipId = membership.id;
        } else {
          const [existing] = await tx
            .select({ id: memberships.id })
            .from(memberships)
            .where(
              and(
                eq(memberships.userId, userId),
                eq(memberships.organisationId, invitation.organisationId),
                eq(memberships.role, invitation.role),
              ),
            );
          activeMembershipId = existing?.id ?? null;
        }
      } else if (invitation.candidateId) {
        // A candidate account: link the candidate record, unless it already has an account.
        const linked = await tx
          .update(candidates)
          .set({ userId, updatedAt: now })
          .where(and(eq(candidates.id, invitation.candidateId), isNull(candidates.userId)))
          .returning({ id: candidates.id });
        // Nothing of this transaction may stay: throwing rolls it back.
        if (linked.length === 0) throw new Rollback({ ok: false, reason: "used" });
      }

      await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id));
      await audit(tx, {
        actorUserId: userId,
        actorOrganisationId: invitation.organisationId,
        action: "invitation.accepted",
        objectType: "invitation",
        objectId: invitation.id,
        origin: input.origin,
        details: {
          userId,
          organisationId: invitation.organisationId,
          role: invitation.role ?? "candidate",
          candidateId: invitation.candidateId,
          newAccount: created,
        },
      });

      // A new session on every change of who or what the session is for (no fixation).
      if (input.current) await invalidateSession(tx, input.current.sessionId);
      const { token, session } = await createSession(tx, userId, activeMembershipId, now);
      return { ok: true, userId, token, expiresAt: session.expiresAt, created };
    })
    .catch((error: unknown) => {
      if (error instanceof Rollback) return error.result;
      throw error;
    });
}

/** Thrown inside a transaction to roll it back and still answer `result`. */
class Rollback extends Error {
  constructor(readonly result: AcceptResult) {
    super("rollback");
  }
}

export type InvitationScope =
  /** A platform admin: every organisation. */
  | { kind: "any" }
  /** An organisation's own admin: only that organisation. */
  | { kind: "organisation"; organisationId: string };

/** Revokes an open invitation within the caller's scope; "not_found" for anything else. */
export async function revokeInvitation(
  db: Database,
  input: { invitationId: string; scope: InvitationScope; actor: Inviter; origin: Origin },
  now = new Date(),
): Promise<"revoked" | "not_found"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, input.invitationId),
          input.scope.kind === "organisation"
            ? eq(invitations.organisationId, input.scope.organisationId)
            : undefined,
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({
        id: invitations.id,
        organisationId: invitations.organisationId,
        role: invitations.role,
      });
    if (!row) return "not_found" as const;
    await audit(tx, {
      actorUserId: input.actor.userId,
      actorOrganisationId: input.actor.organisationId,
      action: "invitation.revoked",
      objectType: "invitation",
      objectId: row.id,
      origin: input.origin,
      details: { organisationId: row.organisationId, role: row.role, reason: "revoked" },
    });
    return "revoked" as const;
  });
}

/** Open (unused, unrevoked, unexpired) organisation invitations within the caller's scope. */
export async function listOpenInvitations(db: Database, scope: InvitationScope, now = new Date()) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      isOrgAdmin: invitations.isOrgAdmin,
      expiresAt: invitations.expiresAt,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
      inviterName: inviter.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(
      and(
        scope.kind === "organisation"
          ? eq(invitations.organisationId, scope.organisationId)
          : undefined,
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.expiresAt))
    .limit(200);
}
