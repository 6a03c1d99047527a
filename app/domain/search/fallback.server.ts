import { and, asc, count, desc, eq, inArray, isNotNull, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import { candidateConstraints, candidateProfiles, candidates, organisations, vacancies } from "#db/schema";
import { dayToIso, type CandidateDocument, type OccupationResolver, type VacancyDocument } from "#search/documents";
import type { SearchHit } from "#search/engine";
import { haversineMeters } from "#search/filter";
import type { CandidateMatch, VacancyMatch } from "#search/matching";
import { normalizeText, stem } from "#search/text";
import type { Taxonomy } from "~/domain/taxonomy/taxonomy";
import { candidateFromRow, selectCandidates, selectVacancies, toLoaded } from "./documents.server";
import { localReasons, localScore, type HiddenConstraints } from "./explanation";
import { monthEndDay, PAGE_SIZE, type EmployerSearchState } from "./url-state";

/*
 * The database fallback: what pages show while the search engine is down. Hard constraints are
 * plain SQL (the same ones the matcher applies: licences, certificates, hours, availability,
 * distance within both radii, VOG risk areas, area bans); relevance is a simple word match
 * (ILIKE on titles, skills and text). Results carry the same kind of explanation.
 *
 * It doubles as the benchmark's baseline ("the same matches as a plain SQL query").
 */

const AVAILABILITY_GRACE_DAYS = 30;
const MATCH_POOL = 200;

/** `ARRAY[$1, $2]::text[]` (an explicit array literal works the same on PGlite and postgres.js). */
function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** Great-circle distance in km between a row's point and a fixed point. */
function distanceKmSql(latColumn: AnyPgColumn, lonColumn: AnyPgColumn, lat: number, lon: number): SQL<number> {
  return sql<number>`(2 * 6371 * asin(least(1, sqrt(
    power(sin(radians(${latColumn} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${latColumn}))
    * power(sin(radians(${lonColumn} - ${lon}::float8) / 2), 2)))))`;
}

/** The words of a query as ILIKE patterns (the word, or its shorter canonical form). */
export function likePatterns(text: string, max = 6): string[] {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2) continue;
    const plain = normalizeText(raw);
    const canonical = stem(plain);
    // Only shorten when the word has no diacritics (the database keeps them).
    const word = plain === raw && canonical.length < raw.length && raw.startsWith(canonical) ? canonical : raw;
    out.add(`%${word}%`);
    if (out.size === max) break;
  }
  return [...out];
}

/** How many of the patterns occur in any of the texts (0 when there are none). */
function wordScore(patterns: string[], texts: SQL[]): SQL<number> {
  if (patterns.length === 0) return sql<number>`0`;
  return sql<number>`(${sql.join(
    patterns.map(
      (p) =>
        sql`(case when ${sql.join(
          texts.map((t) => sql`${t} ilike ${p}`),
          sql` or `,
        )} then 1 else 0 end)`,
    ),
    sql` + `,
  )})`;
}

const candidateTexts: SQL[] = [
  sql`${candidateProfiles.headline}`,
  sql`${candidateProfiles.summary}`,
  sql`array_to_string(${candidateProfiles.skills}, ' ')`,
  sql`jsonb_path_query_array(${candidateProfiles.certificates}, '$[*].name')::text`,
  sql`jsonb_path_query_array(${candidateProfiles.experience}, '$[*].title')::text`,
];

const earliestAvailability = sql`coalesce(least(${candidateProfiles.availableDuringDetentionFrom}, ${candidateProfiles.availableAfterReleaseFrom}), current_date)`;

function hasCertificate(name: string): SQL {
  return sql`exists (select 1 from jsonb_array_elements(${candidateProfiles.certificates}) as c(v) where lower(trim(c.v->>'name')) = ${name.trim().toLowerCase()})`;
}

function isoDay(day: number) {
  return dayToIso(day);
}

// ---------------------------------------------------------------------------
// Employer search

export type FallbackOrigin = { lat: number; lng: number; km: number };

