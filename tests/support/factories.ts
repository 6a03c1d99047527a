import { createHash, randomInt } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import { generatePublicCode } from "~/domain/candidates/public-code";
import type { Database } from "#db/client.server";
import {
  type Candidate,
  type CandidateIdentity,
  type CandidateProfile,
  type MembershipRole,
  type Organisation,
  type OrganisationKind,
  type User,
  type Membership,
  type NewVacancy,
  type Vacancy,
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidates,
  memberships,
  organisations,
  users,
  vacancies,
} from "#db/schema";

/*
 * Factories for integration tests. Each takes a `db` (or a transaction) and overrides, inserts
 * plain rows (no audit or outbox rows: use the domain functions when a test is about those) and
 * returns what it inserted. Defaults are valid and unique per process, so tests only spell out
 * what they are about.
 */

export type NewOrganisation = typeof organisations.$inferInsert;
export type NewUser = typeof users.$inferInsert;
export type NewCandidate = typeof candidates.$inferInsert;
export type NewCandidateIdentity = typeof candidateIdentities.$inferInsert;
export type NewCandidateProfile = typeof candidateProfiles.$inferInsert;
export type NewCandidateConstraints = typeof candidateConstraints.$inferInsert;
export type CandidateConstraints = typeof candidateConstraints.$inferSelect;

/** Long enough for the password policy (12+). */
export const TEST_PASSWORD = "proef-wachtwoord-123";

let sequence = 0;
const next = () => ++sequence;

// argon2 is slow on purpose: hash each distinct password once per process.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** Which kind of organisation a membership role belongs to. */
export const organisationKindForRole: Record<MembershipRole, OrganisationKind> = {
  platform_admin: "platform",
  prison_staff: "prison",
  coach: "coaching",
  municipality_coordinator: "municipality",
  employer_owner: "employer",
  employer_recruiter: "employer",
};

const kindNames: Record<OrganisationKind, string> = {
  prison: "PI Proefstad",
  municipality: "Gemeente Proefstad",
  probation: "Reclassering Proefstad",
  coaching: "Proef Jobcoaching",
  employer: "Proef Logistiek B.V.",
  platform: "Werkbrug",
};

const lelystad = { placeName: "Lelystad", municipalityCode: "0995", lat: 52.50833, lon: 5.475 };

/** An 8-digit KvK number that no other factory call in this process returns. */
export function uniqueKvkNumber() {
  return String(10_000_000 + ((next() * 7_919 + randomInt(0, 7_919)) % 89_999_999)).padStart(
    8,
    "0",
  );
}

/**
 * An organisation. Employers are created **verified** (most tests need one that may see
 * profiles); pass `verificationStatus: "unverified"` to test the verification gate.
 */
export async function createOrganisation(
  db: Database,
  overrides: Partial<NewOrganisation> = {},
): Promise<Organisation> {
  const kind = overrides.kind ?? "employer";
  const n = next();
  const employer = kind === "employer";
  const [row] = await db
    .insert(organisations)
    .values({
      kind,
      name: `${kindNames[kind]} ${n}`,
      ...lelystad,
      municipalityCode: kind === "municipality" || kind === "employer" ? "0995" : null,
      kvkNumber: employer ? uniqueKvkNumber() : null,
      verificationStatus: "verified",
      verifiedAt: new Date(),
      sector: employer ? "logistiek" : null,
      fairChanceStatement: employer
        ? "Wij geven mensen met een strafblad een eerlijke kans op werk."
        : null,
      ...overrides,
    })
    .returning();
  return row!;
}

/**
 * A user. Without `password` the account has no password hash (cannot log in); with it, the
 * hash is computed once per distinct password and reused.
 */
