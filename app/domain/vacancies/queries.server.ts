import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { organisations, proposals, vacancies, type Vacancy } from "#db/schema";
import type { Role } from "~/auth/permissions";
import { haversineKm } from "~/domain/geo/gazetteer";
import type { VacancyStatus } from "./lifecycle";

/*
 * Reading vacancies, always scoped:
 *   - an employer reads only its own organisation's vacancies (any other id: null → 404);
 *   - coaches, prison staff and municipality coordinators read open vacancies of verified
 *     employers;
 *   - a platform admin reads every vacancy.
 * Loaders select the columns the page shows and nothing else.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route parameter that cannot be a vacancy id is answered like a missing vacancy. */
export function isUuid(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

// ---------------------------------------------------------------------------
// Employer: own organisation

const ownListColumns = {
  id: vacancies.id,
  title: vacancies.title,
  status: vacancies.status,
  kind: vacancies.kind,
  sector: vacancies.sector,
  placeName: vacancies.placeName,
  positions: vacancies.positions,
  positionsFilled: vacancies.positionsFilled,
  expiresOn: vacancies.expiresOn,
  updatedAt: vacancies.updatedAt,
};

export async function listOrganisationVacancies(
  db: Database,
  organisationId: string,
  filter: { status?: VacancyStatus } = {},
) {
  return db
    .select(ownListColumns)
    .from(vacancies)
    .where(
      and(
        eq(vacancies.organisationId, organisationId),
        filter.status ? eq(vacancies.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(vacancies.updatedAt))
    .limit(500);
}

/** The caller's own vacancy (every field: the edit form shows them all), or null. */
export async function getOrganisationVacancy(
  db: Database,
  organisationId: string,
  vacancyId: string | undefined,
): Promise<Vacancy | null> {
  if (!isUuid(vacancyId)) return null;
  const [row] = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), eq(vacancies.organisationId, organisationId)));
  return row ?? null;
}

/** The proposal steps the employer dashboard counts (the pipeline fills them). */
export const DASHBOARD_PROPOSAL_STATUSES = [
  "proposed",
  "interested",
  "meeting_planned",
  "offer_made",
  "placed",
] as const;
export type DashboardProposalStatus = (typeof DASHBOARD_PROPOSAL_STATUSES)[number];

/** Per vacancy, how many proposals are in each dashboard step (0 where there are none). */
export async function proposalCounts(db: Database, vacancyIds: string[]) {
  const counts = new Map<string, Record<DashboardProposalStatus, number>>();
  for (const id of vacancyIds) {
    counts.set(id, Object.fromEntries(DASHBOARD_PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<DashboardProposalStatus, number>);
  }
  if (vacancyIds.length === 0) return counts;
  const rows = await db
    .select({ vacancyId: proposals.vacancyId, status: proposals.status, n: count() })
    .from(proposals)
    .where(and(inArray(proposals.vacancyId, vacancyIds), inArray(proposals.status, [...DASHBOARD_PROPOSAL_STATUSES])))
    .groupBy(proposals.vacancyId, proposals.status);
  for (const row of rows) {
    const entry = counts.get(row.vacancyId);
    if (entry) entry[row.status as DashboardProposalStatus] = row.n;
  }
  return counts;
}

/** The employer dashboard: open vacancies with proposal counts per step. */
export async function employerOpenVacancies(db: Database, organisationId: string) {
  const rows = await db
    .select({
      id: vacancies.id,
      title: vacancies.title,
      placeName: vacancies.placeName,
      positions: vacancies.positions,
      positionsFilled: vacancies.positionsFilled,
      expiresOn: vacancies.expiresOn,
    })
    .from(vacancies)
    .where(and(eq(vacancies.organisationId, organisationId), eq(vacancies.status, "open")))
    .orderBy(asc(vacancies.title))
    .limit(100);
  const counts = await proposalCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, proposals: counts.get(r.id)! }));
}

// ---------------------------------------------------------------------------
// Readers: coaches, prison staff, municipality coordinators, platform admin

export type VacancyReader = { role: Role };

const seesEverything = (reader: VacancyReader) => reader.role === "platform_admin";

/** What a reader may see: admins everything, others open vacancies of verified employers. */
function readerScope(reader: VacancyReader, status?: VacancyStatus): SQL | undefined {
  if (seesEverything(reader)) return status ? eq(vacancies.status, status) : undefined;
  return and(eq(vacancies.status, "open"), eq(organisations.verificationStatus, "verified"));
}

