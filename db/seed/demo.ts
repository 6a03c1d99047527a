import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { audit } from "~/domain/audit.server";
import { generatePublicCode } from "~/domain/candidates/public-code";
import { findPlace, haversineKm, type Place } from "~/domain/geo/gazetteer";
import type { Database } from "#db/client.server";
import {
  type CandidateStatus,
  type ProfileCertificate,
  type ProfileExperience,
  candidateBasicConditions,
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidates,
  checkIns,
  consents,
  handovers,
  meetings,
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
import {
  ARCHETYPES,
  type ArchetypeKey,
  COACHING_ORGANISATIONS,
  type CoachingKey,
  DEMO_MUNICIPALITIES,
  EDUCATION_LEVELS,
  EMPLOYERS,
  type EmployerKey,
  FIRST_NAMES,
  LANGUAGE_SETS,
  LAST_NAMES,
  MOTIVATIONS,
  MUNICIPALITY_TEAM,
  type MunicipalityCode,
  type OrganisationRef,
  POSTCODE_PREFIX,
  PRISONS,
  type PrisonKey,
  STAFF,
  STREETS,
  type StaffKey,
  TRAITS,
  VACANCIES,
  type VacancyData,
  type VogRiskArea,
} from "./demo-data";
import { createRandom, type Random } from "./random";

/*
 * The demo world of the embedded quickstart: real prisons and municipalities, fictional
 * coaching organisations, employers and people (see demo-data.ts), ~60 candidates in every
 * lifecycle state, ~40 vacancies, and a pipeline of proposals, offers, placements and aftercare
 * check-ins that is consistent with those states. Deterministic (seeded PRNG, dates relative to
 * `now`), except the candidates' public codes, which are crypto-random as in production.
 */

export const DEMO_PASSWORD = "werkbrug-demo";

export type DemoAccount = { email: string; role: string; description: string };

/** The demo accounts for the console and the README; all use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: STAFF.admin.email,
    role: "Platformbeheerder",
    description:
      "Verifieert werkgevers, beheert organisaties en uitnodigingen, leest het auditlog.",
  },
  {
    email: STAFF.pi.email,
    role: "Medewerker PI",
    description:
      "PI Lelystad: draagt gedetineerden voor, keurt profielen goed, bevestigt werk in detentie.",
  },
  {
    email: STAFF.coach.email,
    role: "Jobcoach",
    description:
      "Werkwaarts Jobcoaching en het werkteam van de gemeente Lelystad (wissel van organisatie): caseload, profielen, voorstellen, nazorg.",
  },
  {
    email: STAFF.gemeente.email,
    role: "Coördinator nazorg gemeente",
    description: "Gemeente Lelystad: ziet kandidaten uit Lelystad en ontvangt overdrachten.",
  },
  {
    email: STAFF.werkgever.email,
    role: "Werkgever",
    description: `${EMPLOYERS.fd.name} (geverifieerd): vacatures, profielen, voorstellen en aanbiedingen.`,
  },
  {
    email: "kandidaat@demo.werkbrug.nl",
    role: "Kandidaat",
    description: "Gepubliceerd profiel bij de jobcoach, met een aanbod om samen te bekijken.",
  },
];

const CANDIDATE_ACCOUNT = DEMO_ACCOUNTS[5]!;
const SEED = 20_240_611;
const DAY_MS = 86_400_000;

export type DemoSeedResult = {
  seeded: boolean;
  counts: Record<string, number>;
};

type CoachKey = "coach" | "coach2" | "coach3" | "coach4" | "teamCoach";

type PlacementPlan = {
  vacancy: string;
  startInDays: number;
  outcome?: "completed" | "ended_early";
};

type CandidateSpec = {
  status: CandidateStatus;
  archetype?: ArchetypeKey;
  origin?: MunicipalityCode;
  coach?: CoachKey | null;
  prison?: PrisonKey;
  placement?: PlacementPlan;
  /** Proposals to make for this candidate: vacancy key and proposal status. */
  proposals?: [vacancy: string, status: ProposalStatus][];
  account?: boolean;
  /** Open vacancies the coach shared with the candidate, with a note. */
  shared?: [vacancy: string, note: string][];
  handover?: "open" | "accepted";
  constraints?: { vogRiskAreas?: VogRiskArea[]; areaBans?: string[]; leaveHourLimits?: string };
};

type ProposalStatus = (typeof proposals.$inferSelect)["status"];

