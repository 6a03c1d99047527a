import { and, asc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidateConstraints, candidateProfiles, candidates, organisations, vacancies } from "#db/schema";
import {
  buildCandidateDocument,
  buildVacancyDocument,
  type CandidateDocument,
  type OccupationResolver,
  type VacancyDocument,
} from "#search/documents";
import { isUuid } from "~/domain/candidates/access.server";
import { publicProfileColumns } from "~/domain/candidates/profile.server";
import { municipalityByCode } from "~/domain/geo/gazetteer";
import type { HiddenConstraints } from "./explanation";

/*
 * Documents the matcher compares, read straight from the database with the same builders the
 * index uses (so a page compares exactly what the index holds). Every read is scoped: an
 * employer's own vacancy, an open vacancy of a verified employer, a candidate the caller was
 * already allowed to see (the route checks that with requireScopedCandidate first).
 */

const vacancyColumns = {
  id: vacancies.id,
  status: vacancies.status,
  kind: vacancies.kind,
  title: vacancies.title,
  occupationCode: vacancies.occupationCode,
  sector: vacancies.sector,
  description: vacancies.description,
  requiredSkills: vacancies.requiredSkills,
  preferredSkills: vacancies.preferredSkills,
  certificates: vacancies.certificates,
  licences: vacancies.licences,
  hoursMin: vacancies.hoursMin,
  hoursMax: vacancies.hoursMax,
  placeName: vacancies.placeName,
  municipalityCode: vacancies.municipalityCode,
  lat: vacancies.lat,
  lon: vacancies.lon,
  maxDistanceKm: vacancies.maxDistanceKm,
  startDate: vacancies.startDate,
  vogRequired: vacancies.vogRequired,
  vogRiskAreas: vacancies.vogRiskAreas,
  supportOffered: vacancies.supportOffered,
  organisationId: vacancies.organisationId,
  publishedAt: vacancies.publishedAt,
  organisationName: organisations.name,
  organisationStatus: organisations.verificationStatus,
};

/** Vacancy rows with their employer's name; add order and limit with the dynamic builder. */
export function selectVacancies(db: Database, where: SQL | undefined) {
  return db
    .select(vacancyColumns)
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(where)
    .$dynamic();
}

export type VacancyRow = Awaited<ReturnType<typeof selectVacancies>>[number];

export type LoadedVacancy = {
  doc: VacancyDocument;
  status: VacancyRow["status"];
  organisationName: string;
};

export function toLoaded(row: VacancyRow, resolver?: OccupationResolver): LoadedVacancy {
  const { organisationName, organisationStatus: _s, ...vacancy } = row;
  return {
    doc: buildVacancyDocument({ vacancy, organisationName }, resolver),
    status: row.status,
    organisationName,
  };
}

/** One of the employer organisation's own vacancies (any state but closed), or null. */
export async function ownVacancyDocument(
  db: Database,
  organisationId: string,
  vacancyId: string,
  resolver?: OccupationResolver,
): Promise<LoadedVacancy | null> {
  if (!isUuid(vacancyId)) return null;
  const [row] = await selectVacancies(db, and(eq(vacancies.id, vacancyId), eq(vacancies.organisationId, organisationId)));
  return row ? toLoaded(row, resolver) : null;
}

/** An open vacancy of a verified employer (what coaches and candidates may see), or null. */
export async function openVacancyDocument(
  db: Database,
  vacancyId: string,
  resolver?: OccupationResolver,
): Promise<LoadedVacancy | null> {
  if (!isUuid(vacancyId)) return null;
  const [row] = await selectVacancies(
    db,
    and(eq(vacancies.id, vacancyId), eq(vacancies.status, "open"), eq(organisations.verificationStatus, "verified")),
  );
  return row ? toLoaded(row, resolver) : null;
}

/** Documents of the given vacancies, whatever their state (the candidate's shared list). */
export async function vacancyDocuments(db: Database, ids: string[], resolver?: OccupationResolver) {
  if (ids.length === 0) return new Map<string, LoadedVacancy>();
  const rows = await selectVacancies(db, inArray(vacancies.id, ids));
  return new Map(rows.map((r) => [r.id, toLoaded(r, resolver)]));
}

/** The employer's vacancies to measure distance from (not closed ones), newest first. */
export async function ownVacancyOptions(db: Database, organisationId: string) {
  return db
    .select({ id: vacancies.id, title: vacancies.title, placeName: vacancies.placeName, status: vacancies.status })
    .from(vacancies)
    .where(and(eq(vacancies.organisationId, organisationId), ne(vacancies.status, "closed")))
    .orderBy(asc(vacancies.title))
    .limit(100);
}

