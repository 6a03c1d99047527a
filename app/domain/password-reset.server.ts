import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { memberships, passwordResets, users } from "#db/schema";
import { absoluteUrl, enqueueEmail } from "#emails/outbox.server";
import { hashPassword } from "~/auth/password.server";
import { hit, isLimited, type Limit } from "~/auth/rate-limit.server";
import { createSession, invalidateUserSessions } from "~/auth/session.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { audit, type Origin } from "~/domain/audit.server";
import { normaliseEmail } from "~/domain/invitations.server";

/*
 * Password reset by email: a one-time link (only its hash stored) valid for one hour.
 * The request page answers the same whether or not the address has an account.
 */

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
export const RESET_LIMIT_PER_EMAIL: Limit = { max: 3, windowMs: HOUR };
export const RESET_LIMIT_PER_IP: Limit = { max: 20, windowMs: HOUR };

export const resetEmailKey = (email: string) => `password-reset:email:${email}`;
export const resetIpKey = (ip: string) => `password-reset:ip:${ip}`;

export type RequestResetResult = { ok: true } | { ok: false; reason: "rate_limited" };

/**
 * Sends a reset link when the address belongs to an active account. Every request counts
 * against the limits, known address or not, so the limit reveals nothing either.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; origin: Origin },
  now = new Date(),
): Promise<RequestResetResult> {
  const email = normaliseEmail(input.email);
  const ip = input.origin.ip ?? "unknown";
  if (
    (await isLimited(db, resetEmailKey(email), RESET_LIMIT_PER_EMAIL, now)) ||
    (await isLimited(db, resetIpKey(ip), RESET_LIMIT_PER_IP, now))
  ) {
    await audit(db, {
      action: "password_reset.requested",
      result: "denied",
      origin: input.origin,
      details: { reason: "rate_limited" },
    });
    return { ok: false, reason: "rate_limited" };
  }
  await hit(db, resetEmailKey(email), RESET_LIMIT_PER_EMAIL, now);
  await hit(db, resetIpKey(ip), RESET_LIMIT_PER_IP, now);

  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt)));
    if (!user) {
      await audit(tx, {
        action: "password_reset.requested",
        result: "failed",
        origin: input.origin,
        details: { reason: "no_active_account" },
      });
      return;
    }
    // Only the newest link works: earlier open ones expire now.
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      );
    const token = generateToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    const [row] = await tx
      .insert(passwordResets)
      .values({ tokenHash: hashToken(token), userId: user.id, expiresAt, createdAt: now })
      .returning({ id: passwordResets.id });
    await enqueueEmail(tx, {
      to: email,
      template: "password-reset",
      userId: user.id,
      props: { name: user.name, link: absoluteUrl(`/wachtwoord-herstellen/${token}`), expiresAt },
    });
    await audit(tx, {
      actorUserId: user.id,
      action: "password_reset.requested",
      objectType: "user",
      objectId: user.id,
      origin: input.origin,
      details: { passwordResetId: row!.id },
    });
  });
  return { ok: true };
}

export type ResetLinkState = "open" | "used" | "expired" | "unknown";

function stateOf(
  row: { usedAt: Date | null; expiresAt: Date; disabledAt: Date | null },
  now: Date,
) {
  if (row.usedAt) return "used" as const;
  if (row.disabledAt) return "unknown" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return "open" as const;
}

/** What the reset page shows about a link. */
export async function describePasswordReset(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({
      usedAt: passwordResets.usedAt,
      expiresAt: passwordResets.expiresAt,
      email: users.email,
      disabledAt: users.disabledAt,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" as const };
  const state = stateOf(row, now);
  return state === "open" ? { state, email: row.email } : { state };
}

export type CompleteResetResult =
  | { ok: true; userId: string; token: string; expiresAt: Date }
  | { ok: false; reason: Exclude<ResetLinkState, "open"> };

/**
 * Sets the new password, ends every session of the user (a thief signed in elsewhere is out)
 * and opens a new one, all in one transaction.
 */
export async function completePasswordReset(
  db: Database,
  input: { token: string; password: string; origin: Origin },
  now = new Date(),
): Promise<CompleteResetResult> {
  // Cheap check first, so an unknown link does not cost an argon2 hash.
  const before = await describePasswordReset(db, input.token, now);
  if (before.state !== "open") return { ok: false, reason: before.state };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx): Promise<CompleteResetResult> => {
    const [row] = await tx
      .select({
        id: passwordResets.id,
        userId: passwordResets.userId,
        usedAt: passwordResets.usedAt,
        expiresAt: passwordResets.expiresAt,
        disabledAt: users.disabledAt,
      })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.tokenHash, hashToken(input.token)))
      .for("update", { of: passwordResets });
    if (!row) return { ok: false, reason: "unknown" };
    const state = stateOf(row, now);
    if (state !== "open") return { ok: false, reason: state };

    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, row.id));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.userId));
    await invalidateUserSessions(tx, row.userId);
    const [membership] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.userId, row.userId))
      .orderBy(memberships.createdAt)
      .limit(1);
    const { token, session } = await createSession(tx, row.userId, membership?.id ?? null, now);
    await audit(tx, {
      actorUserId: row.userId,
      action: "password_reset.completed",
      objectType: "user",
      objectId: row.userId,
      origin: input.origin,
      details: { passwordResetId: row.id, sessionsEnded: true },
    });
    return { ok: true, userId: row.userId, token, expiresAt: session.expiresAt };
  });
}
