import { z } from "zod";
import type { CandidateProfile, Vacancy } from "#db/schema";
import { type PublicProfileSource, toPublicProfileIndexSource } from "~/domain/candidates/public-profile";
import { DEFAULT_RANKING_RULES, DEFAULT_TYPO_TOLERANCE, type IndexSettings } from "./engine";

/*
 * What may live in a search index, per index. Only the anonymised public profile of a
 * published candidate and open vacancies; never identity (name, date of birth, phone, e-mail,
 * address, prison, detention dates). The schemas are strict: a document with any other field
 * is rejected before it reaches an engine.
 *
 * Coach-only fields (hidden constraints) live in the candidates index because the matcher
 * filters on them; the browser never talks to an engine, and the server strips them from every
 * search an employer makes with `attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES`.
 */

const geo = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();
const shortText = z.string().max(200);
const list = z.array(shortText).max(100);
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/);

export const SECTORS = [
  "logistiek",
  "techniek",
  "bouw",
  "productie",
  "schoonmaak",
  "groen",
  "horeca",
  "transport",
] as const;

export const candidateExperienceSchema = z
  .object({
    title: shortText,
    sector: z.string().max(50),
    months: z.number().int().min(0).max(600),
    duringDetention: z.boolean(),
  })
  .strict();

export const candidateDocumentSchema = z
  .object({
    /** Candidate id (primary key). Never shown; employers see `code`. */
    id: z.string().min(1).max(64),
    /** Random public code shown to employers. */
    code: z.string().min(1).max(32),
    status: z.literal("published"),
    headline: z.string().max(300),
    summary: z.string().max(4000),
    /** Resolved taxonomy occupations, main (longest experience) first. */
    occupationCodes: list,
    occupationTitles: list,
    /** ISCO unit groups (4 digits) and minor groups (3 digits) of those occupations. */
    iscoGroups: list,
    iscoMinorGroups: list,
    experience: z.array(candidateExperienceSchema).max(30),
    experienceTitles: list,
    /** Titles of work done during detention (a facet for employers). */
    detentionExperienceTitles: list,
    hasDetentionExperience: z.boolean(),
    sectors: list,
    skills: list,
    certificates: list,
    licences: list,
    hoursMin: z.number().int().min(0).max(60),
    hoursMax: z.number().int().min(0).max(60),
    _geo: geo,
    travelKm: z.number().min(0).max(300),
    regionName: z.string().max(100),
    /** Days since 1970-01-01 (filterable) and the month ("2027-03") for the facet. */
    availableFromDay: z.number().int(),
    availableFromMonth: isoMonth,
    coachingOrganisationName: z.string().max(200),
    /** Epoch milliseconds. */
    publishedAt: z.number().int(),
    // Coach-only (hidden constraints and tenancy scope); never returned to employers.
    coachingOrganisationId: z.string().max(64).optional(),
    coachUserId: z.string().max(64).optional(),
    vogExpected: z.enum(["yes", "unknown", "no"]),
    vogRiskAreas: list,
    areaBanMunicipalityCodes: list,
  })
  .strict();

export type CandidateDocument = z.infer<typeof candidateDocumentSchema>;

export const vacancyDocumentSchema = z
  .object({
    id: z.string().min(1).max(64),
    status: z.literal("open"),
    kind: z.enum(["job", "work_experience"]),
    title: shortText,
    description: z.string().max(8000),
    sector: z.string().max(50),
    occupationCodes: list,
    occupationTitles: list,
    iscoGroups: list,
    iscoMinorGroups: list,
    requiredSkills: list,
    preferredSkills: list,
    certificates: list,
    licences: list,
    hoursMin: z.number().int().min(0).max(60),
    hoursMax: z.number().int().min(0).max(60),
    placeName: z.string().max(100),
    municipalityCode: z.string().max(8).optional(),
    _geo: geo,
    maxDistanceKm: z.number().min(1).max(300),
    /** Days since 1970-01-01; absent = start as soon as possible. */
    startDay: z.number().int().optional(),
    startMonth: isoMonth.optional(),
    vogRequired: z.boolean(),
    vogRiskAreas: list,
    supportOffered: list,
    organisationId: z.string().max(64),
    organisationName: z.string().max(200),
    publishedAt: z.number().int(),
  })
  .strict();

export type VacancyDocument = z.infer<typeof vacancyDocumentSchema>;

/** Fields of a candidate document only a coach (and the matcher) may see. */
export const COACH_ONLY_CANDIDATE_FIELDS = [
  "coachingOrganisationId",
  "coachUserId",
  "vogExpected",
  "vogRiskAreas",
  "areaBanMunicipalityCodes",
] as const satisfies ReadonlyArray<keyof CandidateDocument>;

/** `attributesToRetrieve` for every employer-facing candidate search. */
export const EMPLOYER_CANDIDATE_ATTRIBUTES: string[] = Object.keys(candidateDocumentSchema.shape).filter(
  (key) => !(COACH_ONLY_CANDIDATE_FIELDS as readonly string[]).includes(key),
);

