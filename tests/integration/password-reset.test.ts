import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, passwordResets, sessions, users } from "#db/schema";
import { verifyPassword } from "~/auth/password.server";
import { createSession, getAuthContextForToken } from "~/auth/session.server";
import { hashToken } from "~/auth/tokens.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/domain/new-password";
import {
  PASSWORD_RESET_TTL_MS,
  RESET_LIMIT_PER_EMAIL,
  RESET_LIMIT_PER_IP,
} from "~/domain/password-reset.server";
import * as forgotRoute from "~/routes/_auth+/wachtwoord-vergeten";
import * as resetRoute from "~/routes/_auth+/wachtwoord-herstellen.$token";
import { signIn, sessionTokenFrom } from "#tests/support/auth";
import { useTestDatabase } from "#tests/support/db";
import { TEST_PASSWORD } from "#tests/support/factories";
import { getRequest, latestEmail, postRequest, run, tokenFromEmail } from "#tests/support/routes";

const t = useTestDatabase();
const NEW_PASSWORD = "mijn-nieuwe-wachtwoordzin";

let ipCounter = 0;
/** Each test its own IP, so the per-IP limit only bites where a test is about it. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function requestReset(email: string, ip = freshIp(), cookie?: string) {
  return run(forgotRoute.action, postRequest("/wachtwoord-vergeten", { email }, { ip, cookie }));
}

async function resetPage(token: string) {
  return run(resetRoute.loader, getRequest(`/wachtwoord-herstellen/${token}`), { token });
}

async function reset(token: string, password: string, confirmPassword = password) {
  return run(
    resetRoute.action,
    postRequest(`/wachtwoord-herstellen/${token}`, { password, confirmPassword }),
    { token },
  );
}

async function userWithPassword(email?: string) {
  return signIn(t.db, { role: "coach", password: TEST_PASSWORD, ...(email ? { email } : {}) });
}

describe("asking for a reset link", () => {
  it("answers the same whether or not the address has an account", async () => {
    const member = await userWithPassword();
    const known = await requestReset(`  ${member.user.email.toUpperCase()} `);
    const unknown = await requestReset("niemand@proef.werkbrug.test");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());

    const mail = await latestEmail(t.db, member.user.email, "password-reset");
    const token = tokenFromEmail(mail);
    const [row] = await t.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, member.user.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(PASSWORD_RESET_TTL_MS);
    expect(
      await t.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.toAddress, "niemand@proef.werkbrug.test")),
    ).toHaveLength(0);

    const requested = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "password_reset.requested"));
    expect(requested.map((r) => r.result).sort()).toEqual(["failed", "ok"]);
    for (const r of requested) expect(JSON.stringify(r.details)).not.toContain(token);
    expect(JSON.stringify(requested)).not.toContain("niemand@");
  });

  it("rejects a malformed address with a field message", async () => {
    const response = await requestReset("geen-adres");
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.email).toBeDefined();
  });

  it("is rate limited per email address and per IP", async () => {
    const member = await userWithPassword();
    const ip = freshIp();
    for (let i = 0; i < RESET_LIMIT_PER_EMAIL.max; i++) {
      expect((await requestReset(member.user.email, freshIp())).status).toBe(200);
    }
    const limited = await requestReset(member.user.email, ip);
    expect(limited.status).toBe(429);
    expect((await limited.json()).result.error[""]).toBeDefined();
    expect(
      await t.db.select().from(passwordResets).where(eq(passwordResets.userId, member.user.id)),
    ).toHaveLength(RESET_LIMIT_PER_EMAIL.max);

    const busyIp = freshIp();
    for (let i = 0; i < RESET_LIMIT_PER_IP.max; i++) {
      expect((await requestReset(`adres${i}@proef.werkbrug.test`, busyIp)).status).toBe(200);
    }
    expect((await requestReset("nog-een@proef.werkbrug.test", busyIp)).status).toBe(429);
  });

  it("only the newest link works", async () => {
    const member = await userWithPassword();
    await requestReset(member.user.email);
    const first = tokenFromEmail(await latestEmail(t.db, member.user.email, "password-reset"));
    await requestReset(member.user.email);
    const rows = await t.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, member.user.id));
    const second = rows.find((r) => r.tokenHash !== hashToken(first))!;
    expect(second).toBeDefined();
    const page = await resetPage(first);
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ state: "expired" });
  });

  it("sends a signed-in user home", async () => {
    const member = await userWithPassword();
    const page = await run(
      forgotRoute.loader,
      getRequest("/wachtwoord-vergeten", { cookie: member.cookie }),
    );
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/coach");
  });
});

describe("choosing a new password", () => {
  async function linkFor(email: string) {
    await requestReset(email);
    return tokenFromEmail(await latestEmail(t.db, email, "password-reset"));
  }

  it("sets the password, ends every session and signs in with a new one", async () => {
    const member = await userWithPassword();
    const elsewhere = await createSession(t.db, member.user.id, member.membership!.id);
    const token = await linkFor(member.user.email);

    const page = await resetPage(token);
    expect(page.status).toBe(200);
    expect(await page.json()).toEqual({ state: "open", email: member.user.email });

    const response = await reset(token, NEW_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/coach");
    const newToken = sessionTokenFrom(response)!;
    expect(newToken).toBeTruthy();
    expect(await getAuthContextForToken(newToken)).toMatchObject({ user: { id: member.user.id } });

    const remaining = await t.db.select().from(sessions).where(eq(sessions.userId, member.user.id));
    expect(remaining.map((s) => s.id)).toEqual([hashToken(newToken)]);
    expect(await getAuthContextForToken(member.token)).toBeNull();
    expect(await getAuthContextForToken(elsewhere.token)).toBeNull();

    const [user] = await t.db.select().from(users).where(eq(users.id, member.user.id));
    expect(await verifyPassword(user!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user!.passwordHash!, TEST_PASSWORD)).toBe(false);

    const [completed] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "password_reset.completed"), eq(auditLog.objectId, member.user.id)),
      );
    expect(completed).toMatchObject({ actorUserId: member.user.id, result: "ok" });
    expect(JSON.stringify(completed!.details)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(completed!.details)).not.toContain(token);

    // The link works once.
    const again = await resetPage(token);
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ state: "used" });
    const secondUse = await reset(token, "nog-een-ander-wachtwoord");
    expect(secondUse.status).toBe(410);
    const [unchanged] = await t.db.select().from(users).where(eq(users.id, member.user.id));
    expect(await verifyPassword(unchanged!.passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it("checks the new password: 400 with field messages and nothing changed", async () => {
    const member = await userWithPassword();
    const token = await linkFor(member.user.email);
    const cases: [string, string, string][] = [
      ["kort", "kort", "password"],
      ["x".repeat(PASSWORD_MAX + 1), "x".repeat(PASSWORD_MAX + 1), "password"],
      [NEW_PASSWORD, `${NEW_PASSWORD}?`, "confirmPassword"],
      ["", "", "password"],
    ];
    for (const [password, confirm, field] of cases) {
      const response = await reset(token, password, confirm);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error[field]?.length).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toContain(NEW_PASSWORD);
    }
    const [row] = await t.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashToken(token)));
    expect(row!.usedAt).toBeNull();
    expect(await getAuthContextForToken(member.token)).not.toBeNull();
    // Exactly the minimum length is fine.
    expect((await reset(token, "a".repeat(PASSWORD_MIN))).status).toBe(302);
  });

  it("gives expired and unknown links a friendly page", async () => {
    const member = await userWithPassword();
    const token = await linkFor(member.user.email);
    await t.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(passwordResets.tokenHash, hashToken(token)));
    const expired = await resetPage(token);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ state: "expired", email: null });
    expect((await reset(token, NEW_PASSWORD)).status).toBe(410);

    const unknown = await resetPage("abcdefghijklmnopqrstuvwxyz234567");
    expect(unknown.status).toBe(404);
    expect((await reset("onbekend", NEW_PASSWORD)).status).toBe(404);
    const [user] = await t.db.select().from(users).where(eq(users.id, member.user.id));
    expect(await verifyPassword(user!.passwordHash!, TEST_PASSWORD)).toBe(true);
  });

  it("does not work for a blocked account", async () => {
    const member = await userWithPassword();
    const token = await linkFor(member.user.email);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, member.user.id));
    expect((await resetPage(token)).status).toBe(404);
    expect((await reset(token, NEW_PASSWORD)).status).toBe(404);
    // And a blocked account gets no new links.
    await requestReset(member.user.email);
    expect(
      await t.db.select().from(passwordResets).where(eq(passwordResets.userId, member.user.id)),
    ).toHaveLength(1);
  });

});
