import type { Database } from "#db/client.server";
import {
  EMPLOYER_CANDIDATE_ATTRIBUTES,
  stripCoachOnly,
  type CandidateDocument,
  type VacancyDocument,
} from "#search/documents";
import { geoSort, type FacetDistribution } from "#search/engine";
import { f } from "#search/filter";
import { findPlace, suggestPlaces } from "~/domain/geo/gazetteer";
import { t } from "~/i18n";
import { ownVacancyDocument, ownVacancyOptions } from "./documents.server";
import { currentTaxonomy, tryEngine } from "./engine-call.server";
import { explainSearchHit, monthLabel, type ExplanationView } from "./explanation";
import { fallbackEmployerSearch, type FallbackOrigin } from "./fallback.server";
import { DEFAULT_DISTANCE_KM, monthEndDay, PAGE_SIZE, type EmployerSearchState } from "./url-state";

/*
 * The employer's search over anonymised profiles. The server builds the whole query: the role
 * filter (published profiles only), the employer's filters, distance from one of THEIR
 * vacancies or a place, sort and page, and asks the engine for employer attributes only
 * (coach-only fields are stripped again after). What leaves this module is a view model with
 * exactly what the page shows: never an id, a coordinate, an exact date or a coach-only field.
 */

export const EMPLOYER_FACETS = ["sectors", "licences", "certificates", "availableFromMonth", "hasDetentionExperience"] as const;

export type EmployerHit = {
  code: string;
  headline: string;
  region: string;
  /** "2027-03" and "maart 2027": employers see the month only. */
  availableMonth: string;
  availableLabel: string;
  sectors: string[];
  licences: string[];
  certificates: string[];
  hasDetentionExperience: boolean;
  distanceKm: number | null;
  explanation: ExplanationView[];
};

export type FacetCount = { value: string; count: number };
export type EmployerFacets = {
  sectors: FacetCount[];
  licences: FacetCount[];
  certificates: FacetCount[];
  months: Array<FacetCount & { label: string }>;
  detention: number;
};

export type Notice = { tone: "warning" | "info"; text: string };

export type EmployerSearchResult = {
  hits: EmployerHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: EmployerFacets | null;
  origin: { label: string; km: number } | null;
  /** True when the engine failed and the results come from the database. */
  fallback: boolean;
  notices: Notice[];
  placeSuggestions: string[];
  vacancies: Array<{ id: string; title: string; placeName: string }>;
};

type Origin = FallbackOrigin & { label: string; vacancy?: VacancyDocument };

async function resolveOrigin(
  db: Database,
  organisationId: string,
  state: EmployerSearchState,
  notices: Notice[],
  placeSuggestions: string[],
): Promise<Origin | null> {
  if (state.vacature) {
    const own = await ownVacancyDocument(db, organisationId, state.vacature, currentTaxonomy().resolver());
    if (own) {
      const v = own.doc;
      return {
        lat: v._geo.lat,
        lng: v._geo.lng,
        km: state.km ?? v.maxDistanceKm,
        label: t("search.employer.origin.vacancy", { title: v.title, place: v.placeName }),
        vacancy: v,
      };
    }
    notices.push({ tone: "info", text: t("search.employer.origin.vacancyNotFound") });
  }
  if (state.plaats) {
    const place = findPlace(state.plaats);
    if (place) {
      return { lat: place.lat, lng: place.lon, km: state.km ?? DEFAULT_DISTANCE_KM, label: place.name };
    }
    placeSuggestions.push(...suggestPlaces(state.plaats, 4).map((p) => p.name));
    notices.push({ tone: "info", text: t("search.employer.origin.placeUnknown", { place: state.plaats }) });
  }
  return null;
}

function facetList(distribution: FacetDistribution | undefined, facet: string): FacetCount[] {
  const counts = distribution?.[facet] ?? {};
  return Object.entries(counts)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "nl"));
}

function toFacets(distribution: FacetDistribution | undefined): EmployerFacets {
  return {
    sectors: facetList(distribution, "sectors"),
    licences: facetList(distribution, "licences"),
    certificates: facetList(distribution, "certificates").slice(0, 15),
    months: facetList(distribution, "availableFromMonth")
      .sort((a, b) => a.value.localeCompare(b.value))
      .slice(0, 24)
      .map((m) => ({ ...m, label: monthLabel(m.value) })),
    detention: distribution?.hasDetentionExperience?.["true"] ?? 0,
  };
}

