import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, consents, offers, proposals } from "#db/schema";
import { identityForEmployer, recordConsent } from "~/domain/candidates/consent.server";
import * as page from "~/routes/kandidaat+/toestemmingen";
import { useTestDatabase } from "#tests/support/db";
import { createMember, createVacancy } from "#tests/support/factories";
import {
  type Caller,
  body,
  call,
  contextOf,
  createCoachedCandidate,
  createPublicationWorld,
  get,
  memberCaller,
  post,
} from "#tests/support/profile-world";

/*
 * Identity disclosure: only with an active consent of the candidate for that employer
 * organisation and that proposal or offer; revocation counts from the next request on.
 */

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof createPublicationWorld>>;
let other: Awaited<ReturnType<typeof createMember>>;
let unverified: Awaited<ReturnType<typeof createMember>>;
let as: { employer: Caller; other: Caller; unverified: Caller };

beforeAll(async () => {
  world = await createPublicationWorld(t.db);
  other = await createMember(t.db, { role: "employer_owner" });
  unverified = await createMember(t.db, { role: "employer_owner", organisation: { verificationStatus: "unverified", verifiedAt: null } });
  as = {
    employer: await memberCaller(t.db, world.employer),
    other: await memberCaller(t.db, other),
    unverified: await memberCaller(t.db, unverified),
  };
});

let n = 0;
async function candidateWithProposal(status: (typeof proposals.$inferSelect)["status"] = "interested") {
  const c = await createCoachedCandidate(t.db, {
    coach: world.coachA1,
    prison: world.staffA.organisation,
    status: "published",
    identity: { firstName: "Consentia", lastName: `Testpersoon${++n}`, phone: "0611122233", email: `consentia${n}@example.nl` },
  });
  const vacancy = await createVacancy(t.db, { organisationId: world.employer.organisation.id });
  const [proposal] = await t.db
    .insert(proposals)
    .values({ candidateId: c.candidate.id, vacancyId: vacancy.id, status, proposedByUserId: world.coachA1.user.id })
    .returning();
  return { ...c, proposal: proposal! };
}

async function disclose(who: Caller, candidateId: string, proposalId: string) {
  return identityForEmployer(t.db, await contextOf(who), candidateId, proposalId);
}

async function grant(caller: Caller, proposalId: string) {
  return call(page.action, post("/kandidaat/toestemmingen", { intent: "grant", proposalId }, caller));
}