export async function createUser(
  db: Database,
  overrides: Partial<NewUser> & { password?: string } = {},
): Promise<User> {
  const { password, ...values } = overrides;
  const n = next();
  const [row] = await db
    .insert(users)
    .values({
      email: `gebruiker${n}.${randomInt(0, 1e9)}@proef.werkbrug.test`,
      name: `Proefgebruiker ${n}`,
      passwordHash: password ? await cachedHash(password) : null,
      ...values,
    })
    .returning();
  return row!;
}

export async function createMembership(
  db: Database,
  values: { userId: string; organisationId: string; role: MembershipRole; isOrgAdmin?: boolean },
): Promise<Membership> {
  const [row] = await db
    .insert(memberships)
    .values({ isOrgAdmin: false, ...values })
    .returning();
  return row!;
}

export type Member = { user: User; organisation: Organisation; membership: Membership };

/**
 * A user with a role in an organisation. Pass an existing `organisation` to add a colleague, or
 * organisation overrides to create one (its kind follows from the role).
 */
export async function createMember(
  db: Database,
  options: {
    role: MembershipRole;
    organisation?: Organisation | Partial<NewOrganisation>;
    user?: Partial<NewUser> & { password?: string };
    isOrgAdmin?: boolean;
  },
): Promise<Member> {
  const given = options.organisation;
  const organisation =
    given && "id" in given && typeof given.id === "string" && "createdAt" in given
      ? (given as Organisation)
      : await createOrganisation(db, {
          kind: organisationKindForRole[options.role],
          ...(given as Partial<NewOrganisation> | undefined),
        });
  const user = await createUser(db, options.user);
  const membership = await createMembership(db, {
    userId: user.id,
    organisationId: organisation.id,
    role: options.role,
    isOrgAdmin: options.isOrgAdmin ?? false,
  });
  return { user, organisation, membership };
}

const firstNames = ["Ruben", "Kevin", "Sandra", "Mehmet", "Jeroen", "Priscilla", "Youssef", "Tim"];

/** The duplicate-nomination guard's input: normalised name and date of birth, hashed. */
export function identityFingerprintOf(firstName: string, lastName: string, dateOfBirth: string) {
  const name = `${firstName} ${lastName}`
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return createHash("sha256").update(`${name}|${dateOfBirth}`).digest("hex");
}

const isoDate = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export type CreatedCandidate = {
  candidate: Candidate;
  identity: CandidateIdentity;
  profile: CandidateProfile;
  constraints: CandidateConstraints | null;
};

/**
 * A candidate with identity and anonymised profile (and hidden constraints when given).
 * The default is a **published** logistics profile around Lelystad with a random public code;
 * `coach` and `prison` are shortcuts for the tenancy columns.
 */