const COACH_ONLY_KEYS: ReadonlySet<string> = new Set(COACH_ONLY_CANDIDATE_FIELDS);

/** Removes coach-only fields from a hit (defence in depth after `attributesToRetrieve`). */
export function stripCoachOnly<T extends Record<string, unknown>>(hit: T): Omit<T, (typeof COACH_ONLY_CANDIDATE_FIELDS)[number]> {
  // A copy without those keys (deleting keys from a copy would turn it into a slow dictionary object).
  const copy: Record<string, unknown> = {};
  for (const key in hit) if (!COACH_ONLY_KEYS.has(key)) copy[key] = hit[key];
  return copy as Omit<T, (typeof COACH_ONLY_CANDIDATE_FIELDS)[number]>;
}

// ---------------------------------------------------------------------------
// Index settings

export type Synonyms = Record<string, string[]>;

export function candidateIndexSettings(synonyms: Synonyms = {}): IndexSettings {
  return {
    primaryKey: "id",
    searchableAttributes: [
      "occupationTitles",
      "experienceTitles",
      "headline",
      "skills",
      "certificates",
      "summary",
    ],
    filterableAttributes: [
      "status",
      "sectors",
      "licences",
      "certificates",
      "hoursMin",
      "hoursMax",
      "travelKm",
      "availableFromDay",
      "availableFromMonth",
      "hasDetentionExperience",
      "occupationCodes",
      "iscoGroups",
      "iscoMinorGroups",
      "regionName",
      "coachingOrganisationId",
      "coachUserId",
      "vogExpected",
      "vogRiskAreas",
      "areaBanMunicipalityCodes",
      "_geo",
    ],
    sortableAttributes: ["publishedAt", "availableFromDay", "_geo"],
    synonyms,
    typoTolerance: { ...DEFAULT_TYPO_TOLERANCE, disableOnAttributes: ["certificates"] },
    rankingRules: [...DEFAULT_RANKING_RULES],
  };
}

export function vacancyIndexSettings(synonyms: Synonyms = {}): IndexSettings {
  return {
    primaryKey: "id",
    searchableAttributes: [
      "title",
      "occupationTitles",
      "requiredSkills",
      "preferredSkills",
      "description",
      "organisationName",
    ],
    filterableAttributes: [
      "status",
      "kind",
      "sector",
      "licences",
      "certificates",
      "hoursMin",
      "hoursMax",
      "startDay",
      "startMonth",
      "maxDistanceKm",
      "vogRequired",
      "vogRiskAreas",
      "municipalityCode",
      "occupationCodes",
      "iscoGroups",
      "iscoMinorGroups",
      "organisationId",
      "_geo",
    ],
    sortableAttributes: ["publishedAt", "startDay", "_geo"],
    synonyms,
    typoTolerance: { ...DEFAULT_TYPO_TOLERANCE },
    rankingRules: [...DEFAULT_RANKING_RULES],
  };
}

// ---------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

/** "2027-04-10" → days since 1970-01-01 (UTC). */
export function epochDay(date: string | Date): number {
  const ms = typeof date === "string" ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : date.getTime();
  if (Number.isNaN(ms)) throw new Error(`Ongeldige datum: ${String(date)}`);
  return Math.floor(ms / DAY_MS);
}

/** Days since 1970-01-01 → "2027-04-10". */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayToMonth(day: number): string {
  return dayToIso(day).slice(0, 7);
}

// ---------------------------------------------------------------------------
// Builders from database rows (the public-profile projection only)

/** What the taxonomy knows about an occupation code. */
export type OccupationInfo = { code: string; title: string; iscoGroup: string | null };

export type OccupationResolver = {
  /** By taxonomy code. */
  byCode(code: string): OccupationInfo | undefined;
  /** Best taxonomy occupations for a free-text job title (most likely first). */
  resolveTitle(title: string): OccupationInfo[];
};

function occupationFields(codes: string[], titles: string[], resolver: OccupationResolver | undefined) {
  const infos: OccupationInfo[] = [];
  const seen = new Set<string>();
  const push = (info: OccupationInfo | undefined) => {
    if (info && !seen.has(info.code)) {
      seen.add(info.code);
      infos.push(info);
    }
  };
  for (const code of codes) push(resolver?.byCode(code) ?? { code, title: "", iscoGroup: null });
  if (resolver) for (const title of titles) for (const info of resolver.resolveTitle(title).slice(0, 3)) push(info);
  const isco = [...new Set(infos.map((i) => i.iscoGroup).filter((g): g is string => Boolean(g)))];
  return {
    occupationCodes: infos.map((i) => i.code),
    occupationTitles: [...new Set(infos.map((i) => i.title).filter(Boolean))],
    iscoGroups: isco,
    iscoMinorGroups: [...new Set(isco.map((g) => g.slice(0, 3)))],
  };
}

