import type { CandidateProfile } from "#db/schema";
import { curatedTaxonomy } from "~/domain/taxonomy/taxonomy";

/*
 * THE projection (DESIGN.md, privacy rule 2): everything an employer sees of a candidate, and
 * every search document, is built from this one function. Its input is a row of
 * candidate_profiles (which holds no identity); its output type has no identity fields at all,
 * so a loader that returns only `PublicProfile` cannot leak a name, a date of birth, a prison,
 * an address or a release date. The candidate's own preview page renders the same output.
 *
 * Fields are copied one by one (never spread), so an extra column on the input never reaches
 * the output. Availability is reduced to the month; location to the region's name.
 */

/** The profile columns the projection reads (none of them identity). */
export type PublicProfileSource = Pick<
  CandidateProfile,
  | "headline"
  | "summary"
  | "motivation"
  | "sectors"
  | "skills"
  | "occupationCodes"
  | "certificates"
  | "licences"
  | "languages"
  | "educationLevel"
  | "experience"
  | "hoursMin"
  | "hoursMax"
  | "shifts"
  | "transport"
  | "regionName"
  | "travelKm"
  | "availableDuringDetentionFrom"
  | "availableAfterReleaseFrom"
>;

export type PublicProfileContext = {
  /** The random public code (candidates.public_code). */
  publicCode: string;
  /** The name of the coaching organisation, shown so employers know who guides the person. */
  coachingOrganisationName: string | null;
  /** Taxonomy title of an occupation code; defaults to the curated taxonomy. */
  occupationTitle?: (code: string) => string | undefined;
};

/** A certificate ("VCA", "heftruckcertificaat"); verified when prison staff confirmed it. */
export type PublicCertificate = { title: string; verified: boolean };
export type PublicLanguage = { language: string; level: string };
export type PublicExperience = {
  /** The role, e.g. "Medewerker logistiek". Employer names are never part of it. */
  title: string;
  sector: string;
  months: number;
  /** Work done during detention (a DJI workshop); where is never said. */
  duringDetention: boolean;
  /** Confirmed by prison staff. */
  verified: boolean;
};

export type PublicProfile = {
  /** Random code, not derived from any id ("WB-7KQ3MX"). */
  code: string;
  headline: string;
  summary: string;
  /** The candidate's own words. */
  motivation: string;
  sectors: string[];
  /** Taxonomy titles of the occupations the candidate aims for. */
  occupations: string[];
  skills: string[];
  certificates: PublicCertificate[];
  licences: string[];
  languages: PublicLanguage[];
  educationLevel: string | null;
  experience: PublicExperience[];
  hours: { min: number; max: number } | null;
  shifts: string[];
  transport: string[];
  /** A region (place or municipality name), never an address. */
  region: string | null;
  travelKm: number | null;
  /** Months only ("2027-03"). */
  availability: { duringDetentionFrom: string | null; afterReleaseFrom: string | null };
  coachingOrganisation: string | null;
};

let defaultTaxonomy: ReturnType<typeof curatedTaxonomy> | undefined;
function curatedTitle(code: string) {
  defaultTaxonomy ??= curatedTaxonomy();
  return defaultTaxonomy.byCode(code)?.title;
}

const text = (value: unknown, max: number) =>
  typeof value === "string" ? value.trim().slice(0, max) : "";

const strings = (values: unknown, max = 100, each = 120) =>
  Array.isArray(values)
    ? [...new Set(values.map((v) => text(v, each)).filter(Boolean))].slice(0, max)
    : [];

/** "2027-03-14" → "2027-03"; anything else → null. */
export function toMonth(date: string | Date | null | undefined): string | null {
  if (!date) return null;
  const iso = typeof date === "string" ? date : date.toISOString();
  return /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : null;
}