/** The employer search as SQL: the same filters, a word match, newest or nearest first. */
export async function fallbackEmployerSearch(
  db: Database,
  state: EmployerSearchState,
  origin: FallbackOrigin | null,
  resolver?: OccupationResolver,
): Promise<{ docs: Array<{ doc: CandidateDocument; distanceKm?: number }>; total: number }> {
  const patterns = likePatterns(state.q ?? "");
  const score = wordScore(patterns, candidateTexts);
  const distance = origin ? distanceKmSql(candidateProfiles.lat, candidateProfiles.lon, origin.lat, origin.lng) : undefined;
  const where = and(
    eq(candidates.status, "published"),
    isNotNull(candidateProfiles.lat),
    isNotNull(candidateProfiles.lon),
    state.sector.length ? sql`${candidateProfiles.sectors} && ${textArray(state.sector)}` : undefined,
    state.rijbewijs.length ? sql`${candidateProfiles.licences} @> ${textArray(state.rijbewijs)}` : undefined,
    ...state.certificaat.map(hasCertificate),
    state.uren !== undefined
      ? sql`coalesce(${candidateProfiles.hoursMin}, 0) <= ${state.uren} and coalesce(${candidateProfiles.hoursMax}, 40) >= ${state.uren}`
      : undefined,
    state.beschikbaar ? sql`${earliestAvailability} <= ${isoDay(monthEndDay(state.beschikbaar))}::date` : undefined,
    state.detentie ? sql`${candidateProfiles.experience} @> '[{"duringDetention": true}]'::jsonb` : undefined,
    distance && origin ? sql`${distance} <= ${origin.km}` : undefined,
    patterns.length ? sql`${score} > 0` : undefined,
  );
  const order: SQL[] =
    state.sorteer === "afstand" && distance
      ? [asc(distance), desc(candidateProfiles.publishedAt)]
      : [...(patterns.length ? [desc(score)] : []), desc(candidateProfiles.publishedAt), asc(candidates.id)];
  const [rows, [total]] = await Promise.all([
    selectCandidates(db, where)
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((state.pagina - 1) * PAGE_SIZE),
    db
      .select({ n: count() })
      .from(candidates)
      .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
      .where(where),
  ]);
  const docs: Array<{ doc: CandidateDocument; distanceKm?: number }> = [];
  for (const row of rows) {
    const built = candidateFromRow(row, resolver);
    if (!built) continue;
    const d = origin ? haversineMeters(origin.lat, origin.lng, built.doc._geo.lat, built.doc._geo.lng) / 1000 : undefined;
    docs.push({ doc: built.doc, ...(d !== undefined ? { distanceKm: d } : {}) });
  }
  return { docs, total: total?.n ?? 0 };
}

// ---------------------------------------------------------------------------
// Vacancy → candidates

export type FallbackCandidateMatch = CandidateMatch & { hidden: HiddenConstraints };

/**
 * Candidates for a vacancy with every hard constraint in SQL, a word match on the vacancy's
 * title and skills, ranked like the matcher (occupation, skills, sector, nearness). `scope`
 * narrows to a coaching organisation (the coach's view).
 */
export async function fallbackCandidatesForVacancy(
  db: Database,
  vacancy: VacancyDocument,
  options: { coachingOrganisationId?: string; limit?: number; resolver?: OccupationResolver; taxonomy?: Taxonomy } = {},
): Promise<FallbackCandidateMatch[]> {
  const limit = options.limit ?? 20;
  const distance = distanceKmSql(candidateProfiles.lat, candidateProfiles.lon, vacancy._geo.lat, vacancy._geo.lng);
  const patterns = likePatterns([vacancy.title, ...vacancy.requiredSkills].join(" "));
  const score = wordScore(patterns, candidateTexts);
  const where = and(
    eq(candidates.status, "published"),
    isNotNull(candidateProfiles.lat),
    isNotNull(candidateProfiles.lon),
    vacancy.licences.length ? sql`${candidateProfiles.licences} @> ${textArray(vacancy.licences)}` : undefined,
    ...vacancy.certificates.map(hasCertificate),
    vacancy.startDay !== undefined
      ? sql`${earliestAvailability} <= ${isoDay(vacancy.startDay + AVAILABILITY_GRACE_DAYS)}::date`
      : undefined,
    sql`coalesce(${candidateProfiles.hoursMin}, 0) <= ${vacancy.hoursMax}`,
    sql`coalesce(${candidateProfiles.hoursMax}, 40) >= ${vacancy.hoursMin}`,
    sql`${distance} <= least(${vacancy.maxDistanceKm}::float8, coalesce(${candidateProfiles.travelKm}, 25))`,
    vacancy.vogRiskAreas.length
      ? sql`not (coalesce(${candidateConstraints.vogRiskAreas}, '{}'::text[]) && ${textArray(vacancy.vogRiskAreas)})`
      : undefined,
    vacancy.municipalityCode
      ? sql`not (coalesce(${candidateConstraints.areaBanMunicipalityCodes}, '{}'::text[]) @> ${textArray([vacancy.municipalityCode])})`
      : undefined,
    options.coachingOrganisationId ? eq(candidates.coachingOrganisationId, options.coachingOrganisationId) : undefined,
  );
  const rows = await selectCandidates(db, where)
    .orderBy(...(patterns.length ? [desc(score)] : []), asc(distance), asc(candidates.id))
    .limit(MATCH_POOL);
  const matches: FallbackCandidateMatch[] = [];
  for (const row of rows) {
    const built = candidateFromRow(row, options.resolver);
    if (!built) continue;
    const d = haversineMeters(vacancy._geo.lat, vacancy._geo.lng, built.doc._geo.lat, built.doc._geo.lng) / 1000;
    const reasons = localReasons(vacancy, built.doc, options.taxonomy);
    matches.push({
      kind: "candidate",
      candidate: built.doc as SearchHit<CandidateDocument>,
      vacancy,
      score: localScore(reasons, vacancy, d, built.doc.publishedAt),
      distanceKm: d,
      reasons,
      hidden: built.hidden,
    });
  }
  matches.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.candidate.id.localeCompare(b.candidate.id));
  return matches.slice(0, limit);
}

