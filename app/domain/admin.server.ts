import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { organisations, searchOutbox, users, vacancies } from "#db/schema";
import { invalidateUserSessions, type AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "./audit.server";

export type VerificationChange = "verify" | "suspend" | "reinstate";

const target = { verify: "verified", suspend: "suspended", reinstate: "verified" } as const;
const allowedFrom = {
  verify: ["unverified"],
  suspend: ["unverified", "verified"],
  reinstate: ["suspended"],
} as const;

/** A platform admin verifies, suspends or reinstates an employer organisation. */
export async function changeVerification(
  db: Database,
  actor: AuthContext,
  organisationId: string,
  change: VerificationChange,
  origin: Origin,
): Promise<"ok" | "not_found" | "invalid_state"> {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organisations.id, status: organisations.verificationStatus })
      .from(organisations)
      .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "employer")))
      .for("update");
    if (!org) return "not_found";
    if (!(allowedFrom[change] as readonly string[]).includes(org.status)) return "invalid_state";
    const now = new Date();
    await tx
      .update(organisations)
      .set({
        verificationStatus: target[change],
        ...(change === "verify" ? { verifiedAt: now, verifiedByUserId: actor.user.id } : {}),
        updatedAt: now,
      })
      .where(eq(organisations.id, org.id));
    // The organisation's open vacancies enter or leave the search index with it.
    const own = await tx
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(and(eq(vacancies.organisationId, org.id), eq(vacancies.status, "open")));
    if (own.length > 0) {
      await tx.insert(searchOutbox).values(own.map((v) => ({ indexName: "vacancies", entityId: v.id })));
    }
    await audit(tx, {
      actorUserId: actor.user.id,
      actorOrganisationId: actor.organisation?.id,
      action: `organisation.${change}`,
      objectType: "organisation",
      objectId: org.id,
      origin,
      details: { from: org.status, to: target[change] },
    });
    return "ok";
  });
}

/** Disabling a user ends all their sessions at once; enabling lets them sign in again. */
export async function setUserDisabled(
  db: Database,
  actor: AuthContext,
  userId: string,
  disabled: boolean,
  origin: Origin,
): Promise<"ok" | "not_found" | "self"> {
  if (userId === actor.user.id) return "self";
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(disabled ? and(eq(users.id, userId), isNull(users.disabledAt)) : eq(users.id, userId))
      .returning({ id: users.id });
    if (!user) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      return exists ? "ok" : "not_found";
    }
    if (disabled) await invalidateUserSessions(tx, userId);
    await audit(tx, {
      actorUserId: actor.user.id,
      action: disabled ? "user.disabled" : "user.enabled",
      objectType: "user",
      objectId: userId,
      origin,
    });
    return "ok";
  });
}