/** Who is where in the candidate lifecycle. Sixty candidates; every state is present. */
function candidateSpecs(): CandidateSpec[] {
  const specs: CandidateSpec[] = [
    // The demo candidate account: published, on the demo coach's caseload, with an offer from
    // the demo employer to review together with the coach.
    {
      status: "published",
      archetype: "heftruck",
      origin: "0995",
      coach: "coach",
      prison: "lelystad",
      account: true,
      shared: [
        ["fd-orderpicker", "Vaste dagdienst en dichtbij. Zullen we dit samen bespreken?"],
        [
          "fd-reachtruck",
          "Met een reachtruckcertificaat erbij past deze ook. Die cursus kunnen we regelen.",
        ],
      ],
      proposals: [
        ["fd-heftruck", "offer_made"],
        ["pp-heftruck", "proposed"],
      ],
      constraints: { vogRiskAreas: ["goederen"] },
    },
    // The demo employer's pipeline in every step it acts on.
    {
      status: "published",
      archetype: "orderpicker",
      origin: "0995",
      coach: "coach",
      proposals: [["fd-orderpicker", "proposed"]],
    },
    {
      status: "published",
      archetype: "magazijn",
      origin: "0303",
      coach: "coach",
      proposals: [["fd-retour", "interested"]],
    },
    {
      status: "published",
      archetype: "orderpicker",
      origin: "0034",
      coach: "coach2",
      proposals: [["fd-orderpicker", "meeting_planned"]],
    },
    {
      status: "published",
      archetype: "heftruck",
      origin: "0995",
      coach: "coach2",
      proposals: [["fd-heftruck", "requested"]],
    },
    {
      status: "published",
      archetype: "horeca",
      origin: "0995",
      coach: "coach",
      proposals: [["fd-kantine", "rejected"]],
    },
    // The last steps of an offer that did not lead to a placement.
    {
      status: "published",
      archetype: "lasser",
      origin: "0193",
      coach: "coach3",
      proposals: [["hmk-lasser", "expired"]],
    },
    {
      status: "published",
      archetype: "groen",
      origin: "0995",
      coach: "coach2",
      proposals: [["fft-groen", "withdrawn"]],
    },
  ];
  // More published profiles; their proposals are chosen among nearby open vacancies.
  for (let i = 0; i < 9; i++) specs.push({ status: "published" });

  // Placements: start dates relative to today; job coach = the candidate's coach.
  const placed: PlacementPlan[] = [
    { vacancy: "fd-orderpicker", startInDays: -5 },
    { vacancy: "fd-orderpicker", startInDays: 10 },
    { vacancy: "fd-wep", startInDays: -10 },
    { vacancy: "idi-monteur", startInDays: -3 },
    { vacancy: "pb-sloop", startInDays: 7 },
  ];
  const aftercare: PlacementPlan[] = [
    { vacancy: "fd-inbound", startInDays: -120 },
    { vacancy: "fd-inbound", startInDays: -45 },
    { vacancy: "pp-inpak", startInDays: -200 },
    { vacancy: "hmk-kantbank", startInDays: -60 },
    { vacancy: "pb-sloop", startInDays: -90 },
    { vacancy: "fft-groen", startInDays: -30 },
  ];
  const closed: PlacementPlan[] = [
    { vacancy: "idi-sanitair", startInDays: -400, outcome: "completed" },
    { vacancy: "fd-piek", startInDays: -420, outcome: "completed" },
    { vacancy: "idi-service", startInDays: -250, outcome: "ended_early" },
  ];
  for (const plan of placed) specs.push({ status: "placed", placement: plan });
  for (const plan of aftercare) specs.push({ status: "aftercare", placement: plan });
  for (const plan of closed) specs.push({ status: "closed", placement: plan });
  // The demo coach follows the first placements up (and has an overdue check-in).
  specs.find((s) => s.placement?.vacancy === "fd-wep")!.coach = "coach";
  specs.find((s) => s.placement?.vacancy === "fd-inbound")!.coach = "coach";

  const counts: [CandidateStatus, number][] = [
    ["nominated", 5],
    ["intake", 5],
    ["profile_draft", 6],
    ["awaiting_approval", 4],
    ["paused", 3],
    ["withdrawn", 2],
  ];
  for (const [status, n] of counts) for (let i = 0; i < n; i++) specs.push({ status });
  // Two nominations still waiting for a coach.
  specs
    .filter((s) => s.status === "nominated")
    .slice(3)
    .forEach((s) => (s.coach = null));
  // The demo coach's own caseload in the early states.
  specs.find((s) => s.status === "intake")!.coach = "coach";
  specs.find((s) => s.status === "intake")!.origin = "0995";
  specs.find((s) => s.status === "awaiting_approval")!.coach = "coach";
  specs.find((s) => s.status === "awaiting_approval")!.origin = "0995";

  specs.push(
    { status: "handed_over", origin: "0995", handover: "open" },
    { status: "handed_over", origin: "0995", handover: "accepted" },
    { status: "handed_over", origin: "0193", handover: "accepted" },
    { status: "handed_over", origin: "0034", handover: "open" },
  );
  return specs;
}

// ---------------------------------------------------------------------------

/**
 * Seeds the demo world in one transaction. Idempotent: does nothing when the demo admin
 * account already exists.
 */
export async function seedDemoWorld(
  db: Database,
  options: { now?: Date } = {},
): Promise<DemoSeedResult> {
  const exists = async (d: Database) =>
    (
      await d
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, STAFF.admin.email))
        .limit(1)
    ).length > 0;
  if (await exists(db)) return { seeded: false, counts: {} };

  // argon2 is slow on purpose: one hash, shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    if (await exists(tx)) return { seeded: false, counts: {} };
    return new DemoWorld(tx, options.now ?? new Date(), passwordHash).build();
  });
}

/** The identity fingerprint of the duplicate-nomination guard: normalised name and birth date. */
function identityFingerprint(firstName: string, lastName: string, dateOfBirth: string) {
  const name = `${firstName} ${lastName}`
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return createHash("sha256").update(`${name}|${dateOfBirth}`).digest("hex");
}

function place(name: string): Place {
  const found = findPlace(name);
  if (!found) throw new Error(`Demo data: place "${name}" is not in the gazetteer`);
  return found;
}

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];
type CandidateBuild = {
  spec: CandidateSpec;
  archetype: ArchetypeKey;
  origin: MunicipalityCode;
  coachKey: CoachKey | null;
  coachingKey: CoachingKey | "team" | null;
  prison: PrisonKey;
  region: Place;
  nominatedOn: number;
  releaseOn: number;
  candidate: Row<typeof candidates>;
  /** Proposals to make: vacancy key and status. */
  planned: [vacancy: string, status: ProposalStatus][];
};

class DemoWorld {
  private readonly rnd: Random = createRandom(SEED);
  private readonly counts: Record<string, number> = {};
  private readonly orgs = new Map<string, Row<typeof organisations>>();
  private readonly staff = new Map<StaffKey, Row<typeof users>>();
  private readonly vacancyRows = new Map<string, Row<typeof vacancies>>();
  private readonly vacancyData = new Map<string, VacancyData>(VACANCIES.map((v) => [v.key, v]));
  private readonly usedNames = new Set<string>();
  private readonly usedCodes = new Set<string>();
  private readonly filled = new Map<string, number>();
  private pipelineCycle = 0;

  constructor(
    private readonly db: Database,
    private readonly now: Date,
    private readonly passwordHash: string,
  ) {}

  // Dates relative to `now`: `day(-3)` is the ISO date three days ago, `at(-3, 14)` 14:00 UTC then.
  private day(offset: number) {
    return new Date(this.now.getTime() + Math.round(offset) * DAY_MS).toISOString().slice(0, 10);
  }
  private at(offset: number, hourUtc?: number) {
    const date = new Date(this.now.getTime() + offset * DAY_MS);
    if (hourUtc !== undefined) date.setUTCHours(hourUtc, 0, 0, 0);
    return date;
  }
  private count(what: string, n = 1) {
    this.counts[what] = (this.counts[what] ?? 0) + n;
  }

  async build(): Promise<DemoSeedResult> {
    await this.organisations();
    await this.people();
    await this.vacancies();
    const built: CandidateBuild[] = [];
    for (const spec of candidateSpecs()) built.push(await this.candidate(spec));
    for (const c of built) await this.pipeline(c);
    await this.checkVacancyFill();
    await this.handovers(built);
    await this.sharedVacancies(built);
    await this.searchOutbox(built);
    await audit(this.db, {
      action: "demo.seeded",
      objectType: "system",
      details: { counts: this.counts },
    });
    return { seeded: true, counts: this.counts };
  }

  // -------------------------------------------------------------------------
  // Organisations and accounts

  private orgKey(ref: OrganisationRef) {
    switch (ref.kind) {
      case "platform":
      case "team":
        return ref.kind;
      case "prison":
      case "coaching":
      case "employer":
        return `${ref.kind}:${ref.key}`;
      case "municipality":
        return `municipality:${ref.code}`;
    }
  }
  private org(ref: OrganisationRef) {
    const row = this.orgs.get(this.orgKey(ref));
    if (!row) throw new Error(`Demo data: unknown organisation ${this.orgKey(ref)}`);
    return row;
  }