export type CandidateDocumentInput = {
  id: string;
  publicCode: string;
  coachingOrganisationId: string | null;
  coachUserId: string | null;
  coachingOrganisationName: string;
  /** The profile columns the public-profile projection reads, plus the matcher's location. */
  profile: PublicProfileSource & Pick<CandidateProfile, "lat" | "lon" | "publishedAt">;
  constraints?: { vogRiskAreas: string[]; areaBanMunicipalityCodes: string[] } | null;
  vogExpected?: "yes" | "unknown" | "no";
};

/**
 * Builds the index document of a published candidate. Everything shown comes from the one
 * public-profile projection (`toPublicProfileIndexSource`); next to it only the matcher's values
 * (location, exact availability day, occupation codes) and the coach-only hidden constraints.
 * Returns null when the profile lacks a location; such a profile is not searchable.
 */
export function buildCandidateDocument(
  input: CandidateDocumentInput,
  resolver?: OccupationResolver,
): CandidateDocument | null {
  const { profile: p, matching: m } = toPublicProfileIndexSource(input.profile, {
    publicCode: input.publicCode,
    coachingOrganisationName: input.coachingOrganisationName,
  });
  if (m.lat === null || m.lon === null) return null;
  const experience = [...p.experience]
    .sort((a, b) => b.months - a.months)
    .map((e) => ({ title: e.title, sector: e.sector, months: e.months, duringDetention: e.duringDetention }));
  const availableFromDay = m.availableFrom ? epochDay(m.availableFrom) : epochDay(new Date());
  const titles = experience.map((e) => e.title);
  const doc: CandidateDocument = {
    id: input.id,
    code: p.code,
    status: "published",
    headline: p.headline,
    summary: p.summary,
    ...occupationFields(m.occupationCodes, titles, resolver),
    experience,
    experienceTitles: titles,
    detentionExperienceTitles: experience.filter((e) => e.duringDetention).map((e) => e.title),
    hasDetentionExperience: experience.some((e) => e.duringDetention),
    sectors: p.sectors,
    skills: p.skills,
    certificates: p.certificates.map((c) => c.title),
    licences: p.licences,
    hoursMin: p.hours?.min ?? 0,
    hoursMax: p.hours?.max ?? 40,
    _geo: { lat: m.lat, lng: m.lon },
    travelKm: p.travelKm ?? 25,
    regionName: p.region ?? "",
    availableFromDay,
    availableFromMonth: dayToMonth(availableFromDay),
    coachingOrganisationName: p.coachingOrganisation ?? "",
    publishedAt: (m.publishedAt ?? new Date()).getTime(),
    ...(input.coachingOrganisationId ? { coachingOrganisationId: input.coachingOrganisationId } : {}),
    ...(input.coachUserId ? { coachUserId: input.coachUserId } : {}),
    vogExpected: input.vogExpected ?? "unknown",
    vogRiskAreas: input.constraints?.vogRiskAreas ?? [],
    areaBanMunicipalityCodes: input.constraints?.areaBanMunicipalityCodes ?? [],
  };
  return candidateDocumentSchema.parse(doc);
}

export type VacancyDocumentInput = {
  vacancy: Pick<
    Vacancy,
    | "id"
    | "kind"
    | "title"
    | "occupationCode"
    | "sector"
    | "description"
    | "requiredSkills"
    | "preferredSkills"
    | "certificates"
    | "licences"
    | "hoursMin"
    | "hoursMax"
    | "placeName"
    | "municipalityCode"
    | "lat"
    | "lon"
    | "maxDistanceKm"
    | "startDate"
    | "vogRequired"
    | "vogRiskAreas"
    | "supportOffered"
    | "organisationId"
    | "publishedAt"
  >;
  organisationName: string;
};

/** Builds the index document of an open vacancy. */
export function buildVacancyDocument(input: VacancyDocumentInput, resolver?: OccupationResolver): VacancyDocument {
  const v = input.vacancy;
  const startDay = v.startDate ? epochDay(v.startDate) : undefined;
  const doc: VacancyDocument = {
    id: v.id,
    status: "open",
    kind: v.kind,
    title: v.title,
    description: v.description,
    sector: v.sector,
    ...occupationFields(v.occupationCode ? [v.occupationCode] : [], [v.title], resolver),
    requiredSkills: v.requiredSkills,
    preferredSkills: v.preferredSkills,
    certificates: v.certificates,
    licences: v.licences,
    hoursMin: v.hoursMin,
    hoursMax: v.hoursMax,
    placeName: v.placeName,
    ...(v.municipalityCode ? { municipalityCode: v.municipalityCode } : {}),
    _geo: { lat: v.lat, lng: v.lon },
    maxDistanceKm: v.maxDistanceKm,
    ...(startDay !== undefined ? { startDay, startMonth: dayToMonth(startDay) } : {}),
    vogRequired: v.vogRequired,
    vogRiskAreas: v.vogRiskAreas,
    supportOffered: v.supportOffered,
    organisationId: v.organisationId,
    organisationName: input.organisationName,
    publishedAt: (v.publishedAt ?? new Date()).getTime(),
  };
  return vacancyDocumentSchema.parse(doc);
}
