import { describe, expect, it } from "vitest";
import { attemptLogin } from "~/auth/login.server";
import { LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_IP } from "~/auth/rate-limit.server";
import { useTestDatabase } from "#tests/support/db";
import { createMember, TEST_PASSWORD } from "#tests/support/factories";

const t = useTestDatabase();

describe("login rate limiting (in the database)", () => {
  it("locks an account after repeated failures, even with the right password, until the window passes", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const now = new Date("2027-03-01T10:00:00Z");
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT.max; i++) {
      const r = await attemptLogin(
        t.db,
        { email: member.user.email, password: "fout-wachtwoord-xx", origin: { ip: `10.0.0.${i}`, userAgent: null } },
        now,
      );
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await attemptLogin(
      t.db,
      { email: member.user.email, password: TEST_PASSWORD, origin: { ip: "10.0.1.1", userAgent: null } },
      now,
    );
    expect(locked).toEqual({ ok: false, reason: "rate_limited" });
    const later = new Date(now.getTime() + LOGIN_LIMIT_PER_ACCOUNT.windowMs);
    const again = await attemptLogin(
      t.db,
      { email: member.user.email, password: TEST_PASSWORD, origin: { ip: "10.0.1.1", userAgent: null } },
      later,
    );
    expect(again.ok).toBe(true);
  });

  it("limits one IP address trying many accounts", async () => {
    const now = new Date("2027-03-02T10:00:00Z");
    const origin = { ip: "192.0.2.77", userAgent: null };
    for (let i = 0; i < LOGIN_LIMIT_PER_IP.max; i++) {
      await attemptLogin(t.db, { email: `onbekend${i}@proef.werkbrug.test`, password: "x".repeat(12), origin }, now);
    }
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const blocked = await attemptLogin(t.db, { email: member.user.email, password: TEST_PASSWORD, origin }, now);
    expect(blocked).toEqual({ ok: false, reason: "rate_limited" });
    // Another address is not affected.
    const other = await attemptLogin(
      t.db,
      { email: member.user.email, password: TEST_PASSWORD, origin: { ip: "192.0.2.78", userAgent: null } },
      now,
    );
    expect(other.ok).toBe(true);
  });

  it("counts concurrent failures exactly (no lost updates)", async () => {
    const member = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const now = new Date("2027-03-03T10:00:00Z");
    await Promise.all(
      Array.from({ length: LOGIN_LIMIT_PER_ACCOUNT.max }, (_, i) =>
        attemptLogin(
          t.db,
          { email: member.user.email, password: "fout-wachtwoord-yy", origin: { ip: `10.9.0.${i}`, userAgent: null } },
          now,
        ),
      ),
    );
    const r = await attemptLogin(
      t.db,
      { email: member.user.email, password: TEST_PASSWORD, origin: { ip: "10.9.1.1", userAgent: null } },
      now,
    );
    expect(r).toEqual({ ok: false, reason: "rate_limited" });
  });
});
