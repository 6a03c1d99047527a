import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, searchOutbox } from "#db/schema";
import { getAuthContext } from "~/auth/session.server";
import { action as organisationsAction } from "~/routes/admin+/organisaties";
import { loader as employerHome } from "~/routes/werkgever+/_index";
import { useTestDatabase } from "#tests/support/db";
import { createMember, createVacancy } from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";

const t = useTestDatabase();

function post(cookie: string, values: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(values)) body.set(k, v);
  return new Request("http://localhost/admin/organisaties", { method: "POST", body, headers: { cookie } });
}

async function run(request: Request) {
  try {
    return (await organisationsAction({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("a platform admin verifies and suspends employers", () => {
  it("verifies an unverified employer, which then may publish and see profiles", async () => {
    const admin = await createMember(t.db, { role: "platform_admin" });
    const employer = await createMember(t.db, {
      role: "employer_owner",
      organisation: { verificationStatus: "unverified", verifiedAt: null },
    });
    const employerCookie = await cookieFor(t.db, employer.user.id, employer.membership.id);
    const before = await getAuthContext(new Request("http://localhost/", { headers: { cookie: employerCookie } }));
    expect(before!.permissions).not.toContain("read:profiles:public");

    const response = await run(post(await cookieFor(t.db, admin.user.id, admin.membership.id), {
      organisationId: employer.organisation.id,
      change: "verify",
    }));
    expect(response.status).toBe(200);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, employer.organisation.id));
    expect(org!.verificationStatus).toBe("verified");
    expect(org!.verifiedByUserId).toBe(admin.user.id);
    const after = await getAuthContext(new Request("http://localhost/", { headers: { cookie: employerCookie } }));
    expect(after!.permissions).toEqual(expect.arrayContaining(["read:profiles:public", "publish:vacancies:own-organisation"]));
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "organisation.verify"), eq(auditLog.objectId, employer.organisation.id)));
    expect(row).toMatchObject({ actorUserId: admin.user.id, result: "ok" });
  });

  it("suspending takes the employer's open vacancies out of search, and the employer still sees why", async () => {
    const admin = await createMember(t.db, { role: "platform_admin" });
    const employer = await createMember(t.db, { role: "employer_owner", isOrgAdmin: true });
    const open = await createVacancy(t.db, { organisationId: employer.organisation.id });
    await createVacancy(t.db, { organisationId: employer.organisation.id, status: "draft" });
    const response = await run(post(await cookieFor(t.db, admin.user.id, admin.membership.id), {
      organisationId: employer.organisation.id,
      change: "suspend",
    }));
    expect(response.status).toBe(200);
    const queued = await t.db.select().from(searchOutbox).where(eq(searchOutbox.indexName, "vacancies"));
    expect(queued.map((r) => r.entityId)).toEqual([open.id]);

    const cookie = await cookieFor(t.db, employer.user.id, employer.membership.id);
    const home = (await employerHome({
      request: new Request("http://localhost/werkgever", { headers: { cookie } }),
      params: {},
      context: {},
    })) as Response;
    expect(((await home.json()) as { verification: string }).verification).toBe("suspended");
  });

  it("refuses a change that no longer fits, a non-employer, and a bad form", async () => {
    const admin = await createMember(t.db, { role: "platform_admin" });
    const cookie = await cookieFor(t.db, admin.user.id, admin.membership.id);
    const verified = await createMember(t.db, { role: "employer_owner" });
    expect((await run(post(cookie, { organisationId: verified.organisation.id, change: "verify" }))).status).toBe(409);
    const prison = await createMember(t.db, { role: "prison_staff" });
    expect((await run(post(cookie, { organisationId: prison.organisation.id, change: "suspend" }))).status).toBe(404);
    expect((await run(post(cookie, { organisationId: "geen-id", change: "verify" }))).status).toBe(400);
    expect((await run(post(cookie, { organisationId: crypto.randomUUID(), change: "verify" }))).status).toBe(404);
  });
});
