import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, invitations, memberships, sessions, users } from "#db/schema";
import { verifyPassword } from "~/auth/password.server";
import { getAuthContextForToken } from "~/auth/session.server";
import { hashToken } from "~/auth/tokens.server";
import { INVITATION_TTL_MS, createInvitation } from "~/domain/invitations.server";
import * as adminInvitations from "~/routes/admin+/uitnodigingen";
import * as acceptRoute from "~/routes/_auth+/uitnodiging.$token";
import * as ownInvitations from "~/routes/organisatie+/uitnodigen";
import { signIn, sessionTokenFrom } from "#tests/support/auth";
import { useTestDatabase } from "#tests/support/db";
import {
  TEST_PASSWORD,
  createMember,
  createOrganisation,
  createUser,
} from "#tests/support/factories";
import { getRequest, latestEmail, postRequest, run, tokenFromEmail } from "#tests/support/routes";

const t = useTestDatabase();
const NEW_PASSWORD = "een-lang-nieuw-wachtwoord";
const origin = { ip: "203.0.113.9", userAgent: "vitest" };

async function adminInvites(
  admin: { cookie: string },
  fields: { email: string; organisationId: string; role: string; isOrgAdmin?: string },
) {
  return run(
    adminInvitations.action,
    postRequest("/admin/uitnodigingen", { intent: "invite", ...fields }, { cookie: admin.cookie }),
  );
}

async function acceptPage(token: string, cookie?: string) {
  return run(acceptRoute.loader, getRequest(`/uitnodiging/${token}`, { cookie }), { token });
}

async function accept(token: string, fields: Record<string, string>, cookie?: string) {
  return run(acceptRoute.action, postRequest(`/uitnodiging/${token}`, fields, { cookie }), {
    token,
  });
}

const newAccount = {
  name: "Fatima de Vries",
  password: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
};

async function auditRows(action: string, objectId?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.action, action), objectId ? eq(auditLog.objectId, objectId) : undefined),
    );
}