  private async organisations() {
    const verifiedAt = this.at(-400);
    const values: (typeof organisations.$inferInsert & { key: string })[] = [];
    values.push({
      key: "platform",
      kind: "platform",
      name: "Werkbrug",
      verificationStatus: "verified",
      verifiedAt,
    });
    for (const [key, prison] of Object.entries(PRISONS)) {
      values.push({
        key: `prison:${key}`,
        kind: "prison",
        name: prison.name,
        placeName: prison.placeName,
        municipalityCode: prison.municipalityCode,
        lat: prison.lat,
        lon: prison.lon,
        verificationStatus: "verified",
        verifiedAt,
      });
    }
    for (const [code, municipality] of Object.entries(DEMO_MUNICIPALITIES)) {
      const p = place(municipality.places[0]);
      values.push({
        key: `municipality:${code}`,
        kind: "municipality",
        name: `Gemeente ${municipality.name}`,
        municipalityCode: code,
        placeName: municipality.name,
        lat: p.lat,
        lon: p.lon,
        verificationStatus: "verified",
        verifiedAt,
      });
    }
    const team = place(MUNICIPALITY_TEAM.placeName);
    values.push({
      key: "team",
      kind: "municipality",
      name: MUNICIPALITY_TEAM.name,
      municipalityCode: MUNICIPALITY_TEAM.municipalityCode,
      placeName: team.name,
      lat: team.lat,
      lon: team.lon,
      verificationStatus: "verified",
      verifiedAt,
    });
    for (const [key, coaching] of Object.entries(COACHING_ORGANISATIONS)) {
      const p = place(coaching.placeName);
      values.push({
        key: `coaching:${key}`,
        kind: "coaching",
        name: coaching.name,
        placeName: p.name,
        municipalityCode: p.municipalityCode,
        lat: p.lat,
        lon: p.lon,
        verificationStatus: "verified",
        verifiedAt,
      });
    }
    for (const [key, employer] of Object.entries(EMPLOYERS)) {
      const p = place(employer.placeName);
      values.push({
        key: `employer:${key}`,
        kind: "employer",
        name: employer.name,
        kvkNumber: employer.kvkNumber,
        verificationStatus: employer.verified ? "verified" : "unverified",
        verifiedAt: employer.verified ? this.at(-this.rnd.int(120, 500)) : null,
        placeName: p.name,
        municipalityCode: p.municipalityCode,
        address: employer.address,
        lat: p.lat,
        lon: p.lon,
        sector: employer.sector,
        size: employer.size,
        contactName: employer.contactName,
        contactEmail: employer.contactEmail,
        fairChanceStatement: employer.fairChanceStatement,
      });
    }
    const rows = await this.db
      .insert(organisations)
      .values(values.map(({ key: _key, ...v }) => v))
      .returning();
    rows.forEach((row, i) => this.orgs.set(values[i]!.key, row));
    this.count("organisations", rows.length);
  }

  private async people() {
    const entries = Object.entries(STAFF) as [StaffKey, (typeof STAFF)[StaffKey]][];
    const rows = await this.db
      .insert(users)
      .values(
        entries.map(([, s]) => ({
          email: s.email,
          name: s.name,
          passwordHash: this.passwordHash,
          createdAt: this.at(-420),
        })),
      )
      .returning();
    rows.forEach((row, i) => this.staff.set(entries[i]![0], row));
    const membershipValues = entries.flatMap(([key, s]) =>
      s.memberships.map((m) => ({
        userId: this.staff.get(key)!.id,
        organisationId: this.org(m.organisation).id,
        role: m.role,
        isOrgAdmin: m.isOrgAdmin ?? false,
      })),
    );
    await this.db.insert(memberships).values(membershipValues);
    // Who verified the employers.
    for (const [key, employer] of Object.entries(EMPLOYERS)) {
      if (!employer.verified) continue;
      await this.db
        .update(organisations)
        .set({ verifiedByUserId: this.staff.get("admin")!.id })
        .where(eq(organisations.id, this.org({ kind: "employer", key: key as EmployerKey }).id));
    }
    this.count("users", rows.length);
    this.count("memberships", membershipValues.length);
  }

  private employerOwner(key: EmployerKey) {
    return this.staff.get(key === "fd" ? "werkgever" : (`owner_${key}` as StaffKey))!;
  }

  private async vacancies() {
    for (const v of VACANCIES) {
      const archetype = ARCHETYPES[v.archetype];
      const p = place(v.placeName);
      const published = v.status !== "draft";
      const publishedAt = this.at(Math.min(v.startInDays - 30, -this.rnd.int(2, 40)));
      const vogRiskAreas = v.vogRiskAreas ?? [];
      const [row] = await this.db
        .insert(vacancies)
        .values({
          organisationId: this.org({ kind: "employer", key: v.employer }).id,
          status: v.status,
          kind: v.kind ?? "job",
          title: v.title,
          occupationCode: v.occupation ?? archetype.occupation,
          sector: v.sector ?? archetype.sector,
          description: v.description,
          requiredSkills: v.requiredSkills,
          preferredSkills: v.preferredSkills ?? [],
          certificates: v.certificates ?? [],
          licences: completeLicences(v.licences ?? []),
          hoursMin: v.hours[0],
          hoursMax: v.hours[1],
          shifts: v.shifts,
          contractType: v.contractType,
          wageIndication: v.wageIndication ?? null,
          placeName: p.name,
          municipalityCode: p.municipalityCode,
          lat: p.lat,
          lon: p.lon,
          maxDistanceKm: v.maxDistanceKm,
          startDate: this.day(v.startInDays),
          expiresOn: v.status === "open" ? this.day(v.startInDays + 45) : null,
          positions: v.positions,
          positionsFilled: 0,
          vogRequired: vogRiskAreas.length > 0 || (v.vogRequired ?? false),
          vogRiskAreas,
          supportOffered: v.support ?? [],
          createdByUserId: this.employerOwner(v.employer).id,
          publishedAt: published ? publishedAt : null,
          createdAt: published
            ? new Date(publishedAt.getTime() - 2 * DAY_MS)
            : this.at(-this.rnd.int(1, 10)),
        })
        .returning();
      this.vacancyRows.set(v.key, row!);
    }
    this.count("vacancies", VACANCIES.length);
  }

  // -------------------------------------------------------------------------
  // Candidates

  private originFor(spec: CandidateSpec): MunicipalityCode {
    if (spec.origin) return spec.origin;
    if (spec.placement) {
      const at = this.vacancyRows.get(spec.placement.vacancy)!.municipalityCode;
      if (at === "0995" || at === "0303")
        return this.rnd.pick(["0995", "0995", "0303", "0034"] as const);
      if (at === "0034") return this.rnd.pick(["0034", "0034", "0995"] as const);
      return this.rnd.pick(["0193", "0193", "0150"] as const);
    }
    return this.rnd.pick([
      "0995",
      "0995",
      "0995",
      "0034",
      "0034",
      "0303",
      "0193",
      "0193",
      "0080",
      "0150",
    ] as const);
  }

