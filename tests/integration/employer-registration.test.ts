import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, invitations, organisations } from "#db/schema";
import { getAuthContextForToken } from "~/auth/session.server";
import { REGISTRATION_LIMIT_PER_IP } from "~/domain/employer-registration.server";
import * as acceptRoute from "~/routes/_auth+/uitnodiging.$token";
import * as registerRoute from "~/routes/_auth+/aanmelden-werkgever";
import { sessionTokenFrom } from "#tests/support/auth";
import { useTestDatabase } from "#tests/support/db";
import { uniqueKvkNumber } from "#tests/support/factories";
import { getRequest, latestEmail, postRequest, run, tokenFromEmail } from "#tests/support/routes";

const t = useTestDatabase();
const NEW_PASSWORD = "werken-na-detentie-werkt";

let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

function form(overrides: Record<string, string | undefined> = {}) {
  return {
    organisationName: "Flevo Logistiek B.V.",
    kvkNumber: uniqueKvkNumber(),
    address: "Industrieweg 12",
    placeName: "Lelystad",
    contactName: "Karin Jansen",
    email: `karin.${ipCounter}.${Math.random().toString(36).slice(2, 8)}@flevo.test`,
    ...overrides,
  };
}

async function register(fields: Record<string, string | undefined>, ip = freshIp()) {
  return run(registerRoute.action, postRequest("/aanmelden-werkgever", fields, { ip }));
}

describe("employer self-registration", () => {
  it("creates an unverified employer and invites the contact person as its owner and admin", async () => {
    const fields = form({ email: "  Karin@Flevo-Logistiek.TEST ", kvkNumber: "1234 5678" });
    const response = await register(fields);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      done: true,
      email: "karin@flevo-logistiek.test",
    });

    const [org] = await t.db
      .select()
      .from(organisations)
      .where(eq(organisations.kvkNumber, "12345678"));
    expect(org).toMatchObject({
      kind: "employer",
      name: "Flevo Logistiek B.V.",
      verificationStatus: "unverified",
      address: "Industrieweg 12",
      placeName: "Lelystad",
      contactName: "Karin Jansen",
      contactEmail: "karin@flevo-logistiek.test",
    });
    const [invitation] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.organisationId, org!.id));
    expect(invitation).toMatchObject({
      email: "karin@flevo-logistiek.test",
      role: "employer_owner",
      isOrgAdmin: true,
      invitedByUserId: null,
    });
    const mail = await latestEmail(t.db, "karin@flevo-logistiek.test", "invitation");
    expect(mail!.props).toMatchObject({
      name: "Karin Jansen",
      organisationName: "Flevo Logistiek B.V.",
      role: "employer_owner",
    });

    const [registered] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "organisation.registered"), eq(auditLog.objectId, org!.id)));
    expect(registered).toMatchObject({ result: "ok" });
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "invitation.created"), eq(auditLog.objectId, invitation!.id)),
        ),
    ).toHaveLength(1);

    // The link confirms the address: the owner chooses a password and lands on the employer home,
    // without access to profiles until a platform admin verifies the organisation.
    const token = tokenFromEmail(mail);
    const page = await run(acceptRoute.loader, getRequest(`/uitnodiging/${token}`), { token });
    expect(await page.json()).toMatchObject({
      view: "create",
      invitation: {
        organisationName: "Flevo Logistiek B.V.",
        suggestedName: "Karin Jansen",
        isOrgAdmin: true,
      },
    });
    const accepted = await run(
      acceptRoute.action,
      postRequest(`/uitnodiging/${token}`, {
        name: "Karin Jansen",
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
      { token },
    );
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/werkgever");
    const context = await getAuthContextForToken(sessionTokenFrom(accepted)!);
    expect(context!.organisation).toMatchObject({
      id: org!.id,
      membershipRole: "employer_owner",
      isOrgAdmin: true,
      verificationStatus: "unverified",
    });
    expect(context!.permissions).toContain("invite:own-organisation");
    expect(context!.permissions).not.toContain("read:profiles:public");
  });

  it("gives a duplicate KvK number a clear field message and writes nothing", async () => {
    const kvkNumber = uniqueKvkNumber();
    expect((await register(form({ kvkNumber }))).status).toBe(200);
    const email = "tweede@flevo.test";
    const duplicate = await register(form({ kvkNumber, email, organisationName: "Ander Bedrijf" }));
    expect(duplicate.status).toBe(400);
    const body = await duplicate.json();
    expect(body.done).toBe(false);
    expect(body.result.error.kvkNumber).toEqual([expect.stringContaining("al aangemeld")]);

    expect(
      await t.db.select().from(organisations).where(eq(organisations.kvkNumber, kvkNumber)),
    ).toHaveLength(1);
    expect(
      await t.db.select().from(organisations).where(eq(organisations.name, "Ander Bedrijf")),
    ).toHaveLength(0);
    expect(await t.db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(
      0,
    );
    expect(
      await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)),
    ).toHaveLength(0);
  });

  it("rejects malformed input with a message per field", async () => {
    for (const kvkNumber of ["1234567", "123456789", "1234567a", "abcdefgh", ""]) {
      const response = await register(form({ kvkNumber }));
      expect(response.status).toBe(400);
      expect((await response.json()).result.error.kvkNumber).toBeDefined();
    }
    const empty = await register({});
    expect(empty.status).toBe(400);
    const errors = (await empty.json()).result.error;
    expect(Object.keys(errors).sort()).toEqual(
      ["address", "contactName", "email", "kvkNumber", "organisationName", "placeName"].sort(),
    );
    const badEmail = await register(form({ email: "karin@" }));
    expect((await badEmail.json()).result.error.email).toBeDefined();
  });

  it("registers two different organisations at the same moment, but one KvK number only once", async () => {
    const kvkNumber = uniqueKvkNumber();
    const results = await Promise.all([
      register(form({ kvkNumber })),
      register(form({ kvkNumber })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(
      await t.db.select().from(organisations).where(eq(organisations.kvkNumber, kvkNumber)),
    ).toHaveLength(1);
  });

  it("is rate limited per IP", async () => {
    const ip = freshIp();
    for (let i = 0; i < REGISTRATION_LIMIT_PER_IP.max; i++) {
      expect((await register(form(), ip)).status).toBe(200);
    }
    const limited = await register(form({ organisationName: "Te Veel B.V." }), ip);
    expect(limited.status).toBe(429);
    expect(
      await t.db.select().from(organisations).where(eq(organisations.name, "Te Veel B.V.")),
    ).toHaveLength(0);
  });

  it("is open to anyone", async () => {
    expect(
      (await run(registerRoute.loader as never, getRequest("/aanmelden-werkgever"))).status,
    ).toBe(200);
  });
});