export type BrowseFilters = {
  sector?: string;
  kind?: Vacancy["kind"];
  /** Only vacancies within `radiusKm` of this point, nearest first. */
  near?: { lat: number; lon: number; radiusKm: number };
  /** Admins only; ignored for everyone else. */
  status?: VacancyStatus;
  page?: number;
  pageSize?: number;
};

const KM_PER_DEGREE_LAT = 111.32;

export async function browseVacancies(db: Database, reader: VacancyReader, filters: BrowseFilters = {}) {
  const pageSize = filters.pageSize ?? 20;
  const conditions: (SQL | undefined)[] = [
    readerScope(reader, filters.status),
    filters.sector ? eq(vacancies.sector, filters.sector) : undefined,
    filters.kind ? eq(vacancies.kind, filters.kind) : undefined,
  ];
  const near = filters.near;
  if (near) {
    // A bounding box in SQL, the exact great-circle distance below.
    const dLat = near.radiusKm / KM_PER_DEGREE_LAT;
    const dLon = near.radiusKm / (KM_PER_DEGREE_LAT * Math.max(Math.cos((near.lat * Math.PI) / 180), 0.01));
    conditions.push(
      gte(vacancies.lat, near.lat - dLat),
      lte(vacancies.lat, near.lat + dLat),
      gte(vacancies.lon, near.lon - dLon),
      lte(vacancies.lon, near.lon + dLon),
    );
  }
  const rows = await db
    .select({
      id: vacancies.id,
      title: vacancies.title,
      status: vacancies.status,
      sector: vacancies.sector,
      kind: vacancies.kind,
      placeName: vacancies.placeName,
      lat: vacancies.lat,
      lon: vacancies.lon,
      hoursMin: vacancies.hoursMin,
      hoursMax: vacancies.hoursMax,
      positions: vacancies.positions,
      positionsFilled: vacancies.positionsFilled,
      startDate: vacancies.startDate,
      vogRequired: vacancies.vogRequired,
      publishedAt: vacancies.publishedAt,
      organisationName: organisations.name,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(...conditions))
    .orderBy(desc(vacancies.publishedAt), desc(vacancies.createdAt))
    .limit(2000);

  let hits = rows.map(({ lat, lon, ...rest }) => ({
    ...rest,
    distanceKm: near ? Math.round(haversineKm(near, { lat, lon }) * 10) / 10 : null,
  }));
  if (near) {
    hits = hits.filter((h) => h.distanceKm! <= near.radiusKm).sort((a, b) => a.distanceKm! - b.distanceKm!);
  }
  const total = hits.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  return { total, page, pages, vacancies: hits.slice((page - 1) * pageSize, page * pageSize) };
}

/** One vacancy for a reader, with the employer's public details; null when not theirs to see. */
export async function getReadableVacancy(db: Database, reader: VacancyReader, vacancyId: string | undefined) {
  if (!isUuid(vacancyId)) return null;
  const [row] = await db
    .select({
      id: vacancies.id,
      status: vacancies.status,
      title: vacancies.title,
      sector: vacancies.sector,
      kind: vacancies.kind,
      description: vacancies.description,
      requiredSkills: vacancies.requiredSkills,
      preferredSkills: vacancies.preferredSkills,
      certificates: vacancies.certificates,
      licences: vacancies.licences,
      hoursMin: vacancies.hoursMin,
      hoursMax: vacancies.hoursMax,
      shifts: vacancies.shifts,
      contractType: vacancies.contractType,
      wageIndication: vacancies.wageIndication,
      placeName: vacancies.placeName,
      maxDistanceKm: vacancies.maxDistanceKm,
      startDate: vacancies.startDate,
      expiresOn: vacancies.expiresOn,
      positions: vacancies.positions,
      positionsFilled: vacancies.positionsFilled,
      vogRequired: vacancies.vogRequired,
      vogRiskAreas: vacancies.vogRiskAreas,
      supportOffered: vacancies.supportOffered,
      publishedAt: vacancies.publishedAt,
      organisation: {
        name: organisations.name,
        placeName: organisations.placeName,
        fairChanceStatement: organisations.fairChanceStatement,
      },
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(eq(vacancies.id, vacancyId), readerScope(reader)));
  return row ?? null;
}