describe("consent and disclosure", () => {
  it("shows nothing without consent, and audits the refused read", async () => {
    const c = await candidateWithProposal();
    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).toBeNull();
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.candidate.id), eq(auditLog.action, "identity.read"), eq(auditLog.result, "denied")));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.details)).not.toContain("Consentia");
  });

  it("discloses name, phone and email once the candidate consents, and audits it without the values", async () => {
    const c = await candidateWithProposal();
    const overview = await body<{ subjects: { proposalId: string; active: unknown; organisationName: string }[] }>(
      await call(page.loader, get("/kandidaat/toestemmingen", c.caller!)),
    );
    expect(overview.subjects).toEqual([
      expect.objectContaining({ proposalId: c.proposal.id, active: null, organisationName: world.employer.organisation.name }),
    ]);
    const response = await grant(c.caller!, c.proposal.id);
    expect(response.status).toBe(200);
    expect((await body<{ message: string }>(response)).message).toContain(world.employer.organisation.name);

    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).toEqual({
      firstName: "Consentia",
      lastName: c.identity.lastName,
      phone: "0611122233",
      email: c.identity.email,
    });
    const [disclosed] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.candidate.id), eq(auditLog.action, "identity.disclosed")));
    expect(disclosed?.actorOrganisationId).toBe(world.employer.organisation.id);
    expect(JSON.stringify(disclosed?.details)).not.toMatch(/Consentia|0611122233|consentia@/);
    const [granted] = await t.db.select().from(auditLog).where(eq(auditLog.action, "consent.granted"));
    expect(granted).toBeTruthy();
  });

  it("revocation takes effect at the next request", async () => {
    const c = await candidateWithProposal();
    await grant(c.caller!, c.proposal.id);
    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).not.toBeNull();
    const [consent] = await t.db.select().from(consents).where(eq(consents.candidateId, c.candidate.id));
    const response = await call(page.action, post("/kandidaat/toestemmingen", { intent: "revoke", consentId: consent!.id }, c.caller!));
    expect(response.status).toBe(200);
    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).toBeNull();
    // Granting again works and shows the history.
    await grant(c.caller!, c.proposal.id);
    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).not.toBeNull();
    const overview = await body<{ subjects: { revoked: unknown[]; active: unknown }[] }>(
      await call(page.loader, get("/kandidaat/toestemmingen", c.caller!)),
    );
    expect(overview.subjects[0]!.revoked).toHaveLength(1);
    expect(overview.subjects[0]!.active).not.toBeNull();
  });

  it("is per organisation and per proposal", async () => {
    const c = await candidateWithProposal();
    await grant(c.caller!, c.proposal.id);
    // Another employer (even with its own proposal for this candidate) sees nothing.
    const vacancy = await createVacancy(t.db, { organisationId: other.organisation.id });
    const [otherProposal] = await t.db
      .insert(proposals)
      .values({ candidateId: c.candidate.id, vacancyId: vacancy.id, status: "interested" })
      .returning();
    expect(await disclose(as.other, c.candidate.id, otherProposal!.id)).toBeNull();
    expect(await disclose(as.other, c.candidate.id, c.proposal.id)).toBeNull();
    // The consenting organisation, on another proposal of the same organisation: nothing either.
    const vacancy2 = await createVacancy(t.db, { organisationId: world.employer.organisation.id });
    const [second] = await t.db
      .insert(proposals)
      .values({ candidateId: c.candidate.id, vacancyId: vacancy2.id, status: "interested" })
      .returning();
    expect(await disclose(as.employer, c.candidate.id, second!.id)).toBeNull();
    // And never for another candidate with the same proposal id.
    const someoneElse = await candidateWithProposal();
    expect(await disclose(as.employer, someoneElse.candidate.id, c.proposal.id)).toBeNull();
  });

  it("covers an offer on the proposal", async () => {
    const c = await candidateWithProposal("offer_made");
    const [offer] = await t.db
      .insert(offers)
      .values({ proposalId: c.proposal.id, startDate: "2027-07-01", hoursPerWeek: 32, contractType: "tijdelijk" })
      .returning();
    const result = await recordConsent(t.db, { candidateId: c.candidate.id, subject: { offerId: offer!.id }, grantedByUserId: c.user!.id });
    expect(result.ok).toBe(true);
    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).not.toBeNull();
  });

  it("refuses an unverified employer and a closed proposal", async () => {
    const c = await candidateWithProposal();
    await grant(c.caller!, c.proposal.id);
    expect(await disclose(as.unverified, c.candidate.id, c.proposal.id)).toBeNull();
    await t.db.update(proposals).set({ status: "rejected" }).where(eq(proposals.id, c.proposal.id));
    expect(await disclose(as.employer, c.candidate.id, c.proposal.id)).toBeNull();
    // No new consent on a closed proposal.
    const closed = await candidateWithProposal("rejected");
    expect((await grant(closed.caller!, closed.proposal.id)).status).toBe(409);
  });

  it("gives a candidate a 404 for someone else's proposal or consent, and 400 for nonsense", async () => {
    const mine = await candidateWithProposal();
    const theirs = await candidateWithProposal();
    await grant(theirs.caller!, theirs.proposal.id);
    expect((await grant(mine.caller!, theirs.proposal.id)).status).toBe(404);
    const [consent] = await t.db.select().from(consents).where(eq(consents.candidateId, theirs.candidate.id));
    const revoke = await call(page.action, post("/kandidaat/toestemmingen", { intent: "revoke", consentId: consent!.id }, mine.caller!));
    expect(revoke.status).toBe(404);
    expect(await disclose(as.employer, theirs.candidate.id, theirs.proposal.id)).not.toBeNull();
    expect((await call(page.action, post("/kandidaat/toestemmingen", { intent: "grant", proposalId: "x" }, mine.caller!))).status).toBe(400);
  });

  it("is for candidates only", async () => {
    expect((await call(page.loader, get("/kandidaat/toestemmingen", as.employer))).status).toBe(403);
  });
});
