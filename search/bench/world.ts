import { randomBytes } from "node:crypto";
import type { Database } from "#db/client.server";
import {
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidates,
  memberships,
  organisations,
  users,
  vacancies,
  type ProfileExperience,
} from "#db/schema";
import { createSession } from "~/auth/session.server";
import { generatePublicCode } from "~/domain/candidates/public-code";
import { CURATED_PLACES } from "~/domain/geo/curated-places";
import { curatedOccupations, type CuratedOccupation } from "~/domain/taxonomy/curated";
import { VOG_RISK_AREAS } from "~/domain/vacancies/options";

/*
 * A synthetic world for the benchmark: coaching organisations and coaches, verified employers,
 * candidates (identity, anonymised profile, some hidden constraints) and vacancies, drawn with
 * a seeded random generator from the curated occupations and places, inserted in batches.
 * Names and contact details are made up and obviously fake.
 */

const BATCH = 500;

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same world. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    sample: <T>(list: readonly T[], n: number): T[] => {
      const copy = [...list];
      const out: T[] = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

const SKILLS: Record<string, string[]> = {
  logistiek: ["orderpicken", "heftruck rijden", "reachtruck rijden", "scannen", "inpakken", "voorraad tellen", "laden en lossen"],
  transport: ["rijden met aanhanger", "routeplanning", "laden en lossen", "klantvriendelijk", "tachograaf"],
  techniek: ["mig-lassen", "tig-lassen", "tekening lezen", "meten", "boren", "zagen", "storingen zoeken"],
  bouw: ["metselen", "timmeren", "tegels zetten", "stuken", "bestraten", "steigers bouwen", "meten"],
  productie: ["machine bedienen", "kwaliteitscontrole", "inpakken", "hygiënisch werken", "monteren"],
  schoonmaak: ["schoonmaken", "schrobmachine", "glas wassen", "hygiënisch werken", "zelfstandig werken"],
  groen: ["snoeien", "maaien", "planten", "bosmaaier", "oogsten"],
  horeca: ["koken", "afwassen", "bedienen", "hygiënisch werken", "barwerk", "snijden"],
};

const CERTIFICATES_BY_SECTOR: Record<string, string[]> = {
  logistiek: ["VCA", "heftruckcertificaat", "reachtruckcertificaat"],
  transport: ["code 95", "VCA"],
  techniek: ["VCA", "lasdiploma", "NEN 3140"],
  bouw: ["VCA"],
  productie: ["VCA", "HACCP"],
  schoonmaak: ["VCA"],
  groen: ["motorkettingzaag", "VCA"],
  horeca: ["HACCP", "sociale hygiëne"],
};

const places = CURATED_PLACES;
const occupations = curatedOccupations;

function isoInDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function titleOf(r: Random, o: CuratedOccupation): string {
  // Mostly the title, sometimes a synonym or female form: real profiles vary in wording.
  return r.chance(0.6) || o.synonyms.length === 0 ? o.title : r.pick(o.synonyms);
}

function licencesFor(r: Random, sector: string): string[] {
  const out: string[] = [];
  if (r.chance(sector === "transport" ? 0.95 : 0.55)) out.push("B");
  if (sector === "transport" && r.chance(0.6)) out.push("C", r.chance(0.5) ? "CE" : "BE");
  else if (r.chance(0.05)) out.push("BE");
  return [...new Set(out)];
}

function certificatesFor(r: Random, sector: string, p: number): string[] {
  const pool = CERTIFICATES_BY_SECTOR[sector] ?? ["VCA"];
  return pool.filter(() => r.chance(p));
}

async function insertBatches<T extends Record<string, unknown>>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export type BenchWorld = {
  candidateCount: number;
  publishedCount: number;
  vacancyCount: number;
  openVacancyIds: string[];
  publishedCandidateIds: string[];
  employerOrganisationId: string;
  /** The open vacancies of that employer (to measure distance from). */
  employerVacancyIds: string[];
  /** A session of a verified employer user (for the HTTP run). */
  sessionToken: string;
};

export async function seedBenchWorld(
  db: Database,
  options: { candidates: number; vacancies: number; seed?: number; log?: (line: string) => void },
): Promise<BenchWorld> {
  const r = createRandom(options.seed ?? 20_240_501);
  const log = options.log ?? (() => {});

  // Organisations and people who coach and hire.
  const coachingOrgs = await db
    .insert(organisations)
    .values(Array.from({ length: 20 }, (_, i) => ({ kind: "coaching" as const, name: `Bench Jobcoaching ${i + 1}` })))
    .returning({ id: organisations.id });
  const employerOrgs = await db
    .insert(organisations)
    .values(
      Array.from({ length: 250 }, (_, i) => {
        const place = r.pick(places);
        return {
          kind: "employer" as const,
          name: `Bench Werkgever ${i + 1} B.V.`,
          kvkNumber: String(70_000_000 + i),
          verificationStatus: "verified" as const,
          verifiedAt: new Date(),
          placeName: place.name,
          municipalityCode: place.municipalityCode,
          lat: place.lat,
          lon: place.lon,
        };
      }),
    )
    .returning({ id: organisations.id });
  const coachUsers = await db
    .insert(users)
    .values(Array.from({ length: 100 }, (_, i) => ({ email: `coach${i + 1}@bench.werkbrug.test`, name: `Bench Coach ${i + 1}` })))
    .returning({ id: users.id });
  await insertBatches(
    coachUsers.map((u, i) => ({ userId: u.id, organisationId: coachingOrgs[i % coachingOrgs.length]!.id, role: "coach" as const })),
    (batch) => db.insert(memberships).values(batch),
  );
  const [employerUser] = await db
    .insert(users)
    .values({ email: "werkgever@bench.werkbrug.test", name: "Bench Werkgever" })
    .returning({ id: users.id });
  const [employerMembership] = await db
    .insert(memberships)
    .values({ userId: employerUser!.id, organisationId: employerOrgs[0]!.id, role: "employer_owner", isOrgAdmin: true })
    .returning({ id: memberships.id });
  const { token } = await createSession(db, employerUser!.id, employerMembership!.id);

  // Candidates: identity, anonymised profile and (for some) hidden constraints.
  const codes = new Set<string>();
  const nominatedOn = isoInDays(-200);
  const publishedIds: string[] = [];
  let done = 0;
  for (let start = 0; start < options.candidates; start += BATCH) {
    const n = Math.min(BATCH, options.candidates - start);
    const base = Array.from({ length: n }, () => {
      let code = generatePublicCode();
      while (codes.has(code)) code = generatePublicCode();
      codes.add(code);
      const place = r.pick(places);
      const coachIndex = r.int(0, coachUsers.length - 1);
      const status = r.chance(0.9) ? ("published" as const) : r.pick(["intake", "profile_draft", "paused"] as const);
      return { code, place, coachIndex, status };
    });
    const rows = await db
      .insert(candidates)
      .values(
        base.map((b) => ({
          status: b.status,
          publicCode: b.code,
          municipalityCode: b.place.municipalityCode,
          coachUserId: coachUsers[b.coachIndex]!.id,
          coachingOrganisationId: coachingOrgs[b.coachIndex % coachingOrgs.length]!.id,
          nominatedOn,
          releaseDate: isoInDays(r.int(-100, 300)),
          identityFingerprint: randomBytes(16).toString("hex"),
        })),
      )
      .returning({ id: candidates.id, status: candidates.status });
    await db.insert(candidateIdentities).values(
      rows.map((row, i) => ({
        candidateId: row.id,
        firstName: `Bench${start + i}`,
        lastName: `Kandidaat${start + i}`,
        dateOfBirth: `19${r.int(60, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        phone: `0600${String(start + i).padStart(6, "0")}`,
        email: `kandidaat${start + i}@bench.werkbrug.test`,
      })),
    );
    const profiles = rows.map((row, i) => {
      const main = r.pick(occupations);
      const extra = r.chance(0.5) ? r.pick(occupations.filter((o) => o.sector === main.sector)) : null;
      const experience: ProfileExperience[] = [
        { title: titleOf(r, main), sector: main.sector, months: r.int(3, 120), duringDetention: r.chance(0.3), verified: r.chance(0.5) },
        ...(extra
          ? [{ title: titleOf(r, extra), sector: extra.sector, months: r.int(1, 36), duringDetention: r.chance(0.4), verified: false }]
          : []),
      ];
      const hoursMin = r.pick([8, 16, 24, 32]);
      const place = base[i]!.place;
      const published = row.status === "published";
      if (published) publishedIds.push(row.id);
      return {
        candidateId: row.id,
        headline: `${experience[0]!.title} met ${experience[0]!.months} maanden ervaring`,
        summary: `Ik werk graag in de ${main.sector}. Betrouwbaar en leergierig.`,
        motivation: "Ik wil een nieuwe start maken met vast werk.",
        sectors: [...new Set([main.sector, ...(r.chance(0.2) ? [r.pick(Object.keys(SKILLS))] : [])])],
        skills: r.sample(SKILLS[main.sector] ?? [], r.int(2, 4)),
        occupationCodes: [main.code],
        certificates: certificatesFor(r, main.sector, 0.45).map((name) => ({ name, verified: r.chance(0.5) })),
        licences: licencesFor(r, main.sector),
        experience,
        hoursMin,
        hoursMax: Math.min(40, hoursMin + r.pick([8, 16, 24])),
        regionMunicipalityCode: place.municipalityCode,
        regionName: place.name,
        lat: place.lat + (r.next() - 0.5) * 0.04,
        lon: place.lon + (r.next() - 0.5) * 0.06,
        travelKm: r.pick([10, 15, 20, 25, 30, 40, 50]),
        availableDuringDetentionFrom: r.chance(0.3) ? isoInDays(r.int(-30, 120)) : null,
        availableAfterReleaseFrom: isoInDays(r.int(-60, 300)),
        confirmedByCandidateAt: published ? new Date() : null,
        approvedAt: published ? new Date() : null,
        publishedAt: published ? new Date(Date.now() - r.int(0, 200) * 86_400_000) : null,
      };
    });
    await db.insert(candidateProfiles).values(profiles);
    const constraints = rows
      .filter(() => r.chance(0.2))
      .map((row) => ({
        candidateId: row.id,
        vogRiskAreas: r.sample(VOG_RISK_AREAS, r.int(0, 2)),
        areaBanMunicipalityCodes: r.chance(0.5) ? [r.pick(places).municipalityCode] : [],
        leaveHourLimits: r.chance(0.3) ? "Alleen overdag" : null,
      }));
    if (constraints.length) await db.insert(candidateConstraints).values(constraints);
    done += n;
    if (done % 5_000 === 0 || done === options.candidates) log(`  kandidaten: ${done}/${options.candidates}`);
  }

  // Vacancies.
  const openIds: string[] = [];
  const ownIds: string[] = [];
  for (let start = 0; start < options.vacancies; start += BATCH) {
    const n = Math.min(BATCH, options.vacancies - start);
    const rows = Array.from({ length: n }, () => {
      const o = r.pick(occupations);
      const place = r.pick(places);
      const open = r.chance(0.9);
      const hoursMin = r.pick([16, 24, 32, 36]);
      const vogRequired = r.chance(0.15);
      const sectorLicences = o.sector === "transport" ? r.sample(["B", "C", "CE"], r.int(1, 2)) : r.chance(0.2) ? ["B"] : [];
      return {
        organisationId: r.pick(employerOrgs).id,
        status: open ? ("open" as const) : r.pick(["draft", "filled", "closed"] as const),
        kind: r.chance(0.8) ? ("job" as const) : ("work_experience" as const),
        title: titleOf(r, o),
        occupationCode: r.chance(0.7) ? o.code : null,
        sector: o.sector,
        description: `Wij zoeken een ${o.title} voor ons team in ${place.name}. Je krijgt een goede inwerkperiode.`,
        requiredSkills: r.sample(SKILLS[o.sector] ?? [], r.int(1, 2)),
        preferredSkills: r.sample(SKILLS[o.sector] ?? [], r.int(0, 2)),
        certificates: certificatesFor(r, o.sector, 0.2),
        licences: sectorLicences,
        hoursMin,
        hoursMax: Math.min(40, hoursMin + r.pick([0, 4, 8])),
        placeName: place.name,
        municipalityCode: place.municipalityCode,
        lat: place.lat,
        lon: place.lon,
        maxDistanceKm: r.pick([15, 20, 25, 30, 40, 50]),
        startDate: r.chance(0.7) ? isoInDays(r.int(0, 150)) : null,
        vogRequired,
        vogRiskAreas: vogRequired ? r.sample(VOG_RISK_AREAS, r.int(0, 2)) : [],
        publishedAt: open ? new Date(Date.now() - r.int(0, 60) * 86_400_000) : null,
      };
    });
    const inserted = await db
      .insert(vacancies)
      .values(rows)
      .returning({ id: vacancies.id, status: vacancies.status, organisationId: vacancies.organisationId });
    for (const v of inserted) {
      if (v.status !== "open") continue;
      openIds.push(v.id);
      if (v.organisationId === employerOrgs[0]!.id) ownIds.push(v.id);
    }
  }
  log(`  vacatures: ${options.vacancies}`);
  return {
    candidateCount: options.candidates,
    publishedCount: publishedIds.length,
    vacancyCount: options.vacancies,
    openVacancyIds: openIds,
    publishedCandidateIds: publishedIds,
    employerOrganisationId: employerOrgs[0]!.id,
    employerVacancyIds: ownIds,
    sessionToken: token,
  };
}