// ---------------------------------------------------------------------------
// Candidate → vacancies

/**
 * Open vacancies of verified employers for a candidate, every hard constraint in SQL, ranked
 * like the matcher. `ids` narrows to given vacancies (the candidate's shared list).
 */
export async function fallbackVacanciesForCandidate(
  db: Database,
  candidate: CandidateDocument,
  options: { ids?: string[]; limit?: number; resolver?: OccupationResolver; taxonomy?: Taxonomy } = {},
): Promise<VacancyMatch[]> {
  const limit = options.limit ?? 20;
  if (options.ids && options.ids.length === 0) return [];
  const distance = distanceKmSql(vacancies.lat, vacancies.lon, candidate._geo.lat, candidate._geo.lng);
  const patterns = likePatterns([...candidate.experienceTitles.slice(0, 3), candidate.headline].join(" "));
  const score = wordScore(patterns, [
    sql`${vacancies.title}`,
    sql`array_to_string(${vacancies.requiredSkills}, ' ')`,
    sql`${vacancies.description}`,
  ]);
  const certificates = candidate.certificates.map((c) => c.trim().toLowerCase());
  const where = and(
    eq(vacancies.status, "open"),
    eq(organisations.verificationStatus, "verified"),
    options.ids ? inArray(vacancies.id, options.ids) : undefined,
    sql`${vacancies.licences} <@ ${textArray(candidate.licences)}`,
    sql`not exists (select 1 from unnest(${vacancies.certificates}) as vc(name) where lower(trim(vc.name)) <> all(${textArray(certificates)}))`,
    or(
      isNull(vacancies.startDate),
      sql`${vacancies.startDate} >= ${isoDay(candidate.availableFromDay - AVAILABILITY_GRACE_DAYS)}::date`,
    ),
    sql`${vacancies.hoursMin} <= ${candidate.hoursMax}`,
    sql`${vacancies.hoursMax} >= ${candidate.hoursMin}`,
    sql`${distance} <= least(${vacancies.maxDistanceKm}::float8, ${candidate.travelKm}::float8)`,
    candidate.vogExpected === "no" ? eq(vacancies.vogRequired, false) : undefined,
    candidate.vogRiskAreas.length ? not(sql`${vacancies.vogRiskAreas} && ${textArray(candidate.vogRiskAreas)}`) : undefined,
    candidate.areaBanMunicipalityCodes.length
      ? or(
          isNull(vacancies.municipalityCode),
          not(sql`${vacancies.municipalityCode} = any(${textArray(candidate.areaBanMunicipalityCodes)})`),
        )
      : undefined,
  );
  const rows = await selectVacancies(db, where)
    .orderBy(...(patterns.length ? [desc(score)] : []), asc(distance), asc(vacancies.id))
    .limit(MATCH_POOL);
  const matches: VacancyMatch[] = [];
  for (const row of rows) {
    const { doc } = toLoaded(row, options.resolver);
    const d = haversineMeters(candidate._geo.lat, candidate._geo.lng, doc._geo.lat, doc._geo.lng) / 1000;
    const reasons = localReasons(doc, candidate, options.taxonomy);
    matches.push({
      kind: "vacancy",
      candidate,
      vacancy: doc as SearchHit<VacancyDocument>,
      score: localScore(reasons, doc, d, doc.publishedAt),
      distanceKm: d,
      reasons,
    });
  }
  matches.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.vacancy.id.localeCompare(b.vacancy.id));
  return matches.slice(0, limit);
}
