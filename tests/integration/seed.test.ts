import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { identityFingerprint } from "~/domain/candidates/nomination.server";
import { isPublicCode } from "~/domain/candidates/public-code";
import { findPlace, haversineKm, municipalityByCode } from "~/domain/geo/gazetteer";
import type { Database } from "#db/client.server";
import { buildCandidateDocument, buildVacancyDocument } from "#search/documents";
import { meetsConstraints } from "#search/matching";
import {
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidateStatus,
  candidates,
  checkIns,
  consents,
  handovers,
  memberships,
  offers,
  organisations,
  placements,
  proposals,
  searchOutbox,
  sharedVacancies,
  users,
  vacancies,
} from "#db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoWorld } from "#db/seed/demo";
import { createTestDatabase, useTestDatabase } from "#tests/support/db";
import {
  TEST_PASSWORD,
  createCandidate,
  createMember,
  createOrganisation,
  createVacancy,
} from "#tests/support/factories";

const t = useTestDatabase();
const now = new Date("2027-03-01T09:00:00Z");

async function tableCounts(db: Database) {
  const tables = {
    organisations,
    users,
    memberships,
    candidates,
    vacancies,
    proposals,
    offers,
    placements,
    checkIns,
    searchOutbox,
  };
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    result[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  }
  return result;
}