describe("platform admin invites", () => {
  it("invites an email into any organisation; only the token's hash is stored; the link works once", async () => {
    const admin = await signIn(t.db, { role: "platform_admin", name: "Anne Beheer" });
    const prison = await createOrganisation(t.db, { kind: "prison", name: "PI Proefhaven" });
    const email = "nieuwe.collega@proef.werkbrug.test";

    const response = await adminInvites(admin, {
      email: `  Nieuwe.Collega@Proef.Werkbrug.TEST `,
      organisationId: prison.id,
      role: "prison_staff",
    });
    expect(response.status).toBe(200);

    const [row] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toBeDefined();
    const mail = await latestEmail(t.db, email, "invitation");
    const token = tokenFromEmail(mail);
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeCloseTo(INVITATION_TTL_MS, -4);
    expect(mail!.props).toMatchObject({
      inviterName: "Anne Beheer",
      organisationName: "PI Proefhaven",
      role: "prison_staff",
    });

    const [created] = await auditRows("invitation.created", row!.id);
    expect(created).toMatchObject({ actorUserId: admin.user.id, result: "ok" });
    expect(JSON.stringify(created!.details)).not.toContain(token);

    // The page shows who invites to what.
    const page = await acceptPage(token);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data).toMatchObject({
      state: "open",
      view: "create",
      invitation: {
        email,
        role: "prison_staff",
        organisationName: "PI Proefhaven",
        inviterName: "Anne Beheer",
      },
    });

    // Accept: account, membership, used link, new session, home of the role.
    const accepted = await accept(token, newAccount);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/pi");
    const sessionToken = sessionTokenFrom(accepted);
    expect(sessionToken).toBeTruthy();
    expect(accepted.headers.get("set-cookie")).toContain("HttpOnly");
    const context = await getAuthContextForToken(sessionToken!);
    expect(context).toMatchObject({
      role: "prison_staff",
      user: { email, name: "Fatima de Vries" },
    });
    expect(context!.organisation?.id).toBe(prison.id);

    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(await verifyPassword(user!.passwordHash!, NEW_PASSWORD)).toBe(true);
    const [used] = await t.db.select().from(invitations).where(eq(invitations.id, row!.id));
    expect(used!.usedAt).not.toBeNull();

    const [acceptedAudit] = await auditRows("invitation.accepted", row!.id);
    expect(acceptedAudit).toMatchObject({ actorUserId: user!.id });
    const [membershipAudit] = await auditRows("membership.created");
    expect(membershipAudit!.details).toMatchObject({
      organisationId: prison.id,
      role: "prison_staff",
    });
    for (const a of [acceptedAudit, membershipAudit]) {
      expect(JSON.stringify(a!.details)).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify(a!.details)).not.toContain(token);
    }

    // A second use gets a friendly page, not an error, and writes nothing.
    const again = await acceptPage(token);
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ state: "used" });
    const secondPost = await accept(token, { ...newAccount, name: "Iemand Anders" });
    expect(secondPost.status).toBe(410);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("rejects a role that does not fit the organisation and an unknown organisation", async () => {
    const admin = await signIn(t.db, { role: "platform_admin" });
    const employer = await createOrganisation(t.db, { kind: "employer" });
    const wrongRole = await adminInvites(admin, {
      email: "a@proef.werkbrug.test",
      organisationId: employer.id,
      role: "coach",
    });
    expect(wrongRole.status).toBe(400);
    expect((await wrongRole.json()).result.error.role).toBeDefined();

    const unknown = await adminInvites(admin, {
      email: "a@proef.werkbrug.test",
      organisationId: "00000000-0000-4000-8000-000000000000",
      role: "coach",
    });
    expect(unknown.status).toBe(404);
    const malformed = await adminInvites(admin, {
      email: "geen-adres",
      organisationId: "x",
      role: "baas",
    });
    expect(malformed.status).toBe(400);
    const errors = (await malformed.json()).result.error;
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(["email", "organisationId", "role"]),
    );
    expect(
      await t.db.select().from(invitations).where(eq(invitations.email, "a@proef.werkbrug.test")),
    ).toHaveLength(0);
  });

  it("replaces an open invitation for the same email, organisation and role", async () => {
    const admin = await signIn(t.db, { role: "platform_admin" });
    const coaching = await createOrganisation(t.db, { kind: "coaching" });
    const email = "dubbel@proef.werkbrug.test";
    await adminInvites(admin, { email, organisationId: coaching.id, role: "coach" });
    const firstToken = tokenFromEmail(await latestEmail(t.db, email, "invitation"));
    const second = await adminInvites(admin, { email, organisationId: coaching.id, role: "coach" });
    expect(second.status).toBe(200);
    expect((await second.json()).notice).toContain("werkt nu niet meer");

    const rows = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    const old = rows.find((r) => r.tokenHash === hashToken(firstToken))!;
    expect(old.revokedAt).not.toBeNull();
    expect(await auditRows("invitation.revoked", old.id)).toHaveLength(1);

    const oldPage = await acceptPage(firstToken);
    expect(oldPage.status).toBe(410);
    expect(await oldPage.json()).toMatchObject({ state: "revoked" });
  });

  it("lists open invitations and revokes one", async () => {
    const admin = await signIn(t.db, { role: "platform_admin" });
    const municipality = await createOrganisation(t.db, { kind: "municipality" });
    const email = "intrekken@proef.werkbrug.test";
    await adminInvites(admin, {
      email,
      organisationId: municipality.id,
      role: "municipality_coordinator",
    });
    const list = await run(
      adminInvitations.loader,
      getRequest("/admin/uitnodigingen", { cookie: admin.cookie }),
    );
    const open = (await list.json()).invitations as { id: string; email: string }[];
    const mine = open.find((i) => i.email === email)!;
    expect(mine).toBeDefined();
    expect(JSON.stringify(open)).not.toMatch(/token/i);

    const revoked = await run(
      adminInvitations.action,
      postRequest(
        "/admin/uitnodigingen",
        { intent: "revoke", invitationId: mine.id },
        { cookie: admin.cookie },
      ),
    );
    expect(revoked.status).toBe(200);
    const token = tokenFromEmail(await latestEmail(t.db, email, "invitation"));
    expect((await acceptPage(token)).status).toBe(410);
    expect(await auditRows("invitation.revoked", mine.id)).toHaveLength(1);
    // Revoking twice: nothing open any more.
    const twice = await run(
      adminInvitations.action,
      postRequest(
        "/admin/uitnodigingen",
        { intent: "revoke", invitationId: mine.id },
        { cookie: admin.cookie },
      ),
    );
    expect(twice.status).toBe(404);
  });

  it("is for platform admins only", async () => {
    const coach = await signIn(t.db, { role: "coach", isOrgAdmin: true });
    expect(
      (
        await run(
          adminInvitations.loader,
          getRequest("/admin/uitnodigingen", { cookie: coach.cookie }),
        )
      ).status,
    ).toBe(403);
    const anonymous = await run(adminInvitations.loader, getRequest("/admin/uitnodigingen"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("accepting an invitation", () => {
  async function invitationFor(email: string, role: "coach" | "employer_recruiter" = "coach") {
    const organisation = await createOrganisation(t.db, {
      kind: role === "coach" ? "coaching" : "employer",
    });
    const inviter = await createUser(t.db, { name: "Ivo Uitnodiger" });
    const result = await createInvitation(t.db, {
      organisationId: organisation.id,
      email,
      role,
      isOrgAdmin: false,
      inviter: { userId: inviter.id, name: inviter.name, organisationId: organisation.id },
      origin,
    });
    if (!result.ok) throw new Error(result.reason);
    return { organisation, token: result.token, invitationId: result.invitationId };
  }

  it("checks the password and name: 400 with field messages and nothing written", async () => {
    const email = "zwak@proef.werkbrug.test";
    const { token, invitationId } = await invitationFor(email);
    const cases: [Record<string, string>, string][] = [
      [{ ...newAccount, password: "kort", confirmPassword: "kort" }, "password"],
      [{ ...newAccount, password: "x".repeat(257), confirmPassword: "x".repeat(257) }, "password"],
      [{ ...newAccount, confirmPassword: `${NEW_PASSWORD}!` }, "confirmPassword"],
      [{ ...newAccount, name: "   " }, "name"],
      [{ name: "Zonder Wachtwoord" }, "password"],
    ];
    for (const [fields, field] of cases) {
      const response = await accept(token, fields);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error[field]?.length).toBeGreaterThan(0);
      // Passwords never travel back to the page.
      expect(JSON.stringify(body)).not.toContain(NEW_PASSWORD);
    }
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitationId));
    expect(row!.usedAt).toBeNull();
  });

  it("gives expired and unknown links a friendly page", async () => {
    const { token, invitationId } = await invitationFor("verlopen@proef.werkbrug.test");
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invitationId));
    const expired = await acceptPage(token);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ state: "expired", invitation: null });
    expect((await accept(token, newAccount)).status).toBe(410);
    expect(
      await t.db.select().from(users).where(eq(users.email, "verlopen@proef.werkbrug.test")),
    ).toHaveLength(0);

    const unknown = await acceptPage("abcdefghijklmnopqrstuvwxyz234567");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ state: "unknown" });
    expect((await accept("niet-bestaand", newAccount)).status).toBe(404);
  });

  it("adds the membership to an existing account after its owner logs in, with a new session", async () => {
    const existing = await signIn(t.db, {
      role: "coach",
      email: "bestaand@proef.werkbrug.test",
      password: TEST_PASSWORD,
    });
    const { token, organisation } = await invitationFor(
      "bestaand@proef.werkbrug.test",
      "employer_recruiter",
    );

    // Not signed in: log in first (and come back).
    const page = await acceptPage(token);
    expect(await page.json()).toMatchObject({ view: "login" });
    const anonymous = await accept(token, {});
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/uitnodiging/${token}`)}`,
    );

    // Signed in as someone else: refused, nothing written.
    const other = await signIn(t.db, { role: "coach" });
    expect(await (await acceptPage(token, other.cookie)).json()).toMatchObject({
      view: "wrong_account",
    });
    expect((await accept(token, {}, other.cookie)).status).toBe(403);

    // Signed in as the owner: membership added, old session replaced by a new one.
    expect(await (await acceptPage(token, existing.cookie)).json()).toMatchObject({
      view: "accept",
    });
    const accepted = await accept(token, {}, existing.cookie);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/werkgever");
    const newToken = sessionTokenFrom(accepted)!;
    expect(newToken).not.toBe(existing.token);
    expect(
      await t.db.select().from(sessions).where(eq(sessions.id, existing.sessionId)),
    ).toHaveLength(0);
    const context = await getAuthContextForToken(newToken);
    expect(context!.organisation?.id).toBe(organisation.id);
    expect(context!.memberships).toHaveLength(2);
    const rows = await t.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, existing.user.id));
    expect(rows.map((m) => m.role).sort()).toEqual(["coach", "employer_recruiter"]);
    // Name and password stay as they were.
    const [user] = await t.db.select().from(users).where(eq(users.id, existing.user.id));
    expect(user!.name).toBe(existing.user.name);
    expect(await verifyPassword(user!.passwordHash!, TEST_PASSWORD)).toBe(true);
  });

  it("does not let a signed-in user create an account for someone else's address", async () => {
    const { token } = await invitationFor("vreemd@proef.werkbrug.test");
    const other = await signIn(t.db, { role: "coach" });
    const response = await accept(token, newAccount, other.cookie);
    expect(response.status).toBe(403);
    expect(
      await t.db.select().from(users).where(eq(users.email, "vreemd@proef.werkbrug.test")),
    ).toHaveLength(0);
  });

  it("lets only one of two simultaneous accepts through", async () => {
    const email = "tegelijk@proef.werkbrug.test";
    const { token } = await invitationFor(email);
    const results = await Promise.all([accept(token, newAccount), accept(token, newAccount)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 410]);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe("an organisation's own admin invites colleagues", () => {
  async function ownInvite(cookie: string, fields: Record<string, string>) {
    return run(
      ownInvitations.action,
      postRequest("/organisatie/uitnodigen", { intent: "invite", ...fields }, { cookie }),
    );
  }

  it("invites into their active organisation only, with roles that fit its kind", async () => {
    const owner = await signIn(t.db, { role: "employer_owner", isOrgAdmin: true });
    const org = owner.organisation!;

    const page = await run(
      ownInvitations.loader,
      getRequest("/organisatie/uitnodigen", { cookie: owner.cookie }),
    );
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({
      organisation: { id: org.id },
      roles: ["employer_owner", "employer_recruiter"],
    });

    const ok = await ownInvite(owner.cookie, {
      email: "Recruiter@Proef.Werkbrug.test",
      organisationId: org.id,
      role: "employer_recruiter",
    });
    expect(ok.status).toBe(200);
    const [row] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, "recruiter@proef.werkbrug.test"));
    expect(row).toMatchObject({
      organisationId: org.id,
      role: "employer_recruiter",
      invitedByUserId: owner.user.id,
    });

    // A forged organisation id: 403, audited, nothing written.
    const otherOrg = await createOrganisation(t.db, { kind: "employer" });
    const forged = await ownInvite(owner.cookie, {
      email: "indringer@proef.werkbrug.test",
      organisationId: otherOrg.id,
      role: "employer_recruiter",
    });
    expect(forged.status).toBe(403);
    expect(
      await t.db
        .select()
        .from(invitations)
        .where(eq(invitations.email, "indringer@proef.werkbrug.test")),
    ).toHaveLength(0);
    const denied = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.objectId, otherOrg.id)));
    expect(denied).toHaveLength(1);

    // A role that does not fit an employer.
    for (const role of ["coach", "platform_admin", "prison_staff"]) {
      const wrong = await ownInvite(owner.cookie, {
        email: "rol@proef.werkbrug.test",
        organisationId: org.id,
        role,
      });
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).result.error.role).toBeDefined();
    }
    expect(
      await t.db.select().from(invitations).where(eq(invitations.email, "rol@proef.werkbrug.test")),
    ).toHaveLength(0);
  });

  it("knows which roles fit prisons, coaching organisations and municipalities", async () => {
    const cases: [Parameters<typeof signIn>[1]["role"], string, number][] = [
      ["prison_staff", "prison_staff", 200],
      ["prison_staff", "coach", 400],
      ["coach", "coach", 200],
      ["coach", "municipality_coordinator", 400],
      ["municipality_coordinator", "municipality_coordinator", 200],
      ["municipality_coordinator", "coach", 200],
      ["municipality_coordinator", "employer_owner", 400],
    ];
    for (const [adminRole, invitedRole, status] of cases) {
      const orgAdmin = await signIn(t.db, { role: adminRole, isOrgAdmin: true });
      const response = await ownInvite(orgAdmin.cookie, {
        email: `collega.${invitedRole}@proef.werkbrug.test`,
        organisationId: orgAdmin.organisation!.id,
        role: invitedRole,
      });
      expect([adminRole, invitedRole, response.status]).toEqual([adminRole, invitedRole, status]);
    }
  });

  it("is closed to members who are not the organisation's admin", async () => {
    const member = await signIn(t.db, { role: "employer_recruiter" });
    const page = await run(
      ownInvitations.loader,
      getRequest("/organisatie/uitnodigen", { cookie: member.cookie }),
    );
    expect(page.status).toBe(403);
    const post = await ownInvite(member.cookie, {
      email: "x@proef.werkbrug.test",
      organisationId: member.organisation!.id,
      role: "employer_recruiter",
    });
    expect(post.status).toBe(403);
  });

  it("lists and revokes only their own organisation's invitations", async () => {
    const admin = await signIn(t.db, { role: "coach", isOrgAdmin: true });
    const other = await createMember(t.db, { role: "coach", isOrgAdmin: true });
    const theirs = await createInvitation(t.db, {
      organisationId: other.organisation.id,
      email: "van-een-ander@proef.werkbrug.test",
      role: "coach",
      isOrgAdmin: false,
      inviter: {
        userId: other.user.id,
        name: other.user.name,
        organisationId: other.organisation.id,
      },
      origin,
    });
    if (!theirs.ok) throw new Error(theirs.reason);
    await ownInvite(admin.cookie, {
      email: "eigen@proef.werkbrug.test",
      organisationId: admin.organisation!.id,
      role: "coach",
    });

    const page = await run(
      ownInvitations.loader,
      getRequest("/organisatie/uitnodigen", { cookie: admin.cookie }),
    );
    const listed = (await page.json()).invitations as { email: string }[];
    expect(listed.map((i) => i.email)).toEqual(["eigen@proef.werkbrug.test"]);

    const foreign = await run(
      ownInvitations.action,
      postRequest(
        "/organisatie/uitnodigen",
        { intent: "revoke", invitationId: theirs.invitationId },
        { cookie: admin.cookie },
      ),
    );
    expect(foreign.status).toBe(404);
    const [still] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, theirs.invitationId));
    expect(still!.revokedAt).toBeNull();
  });

  it("says so when the person already has that role in the organisation", async () => {
    const admin = await signIn(t.db, { role: "coach", isOrgAdmin: true });
    const colleague = await createMember(t.db, {
      role: "coach",
      organisation: admin.organisation!,
    });
    const response = await ownInvite(admin.cookie, {
      email: colleague.user.email.toUpperCase(),
      organisationId: admin.organisation!.id,
      role: "coach",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.email).toBeDefined();
    expect(
      await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, colleague.user.email)),
    ).toHaveLength(0);
  });
});