  private prisonFor(origin: MunicipalityCode): PrisonKey {
    if (origin === "0193" || origin === "0150")
      return this.rnd.pick(["zwolle", "zwolle", "almelo"] as const);
    if (origin === "0080")
      return this.rnd.pick(["leeuwarden", "leeuwarden", "veenhuizen"] as const);
    return this.rnd.pick(["lelystad", "lelystad", "lelystad", "lelystad", "zwolle"] as const);
  }

  private coachFor(spec: CandidateSpec, origin: MunicipalityCode): CoachKey {
    if (spec.coach) return spec.coach;
    if (origin === "0995" || origin === "0034" || origin === "0303") {
      const early = ["nominated", "intake", "profile_draft"].includes(spec.status);
      if (origin === "0995" && early && this.rnd.chance(0.3)) return "teamCoach";
      return this.rnd.pick(["coach", "coach", "coach2"] as const);
    }
    return this.rnd.pick(["coach3", "coach4"] as const);
  }

  private coachingOf(coach: CoachKey): CoachingKey | "team" {
    if (coach === "teamCoach") return "team";
    return coach === "coach3" || coach === "coach4" ? "stroomop" : "werkwaarts";
  }

  /** Nomination and release dates (days from now) that fit the state. */
  private timeline(spec: CandidateSpec): { nominated: number; release: number } {
    const r = this.rnd;
    if (spec.placement) {
      const start = spec.placement.startInDays;
      // A work-experience place is during detention: release comes later.
      const release =
        this.vacancyRows.get(spec.placement.vacancy)!.kind === "work_experience"
          ? r.int(40, 90)
          : Math.min(start, 0) - r.int(5, 60);
      return { nominated: Math.min(release, start) - r.int(120, 300), release };
    }
    // Someone already in talks with employers has been released.
    if (spec.proposals) return { nominated: -r.int(120, 220), release: -r.int(5, 90) };
    switch (spec.status) {
      case "nominated":
        return { nominated: -r.int(3, 20), release: r.int(90, 300) };
      case "intake":
        return { nominated: -r.int(20, 60), release: r.int(60, 240) };
      case "profile_draft":
        return { nominated: -r.int(40, 90), release: r.int(30, 200) };
      case "awaiting_approval":
        return { nominated: -r.int(50, 100), release: r.int(20, 150) };
      case "published":
        return { nominated: -r.int(90, 200), release: r.int(-90, 120) };
      case "paused":
        return { nominated: -r.int(100, 200), release: r.int(-30, 90) };
      case "withdrawn":
        return { nominated: -r.int(60, 150), release: r.int(-40, 60) };
      case "handed_over": {
        const release = -r.int(5, 60);
        return { nominated: release - r.int(120, 250), release };
      }
      default:
        return { nominated: -r.int(60, 200), release: r.int(-60, 60) };
    }
  }

  private name(): { firstName: string; lastName: string } {
    for (;;) {
      const firstName = this.rnd.pick(FIRST_NAMES);
      const lastName = this.rnd.pick(LAST_NAMES);
      const key = `${firstName} ${lastName}`;
      if (this.usedNames.has(key)) continue;
      this.usedNames.add(key);
      return { firstName, lastName };
    }
  }

