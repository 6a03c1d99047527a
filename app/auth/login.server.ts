import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { users, memberships } from "#db/schema";
import { audit, type Origin } from "~/domain/audit.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { hit, isLimited, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_IP } from "./rate-limit.server";
import { createSession } from "./session.server";

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: "invalid" | "rate_limited" };

export const accountKey = (email: string) => `login:account:${email}`;
export const ipKey = (ip: string) => `login:ip:${ip}`;

/**
 * Checks the password and opens a new session (never reusing one, so a session id planted
 * before login is worthless). Unknown email and wrong password give the same answer.
 */
export async function attemptLogin(
  db: Database,
  input: { email: string; password: string; origin: Origin },
  now = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const ip = input.origin.ip ?? "unknown";
  if (
    (await isLimited(db, accountKey(email), LOGIN_LIMIT_PER_ACCOUNT, now)) ||
    (await isLimited(db, ipKey(ip), LOGIN_LIMIT_PER_IP, now))
  ) {
    await audit(db, {
      action: "auth.login",
      result: "denied",
      origin: input.origin,
      details: { reason: "rate_limited" },
    });
    return { ok: false, reason: "rate_limited" };
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));

  const passwordOk =
    user?.passwordHash && !user.disabledAt
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);

  if (!user || !passwordOk) {
    await hit(db, accountKey(email), LOGIN_LIMIT_PER_ACCOUNT, now);
    await hit(db, ipKey(ip), LOGIN_LIMIT_PER_IP, now);
    await audit(db, {
      actorUserId: user?.id ?? null,
      action: "auth.login",
      objectType: "user",
      objectId: user?.id ?? null,
      result: "failed",
      origin: input.origin,
    });
    return { ok: false, reason: "invalid" };
  }

  const [membership] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt)
    .limit(1);
  const { token, session } = await createSession(db, user.id, membership?.id ?? null, now);
  await audit(db, {
    actorUserId: user.id,
    action: "auth.login",
    objectType: "user",
    objectId: user.id,
    origin: input.origin,
  });
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id };
}
