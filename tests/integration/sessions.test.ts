import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, notifications, sessions } from "#db/schema";
import {
  createSession,
  getAuthContext,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  validateSessionToken,
} from "~/auth/session.server";
import { hashToken } from "~/auth/tokens.server";
import { setUserDisabled } from "~/domain/admin.server";
import { action as loginAction } from "~/routes/_auth+/login";
import { action as logoutAction } from "~/routes/_auth+/logout";
import { useTestDatabase } from "#tests/support/db";
import {
  createCandidate,
  createMember,
  createMembership,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from "#tests/support/factories";

const t = useTestDatabase();
const origin = { ip: "127.0.0.1", userAgent: "vitest" };

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

function post(path: string, values: Record<string, string>, cookie?: string) {
  const headers = new Headers({ origin: "http://localhost", "x-werkbrug-client-ip": "10.1.2.3" });
  if (cookie) headers.set("cookie", cookie);
  return new Request(`http://localhost${path}`, { method: "POST", body: form(values), headers });
}

function cookieOf(response: Response) {
  const setCookie = response.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0]!;
}

async function login(email: string, password: string, cookie?: string) {
  return (await loginAction({ request: post("/login", { email, password }, cookie), params: {}, context: {} })) as Response;
}

describe("sessions", () => {
  it("stores only a hash of the token and sets a safe cookie", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const response = await login(member.user.email, TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/coach");
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // localhost
    const token = cookieOf(response).split("=")[1]!;
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, member.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(hashToken(token));
    expect(rows[0]!.id).not.toContain(token);
  });

  it("marks the cookie Secure outside localhost", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const request = new Request("https://werkbrug.example/login", {
      method: "POST",
      body: form({ email: member.user.email, password: TEST_PASSWORD }),
    });
    const response = (await loginAction({ request, params: {}, context: {} })) as Response;
    expect(response.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("opens a new session on every login (no fixation)", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const first = cookieOf(await login(member.user.email, TEST_PASSWORD));
    const second = cookieOf(await login(member.user.email, TEST_PASSWORD));
    expect(second).not.toBe(first);
    // A planted, unknown token does not become a session either.
    const planted = `${SESSION_COOKIE}=${"b".repeat(32)}`;
    const third = cookieOf(await login(member.user.email, TEST_PASSWORD, planted));
    expect(third).not.toBe(planted);
    expect(await getAuthContext(new Request("http://localhost/", { headers: { cookie: planted } }))).toBeNull();
  });

  it("ends the session on the server at logout", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const cookie = cookieOf(await login(member.user.email, TEST_PASSWORD));
    const request = () => new Request("http://localhost/coach", { headers: { cookie } });
    expect(await getAuthContext(request())).not.toBeNull();
    const response = (await logoutAction({ request: post("/logout", {}, cookie), params: {}, context: {} })) as Response;
    expect(response.headers.get("location")).toBe("/login");
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    // The old cookie is worthless even if the browser kept it.
    expect(await getAuthContext(request())).toBeNull();
    const [logouts] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "auth.logout"));
    expect(logouts!.n).toBeGreaterThan(0);
  });

  it("ends every session of a disabled user at once, and refuses their login", async () => {
    const admin = await createMember(t.db, { role: "platform_admin" });
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const a = cookieOf(await login(member.user.email, TEST_PASSWORD));
    const b = cookieOf(await login(member.user.email, TEST_PASSWORD));
    const adminContext = await getAuthContext(
      new Request("http://localhost/", {
        headers: { cookie: `${SESSION_COOKIE}=${(await createSession(t.db, admin.user.id, admin.membership.id)).token}` },
      }),
    );
    expect(await setUserDisabled(t.db, adminContext!, member.user.id, true, origin)).toBe("ok");
    for (const cookie of [a, b]) {
      expect(await getAuthContext(new Request("http://localhost/", { headers: { cookie } }))).toBeNull();
    }
    const [left] = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, member.user.id));
    expect(left!.n).toBe(0);
    expect((await login(member.user.email, TEST_PASSWORD)).status).toBe(400);
  });

  it("slides the expiry while used, but never past the absolute lifetime", async () => {
    const member = await createMember(t.db, { role: "coach" });
    const start = new Date("2027-01-01T09:00:00Z");
    const { token } = await createSession(t.db, member.user.id, member.membership.id, start);
    // Used just before the idle window ends: still valid, and extended.
    const almostIdle = new Date(start.getTime() + SESSION_IDLE_MS - 60_000);
    const s1 = await validateSessionToken(t.db, token, almostIdle);
    expect(s1).not.toBeNull();
    expect(s1!.expiresAt.getTime()).toBeGreaterThan(start.getTime() + SESSION_IDLE_MS);
    // Kept in use every few days, it still ends at the absolute lifetime.
    let now = almostIdle;
    while (now.getTime() < start.getTime() + SESSION_ABSOLUTE_MS - 3 * 86_400_000) {
      now = new Date(now.getTime() + 3 * 86_400_000);
      expect(await validateSessionToken(t.db, token, now)).not.toBeNull();
    }
    const afterAbsolute = new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1000);
    expect(await validateSessionToken(t.db, token, afterAbsolute)).toBeNull();
  });

  it("ends a session left unused past the idle window", async () => {
    const member = await createMember(t.db, { role: "coach" });
    const start = new Date("2027-02-01T09:00:00Z");
    const { token } = await createSession(t.db, member.user.id, member.membership.id, start);
    expect(await validateSessionToken(t.db, token, new Date(start.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
    // And it is gone, not just refused.
    expect(await validateSessionToken(t.db, token, start)).toBeNull();
  });
});

describe("the caller's context", () => {
  it("holds every organisation of the user, the active one and the unread count", async () => {
    const member = await createMember(t.db, { role: "employer_owner", isOrgAdmin: true, organisation: { name: "Zeta Logistiek" } });
    const second = await createOrganisation(t.db, { kind: "employer", name: "Alfa Bouw", verificationStatus: "unverified" });
    const other = await createMembership(t.db, { userId: member.user.id, organisationId: second.id, role: "employer_recruiter" });
    const { token } = await createSession(t.db, member.user.id, member.membership.id);
    await t.db.insert(notifications).values([
      { userId: member.user.id, kind: "test", title: "Nieuw voorstel" },
      { userId: member.user.id, kind: "test", title: "Gelezen", readAt: new Date() },
      { userId: member.user.id, kind: "test", title: "Nog een" },
    ]);
    const request = new Request("http://localhost/werkgever", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    const context = (await getAuthContext(request))!;
    expect(context.user.id).toBe(member.user.id);
    expect(context.role).toBe("employer");
    expect(context.organisation).toMatchObject({ id: member.organisation.id, name: "Zeta Logistiek", isOrgAdmin: true, verificationStatus: "verified" });
    // both memberships, by organisation name, with their own role and verification
    expect(context.memberships.map((m) => [m.name, m.membershipRole, m.verificationStatus])).toEqual([
      ["Alfa Bouw", "employer_recruiter", "unverified"],
      ["Zeta Logistiek", "employer_owner", "verified"],
    ]);
    expect(context.memberships[0]!.membershipId).toBe(other.id);
    expect(context.candidateId).toBeNull();
    expect(context.unreadNotifications).toBe(2);
    expect(context.permissions).toContain("read:profiles:public");
  });

  it("knows a candidate by their candidate record", async () => {
    const user = await createUser(t.db);
    const { candidate } = await createCandidate(t.db, { candidate: { userId: user.id } });
    const { token } = await createSession(t.db, user.id, null);
    const request = new Request("http://localhost/kandidaat", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    const context = (await getAuthContext(request))!;
    expect(context.role).toBe("candidate");
    expect(context.candidateId).toBe(candidate.id);
    expect(context.organisation).toBeNull();
    expect(context.memberships).toEqual([]);
    expect(context.unreadNotifications).toBe(0);
  });
});

describe("login", () => {
  it("gives the same message for an unknown email and a wrong password", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const unknown = await login("niemand@proef.werkbrug.test", TEST_PASSWORD);
    const wrong = await login(member.user.email, "verkeerd-wachtwoord-123");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    const a = (await unknown.json()) as { error: Record<string, string[]> };
    const b = (await wrong.json()) as { error: Record<string, string[]> };
    expect(a.error[""]).toEqual(b.error[""]);
    expect(a.error[""]![0]).toMatch(/klopt niet/);
    // The password never comes back to the page.
    expect(JSON.stringify(b)).not.toContain("verkeerd-wachtwoord-123");
  });

  it("answers a malformed form with field errors, not a 500", async () => {
    const response = await login("geen-email", "");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]> };
    expect(body.error.email?.[0]).toMatch(/geldig e-mailadres/);
    expect(body.error.password?.[0]).toBeTruthy();
  });

  it("audits failed and successful logins without the password", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    await login(member.user.email, "nog-een-fout-wachtwoord");
    await login(member.user.email, TEST_PASSWORD);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.objectId, member.user.id));
    const results = rows.filter((r) => r.action === "auth.login").map((r) => r.result);
    expect(results).toEqual(expect.arrayContaining(["failed", "ok"]));
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
    expect(rows.every((r) => r.ip === "10.1.2.3")).toBe(true);
  });

  it("sends the user back to the page they asked for, but never off-site", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const ok = (await loginAction({
      request: post("/login", { email: member.user.email, password: TEST_PASSWORD, redirectTo: "/account" }),
      params: {},
      context: {},
    })) as Response;
    expect(ok.headers.get("location")).toBe("/account");
    const evil = (await loginAction({
      request: post("/login", { email: member.user.email, password: TEST_PASSWORD, redirectTo: "//evil.example" }),
      params: {},
      context: {},
    })) as Response;
    expect(evil.headers.get("location")).toBe("/coach");
  });
});