describe("demo world", () => {
  beforeAll(async () => {
    const result = await seedDemoWorld(t.db, { now });
    expect(result.seeded).toBe(true);
  }, 120_000);

  it("is idempotent: a second run changes nothing", async () => {
    const before = await tableCounts(t.db);
    const again = await seedDemoWorld(t.db, { now });
    expect(again.seeded).toBe(false);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("has the real prisons and municipalities and fictional organisations of the design", async () => {
    const orgs = await t.db.select().from(organisations);
    const names = (kind: string) => orgs.filter((o) => o.kind === kind).map((o) => o.name);
    expect(names("prison").sort()).toEqual(
      [
        "PI Almelo",
        "PI Leeuwarden",
        "PI Lelystad",
        "PI Veenhuizen (Norgerhaven)",
        "PI Zwolle",
      ].sort(),
    );
    const municipalityCodes = orgs
      .filter((o) => o.kind === "municipality")
      .map((o) => o.municipalityCode);
    expect(new Set(municipalityCodes)).toEqual(
      new Set(["0995", "0034", "0303", "0193", "0080", "0150"]),
    );
    expect(municipalityCodes).toHaveLength(7); // six municipalities and the Lelystad team
    expect(names("platform")).toHaveLength(1);
    expect(names("coaching")).toHaveLength(2);
    const employers = orgs.filter((o) => o.kind === "employer");
    expect(employers).toHaveLength(8);
    expect(employers.filter((e) => e.verificationStatus === "unverified")).toHaveLength(1);
    for (const e of employers) {
      expect(e.kvkNumber).toMatch(/^\d{8}$/);
      expect(e.fairChanceStatement?.length).toBeGreaterThan(20);
      expect(e.verificationStatus === "verified").toBe(
        e.verifiedAt !== null && e.verifiedByUserId !== null,
      );
    }
    for (const o of orgs.filter((o) => o.kind !== "platform")) {
      expect(o.lat, o.name).not.toBeNull();
      expect(o.lon, o.name).not.toBeNull();
    }
  });

  it("lets every demo account sign in with the demo password and gives each its role", async () => {
    const accounts = await t.db
      .select()
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
      );
    expect(accounts).toHaveLength(6);
    // One hash for every demo account: verifying it once proves them all.
    expect(new Set(accounts.map((a) => a.passwordHash)).size).toBe(1);
    expect(await verifyPassword(accounts[0]!.passwordHash!, DEMO_PASSWORD)).toBe(true);

    const roles = async (email: string) =>
      t.db
        .select({
          role: memberships.role,
          isOrgAdmin: memberships.isOrgAdmin,
          org: organisations.name,
          kind: organisations.kind,
          verification: organisations.verificationStatus,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(users.email, email));
    expect(await roles("admin@demo.werkbrug.nl")).toMatchObject([
      { role: "platform_admin", kind: "platform" },
    ]);
    expect(await roles("pi@demo.werkbrug.nl")).toMatchObject([
      { role: "prison_staff", org: "PI Lelystad" },
    ]);
    expect(await roles("gemeente@demo.werkbrug.nl")).toMatchObject([
      { role: "municipality_coordinator", org: "Gemeente Lelystad" },
    ]);
    expect(await roles("werkgever@demo.werkbrug.nl")).toMatchObject([
      { role: "employer_owner", isOrgAdmin: true, kind: "employer", verification: "verified" },
    ]);
    const coach = await roles("coach@demo.werkbrug.nl");
    expect(coach.map((m) => [m.role, m.kind]).sort()).toEqual([
      ["coach", "coaching"],
      ["coach", "municipality"],
    ]);
    expect(await roles("kandidaat@demo.werkbrug.nl")).toEqual([]);

    const [candidate] = await t.db
      .select({ status: candidates.status, coach: users.email })
      .from(candidates)
      .innerJoin(users, eq(users.id, candidates.coachUserId))
      .where(
        eq(candidates.userId, accounts.find((a) => a.email === "kandidaat@demo.werkbrug.nl")!.id),
      );
    expect(candidate).toEqual({ status: "published", coach: "coach@demo.werkbrug.nl" });
    const shared = await t.db
      .select({ status: vacancies.status })
      .from(sharedVacancies)
      .innerJoin(vacancies, eq(vacancies.id, sharedVacancies.vacancyId))
      .innerJoin(candidates, eq(candidates.id, sharedVacancies.candidateId))
      .innerJoin(users, eq(users.id, candidates.userId))
      .where(eq(users.email, "kandidaat@demo.werkbrug.nl"));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((v) => v.status === "open")).toBe(true);
  });

  it("has about sixty candidates covering every lifecycle state, each with identity and profile", async () => {
    const rows = await t.db.select().from(candidates);
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(rows.length).toBeLessThanOrEqual(70);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(candidateStatus.enumValues));
    expect(await t.db.select({ n: count() }).from(candidateIdentities)).toEqual([
      { n: rows.length },
    ]);
    expect(await t.db.select({ n: count() }).from(candidateProfiles)).toEqual([{ n: rows.length }]);
    for (const r of rows) {
      if (r.releaseDate) expect(r.releaseDate >= r.nominatedOn).toBe(true);
      expect(["0995", "0034", "0303", "0193", "0080", "0150"]).toContain(r.municipalityCode);
    }
    const profiles = await t.db
      .select({ status: candidates.status, profile: candidateProfiles })
      .from(candidateProfiles)
      .innerJoin(candidates, eq(candidates.id, candidateProfiles.candidateId));
    for (const { status, profile } of profiles) {
      if (status === "published") {
        expect(profile.publishedAt).not.toBeNull();
        expect(profile.approvedByUserId).not.toBeNull();
        expect(profile.confirmedByCandidateAt).not.toBeNull();
        expect(profile.headline).not.toBe("");
        expect(profile.lat).not.toBeNull();
        expect(profile.experience.some((e) => e.duringDetention)).toBe(true);
      }
      if (status === "nominated") expect(profile.headline).toBe("");
      if (status === "awaiting_approval") expect(profile.publishedAt).toBeNull();
    }
  });

  it("never puts an identity value in any text of a profile", async () => {
    const identities = await t.db.select().from(candidateIdentities);
    const profiles = await t.db.select().from(candidateProfiles);
    // Every text, text[] and jsonb column of candidate_profiles (not ids, dates or numbers).
    const texts = profiles.map((p) =>
      JSON.stringify([
        p.headline,
        p.summary,
        p.motivation,
        p.sectors,
        p.skills,
        p.occupationCodes,
        p.certificates,
        p.licences,
        p.languages,
        p.educationLevel,
        p.experience,
        p.shifts,
        p.regionMunicipalityCode,
        p.regionName,
        p.transport,
        p.changeRequestedByCandidate,
      ]),
    );
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let checked = 0;
    for (const identity of identities) {
      const dutchDate = (iso: string) => iso.split("-").reverse().join("-");
      const values = [
        identity.firstName,
        identity.lastName,
        `${identity.firstName} ${identity.lastName}`,
        identity.phone,
        identity.email,
        identity.address,
        identity.prisonName,
        identity.dateOfBirth,
        dutchDate(identity.dateOfBirth),
      ].filter((v): v is string => Boolean(v));
      for (const value of values) {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, "iu");
        for (const text of texts) {
          expect(pattern.test(text), `"${value}" appears in a profile`).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("fingerprints identities as the nomination guard does, so re-nominating a demo person is caught", async () => {
    const rows = await t.db
      .select({ identity: candidateIdentities, fingerprint: candidates.identityFingerprint })
      .from(candidateIdentities)
      .innerJoin(candidates, eq(candidates.id, candidateIdentities.candidateId));
    for (const { identity, fingerprint } of rows) {
      expect(identityFingerprint(identity.firstName, identity.lastName, identity.dateOfBirth)).toBe(
        fingerprint,
      );
    }
  });

  it("gives every candidate a unique random public code", async () => {
    const rows = await t.db
      .select({ id: candidates.id, code: candidates.publicCode })
      .from(candidates);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const { id, code } of rows) {
      expect(isPublicCode(code), code).toBe(true);
      expect(id.toUpperCase().replace(/-/g, "")).not.toContain(code.slice(3));
    }
  });

  it("gives every placement a job coach, an accepted offer and the aftercare plan", async () => {
    const rows = await t.db
      .select({
        placement: placements,
        candidateStatus: candidates.status,
        coachUserId: candidates.coachUserId,
      })
      .from(placements)
      .innerJoin(candidates, eq(candidates.id, placements.candidateId));
    const settled = await t.db
      .select({ n: count() })
      .from(candidates)
      .where(inArray(candidates.status, ["placed", "aftercare", "closed"]));
    expect(rows).toHaveLength(settled[0]!.n);
    const coaches = new Set(
      (
        await t.db
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(eq(memberships.role, "coach"))
      ).map((m) => m.userId),
    );
    for (const { placement, candidateStatus: status, coachUserId } of rows) {
      expect(coaches.has(placement.jobCoachUserId)).toBe(true);
      expect(placement.jobCoachUserId).toBe(coachUserId);
      expect(placement.status === "active").toBe(status !== "closed");
      const [offer] = await t.db.select().from(offers).where(eq(offers.id, placement.offerId));
      expect(offer!.status).toBe("accepted");
      const [proposal] = await t.db
        .select()
        .from(proposals)
        .where(eq(proposals.id, offer!.proposalId));
      expect(proposal).toMatchObject({
        status: "placed",
        candidateId: placement.candidateId,
        vacancyId: placement.vacancyId,
      });
      const consent = await t.db.select().from(consents).where(eq(consents.offerId, offer!.id));
      expect(consent).toHaveLength(1);
      const weeks = (
        await t.db
          .select({ week: checkIns.week })
          .from(checkIns)
          .where(eq(checkIns.placementId, placement.id))
      )
        .map((c) => c.week)
        .sort((a, b) => a - b);
      if (placement.status === "ended_early")
        expect([1, 2, 4, 13, 26, 52]).toEqual(expect.arrayContaining(weeks));
      else expect(weeks).toEqual([1, 2, 4, 13, 26, 52]);
    }
    // Something for the coach's dashboard: a check-in that is due and not done.
    const today = now.toISOString().slice(0, 10);
    const due = await t.db.select().from(checkIns);
    expect(due.some((c) => c.doneAt === null && c.dueOn < today)).toBe(true);
    expect(
      due.filter((c) => c.doneAt !== null).every((c) => c.dueOn <= today && c.riskFlag !== null),
    ).toBe(true);
  });

  it("has about forty vacancies whose filled positions match the placements", async () => {
    const rows = await t.db
      .select({ vacancy: vacancies, employer: organisations })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId));
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.length).toBeLessThanOrEqual(50);
    const byStatus = (s: string) => rows.filter((r) => r.vacancy.status === s).length;
    expect(byStatus("open")).toBeGreaterThan(rows.length / 2);
    for (const s of ["draft", "filled", "closed"]) expect(byStatus(s)).toBeGreaterThan(0);
    const sectors = new Set(rows.map((r) => r.vacancy.sector));
    for (const s of [
      "logistiek",
      "techniek",
      "productie",
      "bouw",
      "schoonmaak",
      "groen",
      "horeca",
    ]) {
      expect(sectors).toContain(s);
    }
    const placementRows = await t.db.select().from(placements);
    const lelystad = findPlace("Lelystad")!;
    for (const { vacancy, employer } of rows) {
      const hired = placementRows.filter((p) => p.vacancyId === vacancy.id).length;
      expect(vacancy.positionsFilled, vacancy.title).toBe(hired);
      if (vacancy.status === "filled") expect(hired).toBe(vacancy.positions);
      if (employer.verificationStatus !== "verified") expect(vacancy.status).toBe("draft");
      expect(vacancy.vogRequired || vacancy.vogRiskAreas.length === 0).toBe(true);
      expect(haversineKm(lelystad, vacancy), vacancy.title).toBeLessThan(80);
    }
  });

  it("proposals are consistent: offers only from the offer step on, never for unpublished profiles", async () => {
    const rows = await t.db
      .select({ proposal: proposals, candidateStatus: candidates.status })
      .from(proposals)
      .innerJoin(candidates, eq(candidates.id, proposals.candidateId));
    const statuses = new Set(rows.map((r) => r.proposal.status));
    for (const s of [
      "proposed",
      "requested",
      "interested",
      "rejected",
      "meeting_planned",
      "offer_made",
      "placed",
    ]) {
      expect(statuses).toContain(s);
    }
    const offerSteps = ["offer_made", "accepted", "declined", "withdrawn", "expired", "placed"];
    for (const { proposal, candidateStatus } of rows) {
      expect(["published", "placed", "aftercare", "closed"]).toContain(candidateStatus);
      const proposalOffers = await t.db
        .select()
        .from(offers)
        .where(eq(offers.proposalId, proposal.id));
      expect(proposalOffers.length, proposal.status).toBe(
        offerSteps.includes(proposal.status) ? 1 : 0,
      );
    }
  });

  it("only puts candidates forward for vacancies whose hard requirements they meet", async () => {
    const active = [
      "requested",
      "proposed",
      "interested",
      "meeting_planned",
      "offer_made",
    ] as const;
    const rows = await t.db
      .select({ candidate: candidates, profile: candidateProfiles, vacancy: vacancies })
      .from(proposals)
      .innerJoin(candidates, eq(candidates.id, proposals.candidateId))
      .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
      .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
      .where(inArray(proposals.status, [...active]));
    expect(rows.length).toBeGreaterThan(5);
    for (const { candidate, profile, vacancy } of rows) {
      const [constraints] = await t.db
        .select()
        .from(candidateConstraints)
        .where(eq(candidateConstraints.candidateId, candidate.id));
      const candidateDoc = buildCandidateDocument({
        id: candidate.id,
        publicCode: candidate.publicCode,
        coachingOrganisationId: candidate.coachingOrganisationId,
        coachUserId: candidate.coachUserId,
        coachingOrganisationName: "Werkwaarts Jobcoaching",
        profile,
        constraints: constraints ?? null,
      });
      const vacancyDoc = buildVacancyDocument({ vacancy, organisationName: "Werkgever" });
      expect(
        meetsConstraints(vacancyDoc, candidateDoc!),
        `${candidate.publicCode} → ${vacancy.title}`,
      ).toBe(true);
    }
  });

  it("hands over released candidates to their municipality of origin", async () => {
    const rows = await t.db
      .select({
        handover: handovers,
        municipalityCode: organisations.municipalityCode,
        candidate: candidates,
      })
      .from(handovers)
      .innerJoin(organisations, eq(organisations.id, handovers.municipalityOrganisationId))
      .innerJoin(candidates, eq(candidates.id, handovers.candidateId));
    const handedOver = await t.db
      .select()
      .from(candidates)
      .where(eq(candidates.status, "handed_over"));
    expect(rows).toHaveLength(handedOver.length);
    for (const { handover, municipalityCode, candidate } of rows) {
      expect(municipalityCode).toBe(candidate.municipalityCode);
      expect(candidate.releaseDate! <= now.toISOString().slice(0, 10)).toBe(true);
      if (handover.status === "accepted")
        expect(handover.acceptedByUserId ?? handover.assignedCoachUserId).not.toBeNull();
    }
    expect(rows.some((r) => r.municipalityCode === "0995" && r.handover.status === "open")).toBe(
      true,
    );
  });

  it("queues a search update for every published profile and open vacancy, and nothing else", async () => {
    const outbox = await t.db.select().from(searchOutbox);
    const published = await t.db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.status, "published"));
    const open = await t.db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(eq(vacancies.status, "open"));
    const ids = (index: string) =>
      outbox
        .filter((o) => o.indexName === index)
        .map((o) => o.entityId)
        .sort();
    expect(ids("candidates")).toEqual(published.map((c) => c.id).sort());
    expect(ids("vacancies")).toEqual(open.map((v) => v.id).sort());
    expect(outbox.every((o) => o.status === "pending")).toBe(true);
  });

  it("uses only places and municipalities the gazetteer knows", async () => {
    const codes = new Set<string>();
    for (const r of await t.db.select({ c: candidates.municipalityCode }).from(candidates))
      codes.add(r.c);
    for (const r of await t.db
      .select({ c: candidateProfiles.regionMunicipalityCode, name: candidateProfiles.regionName })
      .from(candidateProfiles)) {
      if (r.c) codes.add(r.c);
      if (r.name) expect(findPlace(r.name), r.name).toBeDefined();
    }
    for (const r of await t.db
      .select({ c: vacancies.municipalityCode, name: vacancies.placeName })
      .from(vacancies)) {
      if (r.c) codes.add(r.c);
      expect(findPlace(r.name), r.name).toBeDefined();
    }
    for (const r of await t.db.select({ c: organisations.municipalityCode }).from(organisations))
      if (r.c) codes.add(r.c);
    for (const code of codes) expect(municipalityByCode(code), code).toBeDefined();
  });

  describe("a second world seeded elsewhere", () => {
    let other: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      other = await createTestDatabase();
      await seedDemoWorld(other.db, { now });
    }, 120_000);
    afterAll(() => other?.drop());

    it("is the same world (seeded PRNG) with different, crypto-random public codes", async () => {
      const world = async (db: Database) =>
        (
          await db
            .select({
              fingerprint: candidates.identityFingerprint,
              status: candidates.status,
              code: candidates.publicCode,
              headline: candidateProfiles.headline,
              region: candidateProfiles.regionName,
            })
            .from(candidates)
            .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
        ).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
      const a = await world(t.db);
      const b = await world(other.db);
      const strip = (rows: typeof a) => rows.map(({ code: _code, ...rest }) => rest);
      expect(strip(a)).toEqual(strip(b));
      const sameCode = a.filter((row, i) => row.code === b[i]!.code);
      expect(sameCode).toEqual([]);
    });
  });
});

describe("db:seed command", () => {
  it("refuses to seed in production", async () => {
    const run = promisify(execFile);
    const error = await run(process.execPath, ["--import", "tsx", "db/seed/cli.ts"], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: "",
        DATA_DIR: path.join(os.tmpdir(), `werkbrug-seed-refused-${process.pid}`),
        SESSION_SECRET: "x".repeat(40),
        APP_URL: "https://werkbrug.example",
      },
    }).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/niet geladen in productie/);
  }, 60_000);
});

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
      constraints: { vogRiskAreas: ["geld"] },
    });
    const b = await createCandidate(t.db, {
      candidate: { status: "intake" },
      identity: { firstName: "Canary" },
    });
    expect(a.candidate.coachUserId).toBe(coach.user.id);
    expect(a.candidate.prisonOrganisationId).toBe(prison.id);
    expect(a.identity.prisonName).toBe("PI Proef");
    expect(a.constraints?.vogRiskAreas).toEqual(["geld"]);
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
  });
});