type EmployerDoc = Omit<CandidateDocument, "coachingOrganisationId" | "coachUserId" | "vogExpected" | "vogRiskAreas" | "areaBanMunicipalityCodes">;

function toHit(doc: EmployerDoc, distanceKm: number | undefined, state: EmployerSearchState, origin: Origin | null): EmployerHit {
  return {
    code: doc.code,
    headline: doc.headline,
    region: doc.regionName,
    availableMonth: doc.availableFromMonth,
    availableLabel: monthLabel(doc.availableFromMonth),
    sectors: doc.sectors,
    licences: doc.licences,
    certificates: doc.certificates,
    hasDetentionExperience: doc.hasDetentionExperience,
    distanceKm: distanceKm === undefined ? null : Math.round(distanceKm * 10) / 10,
    explanation: explainSearchHit(doc, {
      q: state.q,
      licences: state.rijbewijs,
      certificates: state.certificaat,
      hours: state.uren,
      availableByMonth: state.beschikbaar,
      distanceKm,
      vacancy: origin?.vacancy,
      taxonomy: currentTaxonomy(),
    }),
  };
}

/** The employer search page's results for one URL state (engine first, database fallback). */
export async function runEmployerSearch(
  db: Database,
  organisationId: string,
  state: EmployerSearchState,
): Promise<EmployerSearchResult> {
  const notices: Notice[] = [];
  const placeSuggestions: string[] = [];
  const [origin, vacancies] = await Promise.all([
    resolveOrigin(db, organisationId, state, notices, placeSuggestions),
    ownVacancyOptions(db, organisationId),
  ]);
  if (state.sorteer === "afstand" && !origin) notices.push({ tone: "info", text: t("search.employer.sortNeedsOrigin") });
  const filter = f.and(
    f.eq("status", "published"),
    state.sector.length ? f.in("sectors", state.sector) : undefined,
    state.rijbewijs.length ? f.all("licences", state.rijbewijs) : undefined,
    state.certificaat.length ? f.all("certificates", state.certificaat) : undefined,
    state.uren !== undefined ? f.and(f.lte("hoursMin", state.uren), f.gte("hoursMax", state.uren)) : undefined,
    state.beschikbaar ? f.lte("availableFromDay", monthEndDay(state.beschikbaar)) : undefined,
    state.detentie ? f.eq("hasDetentionExperience", true) : undefined,
    origin ? f.geoRadius(origin.lat, origin.lng, origin.km * 1000) : undefined,
  );
  const sort =
    state.sorteer === "afstand" && origin
      ? [geoSort(origin.lat, origin.lng)]
      : state.q
        ? undefined
        : ["publishedAt:desc"];
  const offset = (state.pagina - 1) * PAGE_SIZE;
  const engine = await tryEngine("werkgever zoeken", (rt) =>
    rt.engine.search<CandidateDocument>("candidates", {
      ...(state.q ? { q: state.q } : {}),
      filter,
      ...(sort ? { sort } : {}),
      facets: [...EMPLOYER_FACETS],
      limit: PAGE_SIZE,
      offset,
      attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES,
    }),
  );
  const base = {
    page: state.pagina,
    origin: origin ? { label: origin.label, km: origin.km } : null,
    placeSuggestions,
    vacancies: vacancies.map(({ id, title, placeName }) => ({ id, title, placeName })),
  };
  if (engine.ok) {
    const result = engine.value;
    const hits = result.hits.map((hit) => {
      const doc = stripCoachOnly(hit) as EmployerDoc & { _geoDistance?: number; _rankingScore?: number };
      const distanceKm = origin
        ? doc._geoDistance !== undefined
          ? doc._geoDistance / 1000
          : undefined
        : undefined;
      return toHit(doc, distanceKm, state, origin);
    });
    return {
      ...base,
      hits,
      total: result.estimatedTotalHits,
      pageCount: Math.max(1, Math.ceil(result.estimatedTotalHits / PAGE_SIZE)),
      facets: toFacets(result.facetDistribution),
      fallback: false,
      notices,
    };
  }
  const fallback = await fallbackEmployerSearch(db, state, origin, currentTaxonomy().resolver());
  return {
    ...base,
    hits: fallback.docs.map(({ doc, distanceKm }) => toHit(stripCoachOnly(doc), distanceKm, state, origin)),
    total: fallback.total,
    pageCount: Math.max(1, Math.ceil(fallback.total / PAGE_SIZE)),
    facets: null,
    fallback: true,
    notices: [{ tone: "warning", text: t("search.fallback.notice") }, ...notices],
  };
}