/**
 * The matching document of a candidate (already scoped by the caller), built like the index's
 * even when the profile is not published, plus the coach-only constraints. Null when the
 * profile lacks a location (then nothing can be matched yet).
 */
const candidateColumns = {
  id: candidates.id,
  status: candidates.status,
  publicCode: candidates.publicCode,
  coachingOrganisationId: candidates.coachingOrganisationId,
  coachUserId: candidates.coachUserId,
  coachingOrganisationName: organisations.name,
  // What the public-profile projection reads, plus the matcher's location and recency.
  profile: {
    ...publicProfileColumns,
    lat: candidateProfiles.lat,
    lon: candidateProfiles.lon,
    publishedAt: candidateProfiles.publishedAt,
  },
  vogRiskAreas: candidateConstraints.vogRiskAreas,
  areaBanMunicipalityCodes: candidateConstraints.areaBanMunicipalityCodes,
  leaveHourLimits: candidateConstraints.leaveHourLimits,
};

/**
 * Candidate rows with profile, coaching organisation and hidden constraints (everything the
 * document builder needs); never the identity table. Add order and limit with the dynamic builder.
 */
export function selectCandidates(db: Database, where: SQL | undefined) {
  return db
    .select(candidateColumns)
    .from(candidates)
    .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
    .leftJoin(candidateConstraints, eq(candidateConstraints.candidateId, candidates.id))
    .leftJoin(organisations, eq(organisations.id, candidates.coachingOrganisationId))
    .where(where)
    .$dynamic();
}

export type CandidateRow = Awaited<ReturnType<typeof selectCandidates>>[number];

/** The index document of a candidate row (null without a location), with the coach-only constraints. */
export function candidateFromRow(
  row: CandidateRow,
  resolver?: OccupationResolver,
): { doc: CandidateDocument; hidden: HiddenConstraints } | null {
  const constraints = {
    vogRiskAreas: row.vogRiskAreas ?? [],
    areaBanMunicipalityCodes: row.areaBanMunicipalityCodes ?? [],
  };
  const doc = buildCandidateDocument(
    {
      id: row.id,
      publicCode: row.publicCode,
      coachingOrganisationId: row.coachingOrganisationId,
      coachUserId: row.coachUserId,
      coachingOrganisationName: row.coachingOrganisationName ?? "",
      profile: row.profile,
      constraints,
    },
    resolver,
  );
  if (!doc) return null;
  return { doc, hidden: hiddenConstraintsOf({ ...constraints, leaveHourLimits: row.leaveHourLimits }) };
}

/**
 * The matching document of a candidate (already scoped by the caller), built like the index's
 * even when the profile is not published, plus the coach-only constraints. Null when the
 * profile lacks a location (then nothing can be matched yet).
 */
export async function candidateDocumentFor(
  db: Database,
  candidateId: string,
  resolver?: OccupationResolver,
): Promise<{ doc: CandidateDocument; hidden: HiddenConstraints } | null> {
  if (!isUuid(candidateId)) return null;
  const [row] = await selectCandidates(db, eq(candidates.id, candidateId));
  return row ? candidateFromRow(row, resolver) : null;
}

export function hiddenConstraintsOf(row: {
  vogRiskAreas: string[] | null;
  areaBanMunicipalityCodes: string[] | null;
  leaveHourLimits: string | null;
}): HiddenConstraints {
  return {
    vogRiskAreas: row.vogRiskAreas ?? [],
    areaBans: (row.areaBanMunicipalityCodes ?? []).map((code) => ({ code, name: municipalityByCode(code)?.name ?? code })),
    leaveHourLimits: row.leaveHourLimits?.trim() || null,
  };
}

/** The coach-only constraints of several candidates (for the coach's vacancy match list). */
export async function hiddenConstraintsFor(db: Database, candidateIds: string[]) {
  const map = new Map<string, HiddenConstraints>();
  if (candidateIds.length === 0) return map;
  const rows = await db
    .select({
      candidateId: candidateConstraints.candidateId,
      vogRiskAreas: candidateConstraints.vogRiskAreas,
      areaBanMunicipalityCodes: candidateConstraints.areaBanMunicipalityCodes,
      leaveHourLimits: candidateConstraints.leaveHourLimits,
    })
    .from(candidateConstraints)
    .where(inArray(candidateConstraints.candidateId, candidateIds));
  for (const r of rows) map.set(r.candidateId, hiddenConstraintsOf(r));
  return map;
}