export function toPublicProfile(source: PublicProfileSource, context: PublicProfileContext): PublicProfile {
  const occupationTitle = context.occupationTitle ?? curatedTitle;
  const hours =
    source.hoursMin !== null && source.hoursMax !== null
      ? { min: source.hoursMin, max: source.hoursMax }
      : null;
  return {
    code: context.publicCode,
    headline: text(source.headline, 300),
    summary: text(source.summary, 4000),
    motivation: text(source.motivation, 4000),
    sectors: strings(source.sectors, 20, 50),
    occupations: strings(
      (source.occupationCodes ?? []).map((code) => occupationTitle(code)),
      10,
      200,
    ),
    skills: strings(source.skills, 50, 80),
    certificates: (Array.isArray(source.certificates) ? source.certificates : [])
      .map((c) => ({ title: text(c?.name, 80), verified: c?.verified === true }))
      .filter((c) => c.title)
      .slice(0, 30),
    licences: strings(source.licences, 20, 10),
    languages: (Array.isArray(source.languages) ? source.languages : [])
      .map((l) => ({ language: text(l?.language, 50), level: text(l?.level, 30) }))
      .filter((l) => l.language)
      .slice(0, 15),
    educationLevel: source.educationLevel ? text(source.educationLevel, 30) : null,
    experience: (Array.isArray(source.experience) ? source.experience : [])
      .map((e) => ({
        title: text(e?.title, 120),
        sector: text(e?.sector, 50),
        months: Number.isInteger(e?.months) && e.months >= 0 ? Math.min(e.months, 600) : 0,
        duringDetention: e?.duringDetention === true,
        verified: e?.verified === true,
      }))
      .filter((e) => e.title)
      .slice(0, 30),
    hours,
    shifts: strings(source.shifts, 10, 20),
    transport: strings(source.transport, 10, 20),
    region: source.regionName ? text(source.regionName, 100) : null,
    travelKm: source.travelKm,
    availability: {
      duringDetentionFrom: toMonth(source.availableDuringDetentionFrom),
      afterReleaseFrom: toMonth(source.availableAfterReleaseFrom),
    },
    coachingOrganisation: context.coachingOrganisationName ? text(context.coachingOrganisationName, 200) : null,
  };
}

/**
 * For the search index: the public profile plus the few values only the matcher uses (filters
 * and sorting on the server; never returned to an employer). Location is the preferred
 * region's point, not an address.
 */
export type PublicProfileIndexSource = {
  profile: PublicProfile;
  matching: {
    lat: number | null;
    lon: number | null;
    occupationCodes: string[];
    /** Earliest availability as a day, for the availability filter. */
    availableFrom: string | null;
    publishedAt: Date | null;
  };
};

export function toPublicProfileIndexSource(
  source: PublicProfileSource & Pick<CandidateProfile, "lat" | "lon" | "publishedAt">,
  context: PublicProfileContext,
): PublicProfileIndexSource {
  const available = [source.availableDuringDetentionFrom, source.availableAfterReleaseFrom]
    .filter((d): d is string => Boolean(d))
    .sort()[0];
  return {
    profile: toPublicProfile(source, context),
    matching: {
      lat: source.lat,
      lon: source.lon,
      occupationCodes: [...source.occupationCodes],
      availableFrom: available ?? null,
      publishedAt: source.publishedAt,
    },
  };
}

/**
 * Keys that must never appear anywhere in a public profile (checked by tests at compile time
 * and at run time).
 */
export const IDENTITY_KEYS = [
  "id",
  "candidateId",
  "userId",
  "firstName",
  "lastName",
  "name",
  "dateOfBirth",
  "birthDate",
  "age",
  "gender",
  "photo",
  "phone",
  "email",
  "address",
  "postcode",
  "prison",
  "prisonName",
  "prisonOrganisationId",
  "detentionStart",
  "detentionEnd",
  "releaseDate",
  "nominatedOn",
  "municipalityCode",
  "lat",
  "lon",
  "coachUserId",
  "identityFingerprint",
] as const;
