import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { memberships, sessions, users } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "./audit.server";

/** Moves the caller's session to another of their own memberships. */
export async function switchOrganisation(
  db: Database,
  context: AuthContext,
  membershipId: string,
  origin: Origin,
) {
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ id: memberships.id, organisationId: memberships.organisationId })
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, context.user.id)));
    if (!membership) return false;
    await tx
      .update(sessions)
      .set({ activeMembershipId: membership.id })
      .where(and(eq(sessions.id, context.sessionId), eq(sessions.userId, context.user.id)));
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: membership.organisationId,
      action: "session.organisation_switched",
      objectType: "membership",
      objectId: membership.id,
      origin,
    });
    return true;
  });
}

export async function setEmailDigest(
  db: Database,
  context: AuthContext,
  digest: boolean,
  origin: Origin,
) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ emailDigest: digest, updatedAt: new Date() }).where(eq(users.id, context.user.id));
    await audit(tx, {
      actorUserId: context.user.id,
      action: "user.email_preference_changed",
      objectType: "user",
      objectId: context.user.id,
      origin,
      details: { digest },
    });
  });
}
