import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { isPublicCode } from "~/domain/candidates/public-code";
import { candidateIdentities, memberships, organisations } from "#db/schema";
import { useTestDatabase } from "#tests/support/db";
import {
  TEST_PASSWORD,
  createCandidate,
  createMember,
  createOrganisation,
  createVacancy,
} from "#tests/support/factories";

const t = useTestDatabase();

describe("factories", () => {
  it("create composable organisations, members, candidates and vacancies", async () => {
    const prison = await createOrganisation(t.db, { kind: "prison", name: "PI Proef" });
    const coach = await createMember(t.db, { role: "coach", user: { password: TEST_PASSWORD } });
    const colleague = await createMember(t.db, { role: "coach", organisation: coach.organisation });
    expect(colleague.organisation.id).toBe(coach.organisation.id);
    expect(coach.organisation.kind).toBe("coaching");
    expect(await verifyPassword(coach.user.passwordHash!, TEST_PASSWORD)).toBe(true);

    const employer = await createMember(t.db, { role: "employer_owner", isOrgAdmin: true });
    expect(employer.organisation.verificationStatus).toBe("verified");
    expect(employer.organisation.kvkNumber).toMatch(/^\d{8}$/);
    const unverified = await createOrganisation(t.db, { verificationStatus: "unverified" });
    expect(unverified.verificationStatus).toBe("unverified");

    const a = await createCandidate(t.db, {
      coach,
      prison,
      constraints: { vogRiskAreas: ["money"] },
    });
    const b = await createCandidate(t.db, {
      candidate: { status: "intake" },
      identity: { firstName: "Canary" },
    });
    expect(a.candidate.coachUserId).toBe(coach.user.id);
    expect(a.candidate.prisonOrganisationId).toBe(prison.id);
    expect(a.identity.prisonName).toBe("PI Proef");
    expect(a.constraints?.vogRiskAreas).toEqual(["money"]);
    expect(a.profile.publishedAt).not.toBeNull();
    expect(b.profile.publishedAt).toBeNull();
    expect(b.identity.firstName).toBe("Canary");
    expect(isPublicCode(a.candidate.publicCode)).toBe(true);
    expect(a.candidate.publicCode).not.toBe(b.candidate.publicCode);

    const vacancy = await createVacancy(t.db, { organisationId: employer.organisation.id });
    expect(vacancy.status).toBe("open");
    const draft = await createVacancy(t.db, { status: "draft" });
    expect(draft.publishedAt).toBeNull();

    const rows = await t.db
      .select()
      .from(memberships)
      .where(eq(memberships.organisationId, coach.organisation.id));
    expect(rows).toHaveLength(2);
    expect(await t.db.select().from(candidateIdentities)).toHaveLength(2);
    expect((await t.db.select().from(organisations)).length).toBeGreaterThanOrEqual(5);
  });
});