  private publicCode() {
    for (;;) {
      const code = generatePublicCode();
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
  }

  private async candidate(spec: CandidateSpec): Promise<CandidateBuild> {
    const r = this.rnd;
    const placementVacancy = spec.placement
      ? this.vacancyData.get(spec.placement.vacancy)!
      : undefined;
    const archetypeKey: ArchetypeKey =
      spec.archetype ??
      placementVacancy?.archetype ??
      r.pick(Object.keys(ARCHETYPES) as ArchetypeKey[]);
    const archetype = ARCHETYPES[archetypeKey];
    const origin = this.originFor(spec);
    const prison = spec.prison ?? this.prisonFor(origin);
    let coachKey: CoachKey | null = spec.coach === null ? null : this.coachFor(spec, origin);
    let coachingKey: CoachingKey | "team" | null = coachKey ? this.coachingOf(coachKey) : null;
    if (spec.handover === "accepted" && origin === "0995") {
      // The municipality team took the candidate over after release.
      coachKey = "coach";
      coachingKey = "team";
    }
    const region = place(r.pick(DEMO_MUNICIPALITIES[origin].places));
    const { nominated, release } = this.timeline(spec);
    const stage = profileStage(spec.status);
    const detained = release > 0;
    const workOutsideFrom =
      spec.placement && this.vacancyRows.get(spec.placement.vacancy)!.kind === "work_experience"
        ? spec.placement.startInDays - r.int(5, 20)
        : detained && r.chance(0.6)
          ? Math.max(nominated + 14, release - r.int(30, 90))
          : null;
    const prisonStaff = this.prisonStaffKey(prison);
    const coachUser = coachKey ? this.staff.get(coachKey)! : null;
    const { firstName, lastName } = this.name();
    const dateOfBirth = this.day(-r.int(19 * 365, 56 * 365));
    const n = this.usedNames.size;
    const account = spec.account ? await this.candidateAccount(firstName, lastName) : null;

    const [candidate] = await this.db
      .insert(candidates)
      .values({
        status: spec.status,
        publicCode: this.publicCode(),
        prisonOrganisationId: this.org({ kind: "prison", key: prison }).id,
        coachingOrganisationId:
          coachingKey === null
            ? null
            : coachingKey === "team"
              ? this.org({ kind: "team" }).id
              : this.org({ kind: "coaching", key: coachingKey }).id,
        coachUserId: coachUser?.id ?? null,
        municipalityCode: origin,
        userId: account?.id ?? null,
        nominatedByUserId: this.staff.get(prisonStaff)!.id,
        nominatedOn: this.day(nominated),
        releaseDate: this.day(release),
        workExperienceAllowedFrom: workOutsideFrom === null ? null : this.day(workOutsideFrom),
        motivationAssessment: r.pick(MOTIVATION_ASSESSMENTS),
        participationAgreedAt: this.at(nominated, 10),
        firstMeetingAt: coachUser
          ? spec.status === "nominated"
            ? this.at(r.int(2, 14), 9)
            : this.at(nominated + r.int(5, 20), 9)
          : null,
        identityFingerprint: identityFingerprint(firstName, lastName, dateOfBirth),
        createdAt: this.at(nominated, 9),
      })
      .returning();
    const id = candidate!.id;

    const released = release <= 0;
    const postcode = `${POSTCODE_PREFIX[origin] + r.int(0, 9)} ${r.pick(["AB", "CK", "DL", "EP", "GR", "HT", "JV", "KW"])}`;
    const nominatedOnly = spec.status === "nominated";
    await this.db.insert(candidateIdentities).values({
      candidateId: id,
      firstName,
      lastName,
      dateOfBirth,
      phone: nominatedOnly && r.chance(0.5) ? null : `0600${String(100_000 + n * 7_919).slice(-6)}`,
      email: account
        ? account.email
        : stage >= 2
          ? `${slug(firstName)}.${slug(lastName)}${n}@mail.example`
          : null,
      address: released ? `${r.pick(STREETS)} ${r.int(1, 140)}, ${postcode} ${region.name}` : null,
      prisonName: PRISONS[prison].name,
      detentionStart: this.day(nominated - r.int(60, 700)),
      detentionEnd: this.day(release),
    });

    // The anonymised profile, filled in as far as the state implies.
    let hoursMin =
      spec.placement && placementVacancy!.kind === "work_experience"
        ? 16
        : r.pick([16, 24, 24, 32, 32]);
    let hoursMax = Math.max(hoursMin, r.pick([32, 36, 40, 40]));
    const skills = r.sample(archetype.skills, r.int(3, 5));
    const certificates: ProfileCertificate[] = [];
    for (const [name, chance] of archetype.certificates) {
      if (r.chance(chance)) certificates.push({ name, verified: stage >= 3 && r.chance(0.7) });
    }
    let licences = archetype.licences.filter(([, chance]) => r.chance(chance)).map(([l]) => l);
    const availableFromDays =
      workOutsideFrom !== null && detained ? workOutsideFrom : Math.max(release, nominated);
    const planned =
      spec.proposals ??
      (spec.status === "published"
        ? this.autoProposals(archetypeKey, region, availableFromDays)
        : []);
    const targets = [spec.placement?.vacancy, ...planned.map(([v]) => v)].filter((v): v is string =>
      Boolean(v),
    );
    // A coach proposes someone for a vacancy they qualify for: hard requirements are met.
    let travelKm = r.pick(origin === "0080" ? [40, 50, 60] : [15, 20, 25, 30, 40]);
    for (const key of targets) {
      const v = this.vacancyRows.get(key)!;
      for (const s of v.requiredSkills) if (!skills.includes(s)) skills.push(s);
      for (const c of v.certificates) {
        if (!certificates.some((x) => x.name === c))
          certificates.push({ name: c, verified: stage >= 3 });
      }
      licences = [...new Set([...licences, ...v.licences])];
      hoursMin = Math.min(hoursMin, v.hoursMax);
      hoursMax = Math.max(hoursMax, v.hoursMin);
      travelKm = Math.max(travelKm, Math.ceil(haversineKm(region, v) / 5) * 5 + 5);
    }
    licences = completeLicences(licences);
    // The work in detention is the main (longest) experience, so the profile reads as that occupation.
    const detentionMonths = r.int(6, 30);
    const experience: ProfileExperience[] = [
      {
        title: archetype.detentionWork,
        sector: archetype.sector,
        months: detentionMonths,
        duringDetention: true,
        verified: stage >= 3 && r.chance(0.8),
      },
      ...r.sample(archetype.priorWork, r.int(0, 2)).map((title) => ({
        title,
        sector: archetype.sector,
        months: r.int(2, detentionMonths - 1),
        duringDetention: false,
        verified: false,
      })),
    ].sort((a, b) => b.months - a.months);
    const availableAfter = this.day(Math.max(release, nominated));
    const duringFrom = workOutsideFrom !== null && detained ? this.day(workOutsideFrom) : null;
    const confirmedAt = this.at(Math.min(-2, nominated + r.int(30, 60)), 13);
    const published = stage >= 4;
    const publishedAt = published
      ? this.at(
          Math.max(
            nominated + 40,
            spec.placement ? spec.placement.startInDays - r.int(30, 60) : -r.int(3, 60),
          ),
          11,
        )
      : null;
    const profileBase = { candidateId: id };
    const full = {
      headline: r.pick(archetype.headlines),
      summary: `${r.pick(archetype.summaries)} ${r.pick(TRAITS)}`,
      motivation: r.pick(MOTIVATIONS),
      sectors: [archetype.sector, ...(archetype.extraSectors ?? [])],
      skills,
      occupationCodes: [archetype.occupation],
      certificates,
      licences,
      languages: r.pick(LANGUAGE_SETS),
      educationLevel: r.pick(EDUCATION_LEVELS),
      experience,
      hoursMin,
      hoursMax,
      shifts: r.sample(archetype.shifts, r.int(1, archetype.shifts.length)),
      regionMunicipalityCode: region.municipalityCode,
      regionName: region.name,
      lat: region.lat,
      lon: region.lon,
      travelKm,
      transport: [
        ...r.sample(["fiets", "ov", "scooter"], r.int(1, 2)),
        ...(licences.includes("B") && r.chance(0.6) ? ["auto"] : []),
      ],
      availableDuringDetentionFrom: duringFrom,
      availableAfterReleaseFrom: availableAfter,
    };
    let profile: typeof candidateProfiles.$inferInsert;
    if (stage === 0) profile = profileBase;
    else if (stage === 1) {
      profile = {
        ...profileBase,
        regionMunicipalityCode: full.regionMunicipalityCode,
        regionName: full.regionName,
        lat: full.lat,
        lon: full.lon,
        hoursMin,
        hoursMax,
        sectors: full.sectors,
      };
    } else if (stage === 2) {
      profile = {
        ...full,
        ...profileBase,
        summary: r.chance(0.5) ? full.summary : "",
        motivation: r.chance(0.5) ? full.motivation : "",
        changeRequestedByCandidate:
          spec.status === "profile_draft" && r.chance(0.3)
            ? "Kun je erbij zetten dat ik in de werkzaal ook met de pallettruck heb gereden?"
            : null,
      };
    } else {
      const approver = this.approverFor(prisonStaff, coachKey);
      profile = {
        ...full,
        ...profileBase,
        confirmedByCandidateAt: confirmedAt,
        approvedByUserId: published ? this.staff.get(approver)!.id : null,
        approvedAt: publishedAt,
        publishedAt,
      };
    }
    await this.db
      .insert(candidateProfiles)
      .values({ ...profile, updatedAt: publishedAt ?? this.at(-r.int(0, 10)) });

    await this.constraints(spec, id, stage, detained, targets);
    await this.basicConditions(id, spec.status, stage);
    this.count("candidates");

    return {
      spec,
      archetype: archetypeKey,
      origin,
      coachKey,
      coachingKey,
      prison,
      region,
      nominatedOn: nominated,
      releaseOn: release,
      candidate: candidate!,
      planned,
    };
  }

  private prisonStaffKey(prison: PrisonKey): StaffKey {
    const map: Record<PrisonKey, StaffKey> = {
      lelystad: "pi",
      veenhuizen: "piVeenhuizen",
      leeuwarden: "piLeeuwarden",
      almelo: "piAlmelo",
      zwolle: "piZwolle",
    };
    return map[prison];
  }

  /** Four eyes: prison staff, or a second coach of the same organisation. */
  private approverFor(prisonStaff: StaffKey, coach: CoachKey | null): StaffKey {
    if (this.rnd.chance(0.6) || !coach) return prisonStaff;
    const second: Record<CoachKey, StaffKey> = {
      coach: "coach2",
      coach2: "coach",
      coach3: "coach4",
      coach4: "coach3",
      teamCoach: "coach",
    };
    return second[coach];
  }

  private async candidateAccount(firstName: string, lastName: string) {
    const [user] = await this.db
      .insert(users)
      .values({
        email: CANDIDATE_ACCOUNT.email,
        name: `${firstName} ${lastName}`,
        passwordHash: this.passwordHash,
        createdAt: this.at(-60),
      })
      .returning();
    this.count("users");
    return user!;
  }

  private async constraints(
    spec: CandidateSpec,
    candidateId: string,
    stage: number,
    detained: boolean,
    targets: string[],
  ) {
    const r = this.rnd;
    let vogRiskAreas: string[] = spec.constraints?.vogRiskAreas ?? [];
    let areaBans: string[] = spec.constraints?.areaBans ?? [];
    let leaveHourLimits = spec.constraints?.leaveHourLimits ?? null;
    if (!spec.constraints && stage >= 1 && r.chance(0.35)) {
      vogRiskAreas = r.sample(["geld", "goederen", "personen", "informatie"], r.int(1, 2));
      if (r.chance(0.4)) areaBans = [r.pick(["0034", "0995", "0193", "0303"])];
      if (detained && r.chance(0.5)) {
        leaveHourLimits = r.pick([
          "Tijdens verlof alleen werken tussen 07:00 en 19:00.",
          "Tijdens verlof niet in het weekend werken; uiterlijk 18:00 terug in de inrichting.",
        ]);
      }
    }
    // The hidden constraints never rule out the vacancies the coach has put the candidate forward for.
    for (const key of targets) {
      const v = this.vacancyRows.get(key)!;
      vogRiskAreas = vogRiskAreas.filter((a) => !v.vogRiskAreas.includes(a));
      areaBans = areaBans.filter((code) => code !== v.municipalityCode);
    }
    if (vogRiskAreas.length === 0 && areaBans.length === 0 && !leaveHourLimits) return;
    await this.db.insert(candidateConstraints).values({
      candidateId,
      vogRiskAreas,
      areaBanMunicipalityCodes: areaBans,
      leaveHourLimits,
    });
    this.count("candidate_constraints");
  }

  private async basicConditions(candidateId: string, status: CandidateStatus, stage: number) {
    const r = this.rnd;
    const kinds = ["id", "housing", "income", "debts", "care"] as const;
    type ConditionStatus = "unknown" | "not_arranged" | "in_progress" | "arranged";
    const settled = ["placed", "aftercare", "closed"].includes(status);
    const rows = kinds.map((kind) => {
      let value: ConditionStatus;
      if (stage === 0) value = "unknown";
      else if (stage === 1) value = r.pick(["unknown", "not_arranged", "in_progress"] as const);
      else if (settled) value = r.chance(0.85) ? "arranged" : "in_progress";
      else
        value = r.pick([
          "not_arranged",
          "in_progress",
          "in_progress",
          "arranged",
          "arranged",
        ] as const);
      const note =
        value === "unknown" ? null : r.chance(0.6) ? r.pick(CONDITION_NOTES[kind][value]) : null;
      return { candidateId, kind, status: value, note };
    });
    await this.db.insert(candidateBasicConditions).values(rows);
  }

  // -------------------------------------------------------------------------
  // Proposals, offers, placements, check-ins

  /**
   * Proposals for a published candidate without a scripted pipeline: open vacancies of the same
   * kind of work within reach that start when the candidate is available, nearest first; the
   * statuses cycle through the whole proposal lifecycle.
   */
  private autoProposals(
    archetype: ArchetypeKey,
    region: Place,
    availableFromDays: number,
  ): [string, ProposalStatus][] {
    const sector = ARCHETYPES[archetype].sector;
    const options = VACANCIES.filter((v) => {
      const row = this.vacancyRows.get(v.key)!;
      return (
        row.status === "open" &&
        (v.archetype === archetype || row.sector === sector) &&
        haversineKm(region, row) <= row.maxDistanceKm &&
        availableFromDays <= v.startInDays + 30
      );
    })
      .map((v) => v.key)
      .sort(
        (a, b) =>
          haversineKm(region, this.vacancyRows.get(a)!) -
          haversineKm(region, this.vacancyRows.get(b)!),
      );
    const cycle: ProposalStatus[] = [
      "proposed",
      "interested",
      "meeting_planned",
      "offer_made",
      "rejected",
      "declined_by_coach",
      "requested",
      "declined",
      "expired",
      "withdrawn",
    ];
    const planned: [string, ProposalStatus][] = [];
    if (options.length > 0)
      planned.push([options[0]!, cycle[this.pipelineCycle++ % cycle.length]!]);
    if (options.length > 1 && this.rnd.chance(0.5)) {
      planned.push([options[1]!, this.rnd.pick(["proposed", "rejected"] as const)]);
    }
    return planned;
  }

  private async pipeline(c: CandidateBuild) {
    if (c.spec.placement) await this.placement(c, c.spec.placement);
    for (const [vacancy, status] of c.planned) await this.proposal(c, vacancy, status);
  }

  private async proposal(c: CandidateBuild, vacancyKey: string, status: ProposalStatus) {
    const r = this.rnd;
    const vacancy = this.vacancyRows.get(vacancyKey)!;
    const employer = this.vacancyData.get(vacancyKey)!.employer;
    const coach = c.coachKey ? this.staff.get(c.coachKey)! : null;
    const created = -r.int(5, 30);
    const requested = status === "requested" || status === "declined_by_coach" || r.chance(0.15);
    const rejected = status === "rejected" || status === "declined_by_coach";
    const [proposal] = await this.db
      .insert(proposals)
      .values({
        candidateId: c.candidate.id,
        vacancyId: vacancy.id,
        status,
        proposedByUserId:
          status === "requested" || status === "declined_by_coach" ? null : (coach?.id ?? null),
        requestedByUserId: requested ? this.employerOwner(employer).id : null,
        note: requested
          ? "Dit profiel past goed bij onze vacature. Kunnen we kennismaken?"
          : r.pick(PROPOSAL_NOTES),
        reasonCode: rejected
          ? status === "rejected"
            ? r.pick(["experience", "hours", "position_filled"])
            : "not_ready"
          : null,
        reasonText: rejected
          ? status === "rejected"
            ? "We hebben gekozen voor iemand met meer ervaring in dit werk."
            : "De kandidaat wil eerst de huisvesting rond hebben."
          : null,
        createdAt: this.at(created, 10),
        updatedAt: this.at(Math.min(-1, created + r.int(1, 4)), 15),
      })
      .returning();
    this.count("proposals");

    const meetingHeld = [
      "offer_made",
      "accepted",
      "declined",
      "withdrawn",
      "expired",
      "placed",
    ].includes(status);
    if (status === "meeting_planned" || meetingHeld) {
      await this.db.insert(meetings).values({
        proposalId: proposal!.id,
        startsAt: status === "meeting_planned" ? this.at(r.int(2, 9), 9) : this.at(created + 3, 9),
        location: `${EMPLOYERS[employer].address} (met de jobcoach)`,
        status: status === "meeting_planned" ? "planned" : "held",
        plannedByUserId: coach?.id ?? null,
      });
      this.count("meetings");
    }
    const offerStatus = (
      {
        offer_made: "open",
        declined: "declined",
        withdrawn: "withdrawn",
        expired: "expired",
      } as const
    )[status as "offer_made" | "declined" | "withdrawn" | "expired"];
    if (offerStatus) {
      const offerCreated = created + 5;
      await this.db.insert(offers).values({
        proposalId: proposal!.id,
        status: offerStatus,
        startDate: this.day(Math.max(7, offerCreated + 21)),
        hoursPerWeek: vacancy.hoursMax,
        contractType: vacancy.contractType ?? "tijdelijk",
        wageIndication: vacancy.wageIndication,
        firstDayDetails: "Melden bij de receptie om 07:30. Werkschoenen krijg je van ons.",
        expiresOn:
          offerStatus === "expired"
            ? this.day(-2)
            : this.day(offerStatus === "open" ? 7 : offerCreated + 10),
        coachAdvice:
          offerStatus === "open"
            ? "Goed aanbod: de uren en de reistijd passen. Bespreken we samen."
            : null,
        answeredAt: offerStatus === "declined" ? this.at(-1, 12) : null,
        answeredByUserId: offerStatus === "declined" ? (coach?.id ?? null) : null,
        answeredOnBehalf: offerStatus === "declined",
        createdByUserId: this.employerOwner(employer).id,
        createdAt: this.at(Math.min(-1, offerCreated), 14),
      });
      this.count("offers");
    }
    return proposal!;
  }

  private async placement(c: CandidateBuild, plan: PlacementPlan) {
    const r = this.rnd;
    const vacancy = this.vacancyRows.get(plan.vacancy)!;
    const employer = this.vacancyData.get(plan.vacancy)!.employer;
    const employerOrg = this.org({ kind: "employer", key: employer });
    const coach = this.staff.get(c.coachKey!)!;
    const answered = Math.min(-1, plan.startInDays - r.int(7, 14));
    const proposed = answered - r.int(14, 30);
    const [proposal] = await this.db
      .insert(proposals)
      .values({
        candidateId: c.candidate.id,
        vacancyId: vacancy.id,
        status: "placed",
        proposedByUserId: coach.id,
        note: r.pick(PROPOSAL_NOTES),
        version: 6,
        createdAt: this.at(proposed, 10),
        updatedAt: this.at(answered, 16),
      })
      .returning();
    await this.db.insert(meetings).values({
      proposalId: proposal!.id,
      startsAt: this.at(proposed + 5, 9),
      location: `${EMPLOYERS[employer].address} (met de jobcoach)`,
      status: "held",
      plannedByUserId: coach.id,
    });
    const [offer] = await this.db
      .insert(offers)
      .values({
        proposalId: proposal!.id,
        status: "accepted",
        startDate: this.day(plan.startInDays),
        hoursPerWeek: Math.min(vacancy.hoursMax, 40),
        contractType: vacancy.contractType ?? "tijdelijk",
        wageIndication: vacancy.wageIndication,
        firstDayDetails: "Melden bij de receptie om 07:30. Je buddy wacht op je.",
        expiresOn: this.day(answered + 7),
        coachAdvice: "Past goed bij de ervaring uit de werkzaal.",
        answeredAt: this.at(answered, 15),
        answeredByUserId: coach.id,
        answeredOnBehalf: true,
        createdByUserId: this.employerOwner(employer).id,
        createdAt: this.at(answered - 4, 11),
      })
      .returning();
    const endedEarly = plan.outcome === "ended_early";
    const endedOn =
      plan.outcome === "completed"
        ? plan.startInDays + 364
        : endedEarly
          ? plan.startInDays + 80
          : null;
    await this.db.insert(consents).values({
      candidateId: c.candidate.id,
      organisationId: employerOrg.id,
      proposalId: proposal!.id,
      offerId: offer!.id,
      grantedByUserId: coach.id,
      grantedAt: this.at(answered, 15),
      // After an early end the candidate withdrew consent.
      revokedAt: endedEarly ? this.at(endedOn! + 7, 10) : null,
    });
    const [placement] = await this.db
      .insert(placements)
      .values({
        candidateId: c.candidate.id,
        vacancyId: vacancy.id,
        offerId: offer!.id,
        employerOrganisationId: employerOrg.id,
        jobCoachUserId: coach.id,
        status: plan.outcome ?? "active",
        startedOn: this.day(plan.startInDays),
        endedOn: endedOn === null ? null : this.day(endedOn),
        endReason: endedEarly
          ? "Contract niet verlengd na de proeftijd; terug naar de coach voor een nieuwe plek."
          : null,
        createdAt: this.at(answered, 15),
      })
      .returning();
    this.filled.set(plan.vacancy, (this.filled.get(plan.vacancy) ?? 0) + 1);
    this.count("proposals");
    this.count("offers");
    this.count("placements");
    this.count("meetings");
    this.count("consents");

    // The aftercare plan: check-ins at weeks 1, 2, 4, 13, 26 and 52. Past ones are done, except
    // the most recent one of the demo coach, which shows as overdue on the dashboard.
    const weeks = [1, 2, 4, 13, 26, 52];
    const rows = [];
    for (const week of weeks) {
      const due = plan.startInDays + week * 7;
      if (endedOn !== null && endedEarly && due > endedOn) continue;
      const overdueForDemo = c.coachKey === "coach" && due < 0 && due >= -7;
      const done = due <= 0 && !overdueForDemo;
      const flag = endedEarly && week >= 4 ? "amber" : r.chance(0.85) ? "green" : "amber";
      rows.push({
        placementId: placement!.id,
        week,
        dueOn: this.day(due),
        doneAt: done ? this.at(Math.min(0, due + r.int(0, 3)), 14) : null,
        doneByUserId: done ? coach.id : null,
        withWhom: done ? r.pick(["candidate", "employer", "both", "both"]) : null,
        mode: done ? r.pick(["visit", "phone", "phone", "video"]) : null,
        wellbeing: done ? (flag === "green" ? r.int(3, 5) : r.int(2, 3)) : null,
        riskFlag: done ? flag : null,
        actions: done ? r.pick(CHECK_IN_ACTIONS) : null,
        coachNotes: done
          ? r.pick(flag === "green" ? CHECK_IN_NOTES_GREEN : CHECK_IN_NOTES_AMBER)
          : null,
      } satisfies typeof checkIns.$inferInsert);
    }
    if (rows.length > 0) await this.db.insert(checkIns).values(rows);
    this.count("check_ins", rows.length);
  }

  /** positionsFilled follows from the placements; a filled vacancy has all positions taken. */
  private async checkVacancyFill() {
    for (const v of VACANCIES) {
      const filled = this.filled.get(v.key) ?? 0;
      if (filled > v.positions || (v.status === "filled" && filled !== v.positions)) {
        throw new Error(
          `Demo data: vacancy ${v.key} has ${filled} placements for ${v.positions} positions`,
        );
      }
      if (filled > 0) {
        await this.db
          .update(vacancies)
          .set({ positionsFilled: filled })
          .where(eq(vacancies.id, this.vacancyRows.get(v.key)!.id));
        this.vacancyRows.get(v.key)!.positionsFilled = filled;
      }
    }
  }

  // -------------------------------------------------------------------------
  // Handovers and the search outbox

  private async handovers(built: CandidateBuild[]) {
    for (const c of built) {
      if (c.spec.status !== "handed_over") continue;
      const accepted = c.spec.handover === "accepted";
      const coordinator =
        c.origin === "0995"
          ? this.staff.get("gemeente")
          : c.origin === "0193"
            ? this.staff.get("gemeenteZwolle")
            : undefined;
      await this.db.insert(handovers).values({
        candidateId: c.candidate.id,
        municipalityOrganisationId: this.org({ kind: "municipality", code: c.origin }).id,
        summary: this.rnd.pick(HANDOVER_SUMMARIES),
        status: accepted ? "accepted" : "open",
        handedOverByUserId: c.coachKey ? this.staff.get(c.coachKey)!.id : null,
        acceptedByUserId: accepted ? (coordinator?.id ?? null) : null,
        assignedCoachUserId: accepted && c.origin === "0995" ? this.staff.get("coach")!.id : null,
        createdAt: this.at(c.releaseOn + 1, 10),
      });
      this.count("handovers");
    }
  }

  private async sharedVacancies(built: CandidateBuild[]) {
    for (const c of built) {
      for (const [key, note] of c.spec.shared ?? []) {
        await this.db.insert(sharedVacancies).values({
          candidateId: c.candidate.id,
          vacancyId: this.vacancyRows.get(key)!.id,
          sharedByUserId: c.coachKey ? this.staff.get(c.coachKey)!.id : null,
          note,
          sharedAt: this.at(-this.rnd.int(1, 6), 10),
        });
        this.count("shared_vacancies");
      }
    }
  }

  private async searchOutbox(built: CandidateBuild[]) {
    const rows = [
      ...built
        .filter((c) => c.candidate.status === "published")
        .map((c) => ({ indexName: "candidates", entityId: c.candidate.id })),
      ...[...this.vacancyRows.values()]
        .filter((v) => v.status === "open")
        .map((v) => ({ indexName: "vacancies", entityId: v.id })),
    ];
    await this.db.insert(searchOutbox).values(rows);
    this.count("search_outbox", rows.length);
  }
}

// ---------------------------------------------------------------------------
// Helpers and texts

/** 0 nothing yet, 1 intake facts, 2 draft, 3 complete and confirmed, 4 approved and published. */
function profileStage(status: CandidateStatus): number {
  switch (status) {
    case "nominated":
      return 0;
    case "intake":
      return 1;
    case "profile_draft":
    case "withdrawn":
      return 2;
    case "awaiting_approval":
      return 3;
    default:
      return 4;
  }
}

/** Licences are complete: CE implies C and B, C implies B. */
export function completeLicences(licences: string[]): string[] {
  const set = new Set(licences);
  if (set.has("CE")) set.add("C");
  if (set.has("C") || set.has("BE")) set.add("B");
  const order = ["B", "BE", "C", "CE"];
  return [...set].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function slug(value: string) {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

const MOTIVATION_ASSESSMENTS = [
  "Werkt al maanden stabiel in de werkzaal en komt afspraken na. Wil na vrijlating direct aan het werk.",
  "Gemotiveerd; heeft zelf gevraagd om deelname en volgt de cursussen in de inrichting.",
  "Positief over werk; heeft structuur nodig en begeleiding bij de start.",
  "Sterk gemotiveerd, goede werkhouding volgens de werkmeester.",
];

const PROPOSAL_NOTES = [
  "Heeft in de werkzaal laten zien dat dit werk goed past. Komt graag kennismaken.",
  "Betrouwbaar en leergierig. Ik ben bij de kennismaking aanwezig.",
  "Past bij de uren en de reistijd. Graag een gesprek.",
];

const CONDITION_NOTES: Record<
  "id" | "housing" | "income" | "debts" | "care",
  Record<"not_arranged" | "in_progress" | "arranged", string[]>
> = {
  id: {
    not_arranged: ["Geen geldig identiteitsbewijs."],
    in_progress: ["ID-kaart aangevraagd bij de gemeente."],
    arranged: ["Geldige ID-kaart."],
  },
  housing: {
    not_arranged: ["Nog geen woonplek na vrijlating."],
    in_progress: ["Ingeschreven voor een kamer; tijdelijk bij familie."],
    arranged: ["Kamer via de woningcorporatie geregeld."],
  },
  income: {
    not_arranged: ["Geen inkomen na vrijlating."],
    in_progress: ["Uitkering aangevraagd tot het eerste loon."],
    arranged: ["Inkomen uit werk."],
  },
  debts: {
    not_arranged: ["Schulden bekend, nog geen overzicht."],
    in_progress: ["Schuldhulpverlening is gestart."],
    arranged: ["Betalingsregeling loopt."],
  },
  care: {
    not_arranged: ["Zorgverzekering moet nog worden afgesloten."],
    in_progress: ["Afspraak met de huisarts gepland."],
    arranged: ["Zorgverzekering en huisarts geregeld."],
  },
};

const CHECK_IN_ACTIONS = [
  "Werktijden en reistijd doorgenomen.",
  "Afgesproken om bij vragen eerst de buddy te bellen.",
  "Gesprek met de leidinggevende over de planning.",
  "Geen acties nodig.",
];
const CHECK_IN_NOTES_GREEN = [
  "Gaat goed, voelt zich welkom in het team.",
  "Werkgever is tevreden over inzet en tempo.",
  "Stabiel; wil graag meer uren.",
];
const CHECK_IN_NOTES_AMBER = [
  "Moeite met de vroege begintijd; samen gekeken naar vervoer.",
  "Spanning rond geldzaken; doorverwezen naar de schuldhulp.",
];

const HANDOVER_SUMMARIES = [
  "Vrijgekomen zonder werk. Heeft in detentie werkervaring opgedaan en certificaten gehaald; woonplek is geregeld, inkomen is aangevraagd.",
  "Vrijgekomen voordat een plaatsing rond was. Profiel is klaar; graag verder zoeken in de eigen gemeente.",
  "Geen baan gevonden voor de vrijlating. Wil graag in de logistiek of de groenvoorziening werken; schuldhulp loopt.",
];