export async function createCandidate(
  db: Database,
  overrides: {
    candidate?: Partial<NewCandidate>;
    identity?: Partial<Omit<NewCandidateIdentity, "candidateId">>;
    profile?: Partial<Omit<NewCandidateProfile, "candidateId">>;
    constraints?: Partial<Omit<NewCandidateConstraints, "candidateId">>;
    coach?: { user: User; organisation: Organisation };
    prison?: Organisation;
  } = {},
): Promise<CreatedCandidate> {
  const n = next();
  const firstName = overrides.identity?.firstName ?? firstNames[n % firstNames.length]!;
  const lastName = overrides.identity?.lastName ?? `Proefkandidaat${n}`;
  const dateOfBirth = overrides.identity?.dateOfBirth ?? "1990-05-17";
  const status = overrides.candidate?.status ?? "published";
  const shown = ["published", "placed", "aftercare", "paused"].includes(status);

  const [candidate] = await db
    .insert(candidates)
    .values({
      status,
      publicCode: generatePublicCode(),
      municipalityCode: "0995",
      nominatedOn: isoDate(-90),
      releaseDate: isoDate(60),
      workExperienceAllowedFrom: isoDate(14),
      identityFingerprint: identityFingerprintOf(firstName, lastName, dateOfBirth),
      prisonOrganisationId: overrides.prison?.id ?? null,
      coachUserId: overrides.coach?.user.id ?? null,
      coachingOrganisationId: overrides.coach?.organisation.id ?? null,
      ...overrides.candidate,
    })
    .returning();

  const [identity] = await db
    .insert(candidateIdentities)
    .values({
      candidateId: candidate!.id,
      firstName,
      lastName,
      dateOfBirth,
      phone: `0600${String(n).padStart(6, "0")}`,
      email: `kandidaat${n}@proef.werkbrug.test`,
      address: `Proefstraat ${n}, Lelystad`,
      prisonName: overrides.prison?.name ?? "PI Proefstad",
      detentionStart: isoDate(-400),
      detentionEnd: isoDate(60),
      ...overrides.identity,
    })
    .returning();

  const [profile] = await db
    .insert(candidateProfiles)
    .values({
      candidateId: candidate!.id,
      headline: "Orderpicker met heftruckcertificaat",
      summary: "Werkt nauwkeurig en houdt van een vaste structuur in het magazijn.",
      motivation: "Ik wil na mijn vrijlating meteen aan het werk.",
      sectors: ["logistiek"],
      occupationCodes: ["wb:orderpicker"],
      skills: ["orderpicken", "heftruck rijden", "scannen"],
      certificates: [
        { name: "VCA", verified: true },
        { name: "heftruckcertificaat", verified: false },
      ],
      licences: ["B"],
      languages: [{ language: "Nederlands", level: "moedertaal" }],
      educationLevel: "mbo-2",
      experience: [
        {
          title: "Orderpicker in de logistieke werkzaal",
          sector: "logistiek",
          months: 10,
          duringDetention: true,
          verified: true,
        },
      ],
      hoursMin: 24,
      hoursMax: 40,
      shifts: ["dag"],
      regionMunicipalityCode: "0995",
      regionName: "Lelystad",
      lat: lelystad.lat,
      lon: lelystad.lon,
      travelKm: 30,
      transport: ["fiets", "ov"],
      availableDuringDetentionFrom: isoDate(14),
      availableAfterReleaseFrom: isoDate(60),
      confirmedByCandidateAt: shown ? new Date() : null,
      approvedAt: shown ? new Date() : null,
      publishedAt: shown ? new Date() : null,
      ...overrides.profile,
    })
    .returning();

  let constraints: CandidateConstraints | null = null;
  if (overrides.constraints) {
    [constraints = null] = await db
      .insert(candidateConstraints)
      .values({ candidateId: candidate!.id, ...overrides.constraints })
      .returning();
  }

  return { candidate: candidate!, identity: identity!, profile: profile!, constraints };
}

/**
 * A vacancy; **open** and published by default, in Lelystad. Without `organisationId` a new
 * verified employer is created for it.
 */
export async function createVacancy(
  db: Database,
  overrides: Partial<NewVacancy> = {},
): Promise<Vacancy> {
  const organisationId =
    overrides.organisationId ?? (await createOrganisation(db, { kind: "employer" })).id;
  const status = overrides.status ?? "open";
  const [row] = await db
    .insert(vacancies)
    .values({
      status,
      kind: "job",
      title: "Orderpicker",
      occupationCode: "wb:orderpicker",
      sector: "logistiek",
      description: "Je verzamelt bestellingen in ons magazijn en maakt ze klaar voor verzending.",
      requiredSkills: ["orderpicken"],
      preferredSkills: ["heftruck rijden"],
      certificates: [],
      licences: [],
      hoursMin: 24,
      hoursMax: 40,
      shifts: ["dag"],
      contractType: "tijdelijk",
      wageIndication: "€ 14 – € 16 per uur",
      ...lelystad,
      maxDistanceKm: 25,
      startDate: isoDate(30),
      positions: 1,
      publishedAt: status === "draft" ? null : new Date(),
      ...overrides,
      organisationId,
    })
    .returning();
  return row!;
}
