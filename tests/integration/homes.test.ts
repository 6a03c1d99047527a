import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "#db/schema";
import { loader as coachHome } from "~/routes/coach+/_index";
import { loader as municipalityHome } from "~/routes/gemeente+/_index";
import { loader as prisonHome } from "~/routes/pi+/_index";
import { useTestDatabase } from "#tests/support/db";
import { createCandidate, createMember } from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";

const t = useTestDatabase();

async function get(loader: (args: never) => Promise<Response>, path: string, cookie: string) {
  const request = new Request(`http://localhost${path}`, { headers: { cookie } });
  const response = await loader({ request, params: {}, context: {} } as never);
  return (await response.json()) as Record<string, unknown>;
}

describe("role homes show only the caller's own people, and account for it", () => {
  it("a coach sees their own caseload, and each name shown is an audited identity read", async () => {
    const coach = await createMember(t.db, { role: "coach" });
    const other = await createMember(t.db, { role: "coach" });
    const mine = await createCandidate(t.db, { coach });
    const theirs = await createCandidate(t.db, { coach: other });
    const body = await get(coachHome, "/coach", await cookieFor(t.db, coach.user.id, coach.membership.id));
    const ids = (body.caseload as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(mine.candidate.id);
    expect(ids).not.toContain(theirs.candidate.id);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "candidate.identity_read"), eq(auditLog.actorUserId, coach.user.id)));
    expect(reads.map((r) => r.objectId)).toEqual([mine.candidate.id]);
    // The audit row holds no identity values.
    expect(JSON.stringify(reads)).not.toContain(mine.identity.lastName);
  });

  it("prison staff see releases of their own prison only", async () => {
    const staff = await createMember(t.db, { role: "prison_staff" });
    const otherPrison = await createMember(t.db, { role: "prison_staff" });
    const own = await createCandidate(t.db, { prison: staff.organisation });
    const foreign = await createCandidate(t.db, { prison: otherPrison.organisation });
    const body = await get(prisonHome, "/pi", await cookieFor(t.db, staff.user.id, staff.membership.id));
    const ids = (body.releases as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(own.candidate.id);
    expect(ids).not.toContain(foreign.candidate.id);
  });

  it("a municipality sees people whose municipality of origin is theirs", async () => {
    const lelystad = await createMember(t.db, { role: "municipality_coordinator", organisation: { municipalityCode: "0995" } });
    const zwolle = await createMember(t.db, { role: "municipality_coordinator", organisation: { municipalityCode: "0193" } });
    const fromLelystad = await createCandidate(t.db, { candidate: { municipalityCode: "0995" } });
    const fromZwolle = await createCandidate(t.db, { candidate: { municipalityCode: "0193" } });
    const body = await get(municipalityHome, "/gemeente", await cookieFor(t.db, lelystad.user.id, lelystad.membership.id));
    const ids = (body.releases as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(fromLelystad.candidate.id);
    expect(ids).not.toContain(fromZwolle.candidate.id);
    const other = await get(municipalityHome, "/gemeente", await cookieFor(t.db, zwolle.user.id, zwolle.membership.id));
    expect((other.releases as { id: string }[]).map((c) => c.id)).toContain(fromZwolle.candidate.id);
  });
});
