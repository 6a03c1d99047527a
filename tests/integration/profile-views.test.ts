import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications, profileViews } from "#db/schema";
import { PROFILE_VIEW_LIMIT } from "~/domain/candidates/profile-views.server";
import * as inzage from "~/routes/kandidaat+/inzage";
import * as employerView from "~/routes/werkgever+/profielen.$code";
import { useTestDatabase } from "#tests/support/db";
import { createCandidate, createMember, createUser } from "#tests/support/factories";
import {
  type Caller,
  body,
  call,
  callerFor,
  createPublicationWorld,
  get,
  memberCaller,
} from "#tests/support/profile-world";

/*
 * Views of anonymised profiles: counted per employer account, shown to the candidate by
 * organisation, and a burst is refused (429) and flagged to the platform admins.
 */

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof createPublicationWorld>>;
let employer: Caller;

beforeAll(async () => {
  world = await createPublicationWorld(t.db);
  employer = await memberCaller(t.db, world.employer);
});

const view = (code: string, who: Caller) => call(employerView.loader, get(`/werkgever/profielen/${code}`, who), { code });

describe("profile views", () => {
  it("counts a view per employer account and shows the candidate which organisations looked", async () => {
    const user = await createMember(t.db, { role: "employer_recruiter", organisation: world.employer.organisation });
    const colleague = await memberCaller(t.db, user);
    const c = await createCandidate(t.db, { candidate: { userId: (await createUser(t.db)).id } });
    const candidate = await callerFor(t.db, c.candidate.userId!, null);
    expect((await view(c.candidate.publicCode, employer)).status).toBe(200);
    expect((await view(c.candidate.publicCode.toLowerCase(), employer)).status).toBe(200);
    expect((await view(c.candidate.publicCode, colleague)).status).toBe(200);
    const rows = await t.db.select().from(profileViews).where(eq(profileViews.candidateId, c.candidate.id));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([world.employer.user.id, user.user.id]));

    const seen = await body<{ views: { organisationName: string; views: number }[] }>(await call(inzage.loader, get("/kandidaat/inzage", candidate)));
    expect(seen.views).toEqual([expect.objectContaining({ organisationName: world.employer.organisation.name, views: 3 })]);
  });

  it("gives 404 for an unpublished profile, an unknown code and a malformed code, without counting a view", async () => {
    const draft = await createCandidate(t.db, { candidate: { status: "profile_draft" } });
    expect((await view(draft.candidate.publicCode, employer)).status).toBe(404);
    expect((await view("WB-ZZZZZZ", employer)).status).toBe(404);
    expect((await view("'; drop table candidates; --", employer)).status).toBe(404);
    expect(await t.db.select().from(profileViews).where(eq(profileViews.candidateId, draft.candidate.id))).toEqual([]);
  });

  it("is for verified employers only", async () => {
    const c = await createCandidate(t.db);
    const unverified = await memberCaller(
      t.db,
      await createMember(t.db, { role: "employer_owner", organisation: { verificationStatus: "unverified", verifiedAt: null } }),
    );
    expect((await view(c.candidate.publicCode, unverified)).status).toBe(403);
    expect((await view(c.candidate.publicCode, await memberCaller(t.db, world.coachA1))).status).toBe(403);
    expect((await call(employerView.loader, get(`/werkgever/profielen/${c.candidate.publicCode}`), { code: c.candidate.publicCode })).status).toBe(302);
  });

  it("refuses a burst with 429 and flags it to the platform admins once", async () => {
    const burster = await memberCaller(t.db, await createMember(t.db, { role: "employer_owner" }));
    const c = await createCandidate(t.db);
    for (let i = 0; i < PROFILE_VIEW_LIMIT.max; i++) {
      // Guessing codes counts too.
      const code = i % 2 === 0 ? c.candidate.publicCode : "WB-ZZZZZZ";
      expect([200, 404]).toContain((await view(code, burster)).status);
    }
    const refused = await view(c.candidate.publicCode, burster);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/erg veel profielen/);
    expect((await view(c.candidate.publicCode, burster)).status).toBe(429);

    const flagged = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.admin.user.id), eq(notifications.kind, "profile_view.burst")));
    expect(flagged).toHaveLength(1);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "profile_view.burst"));
    expect(audits).toHaveLength(1);
    // Only the views within the limit were recorded.
    const rows = await t.db.select().from(profileViews).where(eq(profileViews.candidateId, c.candidate.id));
    expect(rows).toHaveLength(PROFILE_VIEW_LIMIT.max / 2);
    // Another account is not affected.
    expect((await view(c.candidate.publicCode, employer)).status).toBe(200);
  });
});
