import type { Taxonomy, ResolvedOccupation } from "~/domain/taxonomy/taxonomy";
import { t } from "~/i18n";
import type { MessageKey } from "~/i18n";
import type { CandidateDocument, VacancyDocument } from "./documents";
import { dayToIso } from "./documents";
import type { SearchEngine, SearchHit } from "./engine";
import { f, haversineMeters, type Filter } from "./filter";
import { compoundParts, editDistance, tokenize, typoBudget } from "./text";

/*
 * The matcher: the same rules for every engine.
 *
 * 1. Hard constraints become a filter (published/open, licences, certificates, availability
 *    within 30 days of the start, hours overlap, distance within the vacancy's maximum via
 *    `_geoRadius`, VOG, VOG risk areas, area bans) plus one post-filter the engines can not
 *    express: distance within the candidate's own travel radius.
 * 2. Candidates are fetched with that filter in up to three engine queries: same ISCO minor
 *    group as the vacancy's occupations; the vacancy title as text (the engine expands
 *    synonyms, word forms and typos); and, when those give too few, nearest first.
 * 3. Every hit is scored here, not by the engine: the occupation of the main (longest)
 *    experience against the vacancy's occupation (same occupation > same ISCO unit group >
 *    same ISCO minor group > similar words), other experience counts less; skills and sector
 *    add a little; distance and recency break ties.
 * 4. `explain` turns a match into plain Dutch (B1) items: what fits, what is missing, the
 *    distance, when the candidate can start.
 */

const AVAILABILITY_GRACE_DAYS = 30;
const POOL_BY_GROUP = 400;
const POOL_BY_TEXT = 150;
const POOL_NEAREST = 200;
const SECONDARY_EXPERIENCE_WEIGHT = 0.25;

export const LICENCE_CATEGORIES = ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T"];

export type MatchOptions = {
  limit?: number;
  /** Occupation taxonomy (title resolution, synonyms). Without it only words are compared. */
  taxonomy?: Taxonomy;
  /** Extra filter the server adds for the caller's role (e.g. a coach's organisation). */
  scope?: Filter;
  /** Attributes the caller may receive (employers: EMPLOYER_CANDIDATE_ATTRIBUTES). */
  attributesToRetrieve?: string[];
};

export type MatchReasons = {
  /** 0..1: how well the occupation fits. */
  occupation: number;
  occupationKind: "same" | "group" | "related" | "words" | "none";
  /** The experience (title, months) the occupation score came from. */
  experienceTitle?: string;
  experienceMonths?: number;
  experienceMain: boolean;
  skillsMatched: string[];
  skillsMissing: string[];
  sectorMatch: boolean;
};

export type CandidateMatch = {
  kind: "candidate";
  candidate: SearchHit<CandidateDocument>;
  vacancy: VacancyDocument;
  score: number;
  distanceKm: number;
  reasons: MatchReasons;
};

export type VacancyMatch = {
  kind: "vacancy";
  candidate: CandidateDocument;
  vacancy: SearchHit<VacancyDocument>;
  score: number;
  distanceKm: number;
  reasons: MatchReasons;
};

// ---------------------------------------------------------------------------
// Constraints

/** The hard constraints of a vacancy as a filter on the candidates index. */
export function candidateConstraintFilter(vacancy: VacancyDocument, scope?: Filter): Filter {
  return f.and(
    f.eq("status", "published"),
    vacancy.licences.length ? f.all("licences", vacancy.licences) : undefined,
    vacancy.certificates.length ? f.all("certificates", vacancy.certificates) : undefined,
    vacancy.startDay !== undefined ? f.lte("availableFromDay", vacancy.startDay + AVAILABILITY_GRACE_DAYS) : undefined,
    f.lte("hoursMin", vacancy.hoursMax),
    f.gte("hoursMax", vacancy.hoursMin),
    f.geoRadius(vacancy._geo.lat, vacancy._geo.lng, vacancy.maxDistanceKm * 1000),
    vacancy.vogRequired ? f.neq("vogExpected", "no") : undefined,
    f.none("vogRiskAreas", vacancy.vogRiskAreas),
    vacancy.municipalityCode ? f.neq("areaBanMunicipalityCodes", vacancy.municipalityCode) : undefined,
    scope,
  );
}

/** The hard constraints of a candidate as a filter on the vacancies index. */
export function vacancyConstraintFilter(candidate: CandidateDocument, scope?: Filter): Filter {
  const held = new Set(candidate.licences.map((l) => l.toUpperCase()));
  return f.and(
    f.eq("status", "open"),
    f.none(
      "licences",
      LICENCE_CATEGORIES.filter((l) => !held.has(l)),
    ),
    f.or(f.not(f.exists("startDay")), f.gte("startDay", candidate.availableFromDay - AVAILABILITY_GRACE_DAYS)),
    f.lte("hoursMin", candidate.hoursMax),
    f.gte("hoursMax", candidate.hoursMin),
    f.geoRadius(candidate._geo.lat, candidate._geo.lng, candidate.travelKm * 1000),
    candidate.vogExpected === "no" ? f.eq("vogRequired", false) : undefined,
    f.none("vogRiskAreas", candidate.vogRiskAreas),
    f.none("municipalityCode", candidate.areaBanMunicipalityCodes),
    scope,
  );
}

function lowerSet(values: string[]): Set<string> {
  return new Set(values.map((v) => v.trim().toLowerCase()));
}

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return haversineMeters(a.lat, a.lng, b.lat, b.lng) / 1000;
}

/** Checks every hard constraint in memory (the post-filter; also used by tests). */
export function meetsConstraints(vacancy: VacancyDocument, candidate: CandidateDocument): boolean {
  const d = distanceKm(vacancy._geo, candidate._geo);
  if (d > Math.min(vacancy.maxDistanceKm, candidate.travelKm)) return false;
  const licences = lowerSet(candidate.licences);
  if (vacancy.licences.some((l) => !licences.has(l.toLowerCase()))) return false;
  const certs = lowerSet(candidate.certificates);
  if (vacancy.certificates.some((c) => !certs.has(c.trim().toLowerCase()))) return false;
  if (vacancy.startDay !== undefined && candidate.availableFromDay > vacancy.startDay + AVAILABILITY_GRACE_DAYS) return false;
  if (candidate.hoursMin > vacancy.hoursMax || candidate.hoursMax < vacancy.hoursMin) return false;
  if (vacancy.vogRequired && candidate.vogExpected === "no") return false;
  const risk = lowerSet(candidate.vogRiskAreas);
  if (vacancy.vogRiskAreas.some((a) => risk.has(a.toLowerCase()))) return false;
  if (vacancy.municipalityCode && candidate.areaBanMunicipalityCodes.includes(vacancy.municipalityCode)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Relevance

type Resolved = Array<Pick<ResolvedOccupation, "code" | "iscoGroup" | "confidence" | "title">>;

function resolve(title: string, codes: string[], taxonomy: Taxonomy | undefined): Resolved {
  const out: Resolved = [];
  const seen = new Set<string>();
  for (const code of codes) {
    const o = taxonomy?.byCode(code);
    if (o && !seen.has(code)) {
      seen.add(code);
      out.push({ code, iscoGroup: o.iscoGroup, confidence: 1, title: o.title });
    }
  }
  if (taxonomy) {
    for (const r of taxonomy.resolveTitle(title)) {
      if (!seen.has(r.code)) {
        seen.add(r.code);
        out.push(r);
      }
    }
  }
  return out;
}

/** 0..1: same occupation 1 (a curated grouping 0.9), same ISCO unit group 0.6, minor group 0.3. */
function occupationSimilarity(a: Resolved, b: Resolved): { score: number; kind: MatchReasons["occupationKind"] } {
  let best = 0;
  let kind: MatchReasons["occupationKind"] = "none";
  for (const x of a) {
    for (const y of b) {
      let s = 0;
      let k: MatchReasons["occupationKind"] = "none";
      if (x.code === y.code) {
        s = x.code.startsWith("wb:") ? 0.9 : 1;
        k = "same";
      } else if (x.iscoGroup && y.iscoGroup && x.iscoGroup.length === 4 && x.iscoGroup === y.iscoGroup) {
        s = 0.6;
        k = "group";
      } else if (x.iscoGroup && y.iscoGroup && x.iscoGroup.slice(0, 3) === y.iscoGroup.slice(0, 3)) {
        s = 0.3;
        k = "related";
      }
      s *= Math.min(x.confidence, y.confidence);
      if (s > best) {
        best = s;
        kind = k;
      }
    }
  }
  return { score: best, kind };
}

const TERM_CACHE_SIZE = 50_000;

class WordMatcher {
  private readonly synonyms = new Map<string, Set<string>>();
  private readonly termCache = new Map<string, string[]>();
  private readonly dictionary: ReadonlySet<string>;

  constructor(taxonomy: Taxonomy | undefined) {
    this.dictionary = taxonomy?.dictionary ?? new Set();
    for (const group of taxonomy?.wordSynonyms ?? []) {
      const stems = group.flatMap((w) => tokenize(w));
      for (const s of stems) {
        const set = this.synonyms.get(s) ?? new Set<string>();
        for (const o of stems) if (o !== s) set.add(o);
        this.synonyms.set(s, set);
      }
    }
  }

  /** Word forms of a text: stems, compound parts (remembered: the same titles and skills come back in every match). */
  terms(text: string): string[] {
    let terms = this.termCache.get(text);
    if (!terms) {
      terms = this.termsUncached(text);
      if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.clear();
      this.termCache.set(text, terms);
    }
    return terms;
  }

  private termsUncached(text: string): string[] {
    const out = new Set<string>();
    for (const tok of tokenize(text)) {
      if (tok.length < 2) continue;
      out.add(tok);
      if (tok.length >= 8) for (const p of compoundParts(tok, this.dictionary)) out.add(p);
    }
    return [...out];
  }

  private matches(a: string, bSet: Set<string>, bList: string[]): boolean {
    if (bSet.has(a)) return true;
    for (const s of this.synonyms.get(a) ?? []) if (bSet.has(s)) return true;
    const budget = typoBudget(a.length);
    if (budget === 0) return false;
    for (const b of bList) if (b[0] === a[0] && Math.abs(b.length - a.length) <= budget && editDistance(a, b, budget) <= budget) return true;
    return false;
  }

  /** 0..1: share of the words of `a` found in `b` (and the other way round), with synonyms and typos. */
  similarity(a: string, b: string): number {
    const ta = this.terms(a);
    const tb = this.terms(b);
    if (!ta.length || !tb.length) return 0;
    const sb = new Set(tb);
    const sa = new Set(ta);
    const ab = ta.filter((x) => this.matches(x, sb, tb)).length / ta.length;
    const ba = tb.filter((x) => this.matches(x, sa, ta)).length / tb.length;
    return (ab + ba) / 2;
  }

  containsAny(phrase: string, haystack: Set<string>, list: string[]): boolean {
    const terms = this.terms(phrase);
    return terms.length > 0 && terms.every((x) => this.matches(x, haystack, list));
  }
}

const wordMatchers = new WeakMap<object, WordMatcher>();
const NO_TAXONOMY = {};
function wordMatcher(taxonomy: Taxonomy | undefined): WordMatcher {
  const key = taxonomy ?? NO_TAXONOMY;
  let m = wordMatchers.get(key);
  if (!m) {
    m = new WordMatcher(taxonomy);
    wordMatchers.set(key, m);
  }
  return m;
}

function relevance(
  vacancy: VacancyDocument,
  candidate: CandidateDocument,
  taxonomy: Taxonomy | undefined,
): MatchReasons {
  const words = wordMatcher(taxonomy);
  const vacancyOcc = resolve(vacancy.title, vacancy.occupationCodes, taxonomy);
  const experience = candidate.experience.length
    ? candidate.experience
    : [{ title: candidate.headline, sector: candidate.sectors[0] ?? "", months: 0, duringDetention: false }];
  let best = { score: 0, kind: "none" as MatchReasons["occupationKind"], index: 0 };
  experience.forEach((exp, i) => {
    const weight = i === 0 ? 1 : SECONDARY_EXPERIENCE_WEIGHT;
    const occ = occupationSimilarity(vacancyOcc, resolve(exp.title, [], taxonomy));
    let score = occ.score;
    let kind = occ.kind;
    // words of the titles (also the only signal without a taxonomy)
    const w = 0.5 * words.similarity(vacancy.title, exp.title);
    if (w > score) {
      score = w;
      kind = w > 0 ? "words" : kind;
    }
    score *= weight;
    if (score > best.score) best = { score, kind, index: i };
  });
  const main = experience[best.index];
  // skills: vacancy skills found in the candidate's skills, experience and headline
  const candidateText = [candidate.skills.join(" "), candidate.headline, candidate.experienceTitles.join(" ")].join(" ");
  const candTerms = words.terms(candidateText);
  const candSet = new Set(candTerms);
  const wanted = [...vacancy.requiredSkills, ...vacancy.preferredSkills];
  const skillsMatched = wanted.filter((s) => words.containsAny(s, candSet, candTerms));
  const skillsMissing = vacancy.requiredSkills.filter((s) => !skillsMatched.includes(s));
  return {
    occupation: best.score,
    occupationKind: best.kind,
    ...(main && best.kind !== "none" ? { experienceTitle: main.title, experienceMonths: main.months } : {}),
    experienceMain: best.index === 0,
    skillsMatched,
    skillsMissing,
    sectorMatch: candidate.sectors.includes(vacancy.sector),
  };
}

function totalScore(reasons: MatchReasons, vacancy: VacancyDocument, d: number, publishedAt: number, wanted: number): number {
  const skills = wanted ? reasons.skillsMatched.length / wanted : 0;
  const near = 1 - Math.min(1, d / Math.max(1, vacancy.maxDistanceKm));
  const ageDays = Math.max(0, (Date.now() - publishedAt) / 86_400_000);
  const recent = 1 / (1 + ageDays / 30);
  return reasons.occupation + 0.04 * skills + 0.02 * (reasons.sectorMatch ? 1 : 0) + 0.015 * near + 0.005 * recent;
}

// ---------------------------------------------------------------------------
// Matching

export async function matchCandidatesForVacancy(
  engine: SearchEngine,
  vacancy: VacancyDocument,
  options: MatchOptions = {},
): Promise<CandidateMatch[]> {
  const limit = options.limit ?? 20;
  const filter = candidateConstraintFilter(vacancy, options.scope);
  const common = {
    filter,
    ...(options.attributesToRetrieve ? { attributesToRetrieve: withMatchFields(options.attributesToRetrieve) } : {}),
  };
  const groups = new Set<string>(vacancy.iscoMinorGroups);
  if (options.taxonomy) {
    for (const r of options.taxonomy.resolveTitle(vacancy.title)) if (r.iscoGroup) groups.add(r.iscoGroup.slice(0, 3));
  }
  const pool = new Map<string, SearchHit<CandidateDocument>>();
  const add = (hits: SearchHit<CandidateDocument>[]) => {
    for (const h of hits) if (!pool.has(h.id)) pool.set(h.id, h);
  };
  const queries: Array<Promise<void>> = [];
  if (groups.size) {
    queries.push(
      engine
        .search<CandidateDocument>("candidates", {
          ...common,
          filter: f.and(filter, f.in("iscoMinorGroups", [...groups])),
          limit: POOL_BY_GROUP,
        })
        .then((r) => add(r.hits)),
    );
  }
  queries.push(
    engine
      .search<CandidateDocument>("candidates", { ...common, q: vacancy.title, limit: POOL_BY_TEXT })
      .then((r) => add(r.hits)),
  );
  await Promise.all(queries);
  if (pool.size < limit * 2) {
    const r = await engine.search<CandidateDocument>("candidates", {
      ...common,
      sort: [`_geoPoint(${vacancy._geo.lat},${vacancy._geo.lng}):asc`],
      limit: POOL_NEAREST,
    });
    add(r.hits);
  }
  const wanted = vacancy.requiredSkills.length + vacancy.preferredSkills.length;
  const matches: CandidateMatch[] = [];
  for (const hit of pool.values()) {
    const d = distanceKm(vacancy._geo, hit._geo);
    if (d > Math.min(vacancy.maxDistanceKm, hit.travelKm)) continue; // the candidate's own radius
    const reasons = relevance(vacancy, hit, options.taxonomy);
    matches.push({
      kind: "candidate",
      candidate: hit,
      vacancy,
      score: totalScore(reasons, vacancy, d, hit.publishedAt, wanted),
      distanceKm: d,
      reasons,
    });
  }
  matches.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.candidate.id.localeCompare(b.candidate.id));
  return matches.slice(0, limit);
}

export async function matchVacanciesForCandidate(
  engine: SearchEngine,
  candidate: CandidateDocument,
  options: MatchOptions = {},
): Promise<VacancyMatch[]> {
  const limit = options.limit ?? 20;
  const filter = vacancyConstraintFilter(candidate, options.scope);
  const groups = new Set<string>(candidate.iscoMinorGroups);
  const pool = new Map<string, SearchHit<VacancyDocument>>();
  const add = (hits: SearchHit<VacancyDocument>[]) => {
    for (const h of hits) if (!pool.has(h.id)) pool.set(h.id, h);
  };
  const titles = candidate.experienceTitles.slice(0, 3).join(" ") || candidate.headline;
  await Promise.all([
    groups.size
      ? engine
          .search<VacancyDocument>("vacancies", { filter: f.and(filter, f.in("iscoMinorGroups", [...groups])), limit: POOL_BY_GROUP })
          .then((r) => add(r.hits))
      : Promise.resolve(),
    engine.search<VacancyDocument>("vacancies", { filter, q: titles, limit: POOL_BY_TEXT }).then((r) => add(r.hits)),
  ]);
  if (pool.size < limit * 2) {
    const r = await engine.search<VacancyDocument>("vacancies", {
      filter,
      sort: [`_geoPoint(${candidate._geo.lat},${candidate._geo.lng}):asc`],
      limit: POOL_NEAREST,
    });
    add(r.hits);
  }
  const matches: VacancyMatch[] = [];
  const certs = lowerSet(candidate.certificates);
  for (const hit of pool.values()) {
    const d = distanceKm(candidate._geo, hit._geo);
    if (d > Math.min(hit.maxDistanceKm, candidate.travelKm)) continue;
    if (hit.certificates.some((c) => !certs.has(c.trim().toLowerCase()))) continue;
    const reasons = relevance(hit, candidate, options.taxonomy);
    const wanted = hit.requiredSkills.length + hit.preferredSkills.length;
    matches.push({
      kind: "vacancy",
      candidate,
      vacancy: hit,
      score: totalScore(reasons, hit, d, hit.publishedAt, wanted),
      distanceKm: d,
      reasons,
    });
  }
  matches.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.vacancy.id.localeCompare(b.vacancy.id));
  return matches.slice(0, limit);
}

/** Fields the matcher itself needs on a candidate hit, next to what the caller may see. */
const MATCH_FIELDS = [
  "id",
  "_geo",
  "travelKm",
  "publishedAt",
  "experience",
  "experienceTitles",
  "headline",
  "skills",
  "sectors",
  "licences",
  "certificates",
  "hoursMin",
  "hoursMax",
  "availableFromDay",
  "occupationCodes",
];
function withMatchFields(attributes: string[]): string[] {
  return [...new Set([...attributes, ...MATCH_FIELDS])];
}

// ---------------------------------------------------------------------------
// Explanation

export type ExplanationItem = {
  kind: "meets" | "missing" | "info";
  key: MessageKey;
  text: string;
};

function item(kind: ExplanationItem["kind"], key: MessageKey, vars?: Record<string, string | number>): ExplanationItem {
  return { kind, key, text: t(key, vars) };
}

const dateFormat = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function formatKm(km: number): string {
  return km < 10 ? km.toFixed(1).replace(".", ",") : String(Math.round(km));
}

/**
 * Plain-Dutch explanation of a match: what fits, what is missing, the distance, when the
 * candidate can start. Never mentions hidden constraints.
 */
export function explain(match: CandidateMatch | VacancyMatch): ExplanationItem[] {
  const { vacancy, candidate, reasons } = match;
  const out: ExplanationItem[] = [];
  if (reasons.experienceTitle && (reasons.occupationKind === "same" || (reasons.occupationKind === "words" && reasons.occupation >= 0.4))) {
    out.push(
      reasons.experienceMonths
        ? item("meets", "search.explain.occupation.same", { title: reasons.experienceTitle, months: reasons.experienceMonths })
        : item("meets", "search.explain.occupation.sameNoMonths", { title: reasons.experienceTitle }),
    );
  } else if (reasons.experienceTitle && reasons.occupationKind !== "none") {
    out.push(item("meets", "search.explain.occupation.related", { title: reasons.experienceTitle }));
  } else {
    out.push(item("missing", "search.explain.occupation.missing", { title: vacancy.title }));
  }
  const detention = candidate.experience.find((e) => e.duringDetention);
  if (detention) out.push(item("info", "search.explain.detention", { title: detention.title }));
  if (vacancy.licences.length) out.push(item("meets", "search.explain.licence.ok", { licences: vacancy.licences.join(", ") }));
  if (vacancy.certificates.length) {
    out.push(item("meets", "search.explain.certificate.ok", { certificates: vacancy.certificates.join(", ") }));
  }
  const hours = vacancy.hoursMin === vacancy.hoursMax ? String(vacancy.hoursMin) : `${vacancy.hoursMin} tot ${vacancy.hoursMax}`;
  out.push(item("meets", "search.explain.hours.ok", { min: candidate.hoursMin, max: candidate.hoursMax, hours }));
  if (reasons.skillsMatched.length) out.push(item("meets", "search.explain.skills.ok", { skills: reasons.skillsMatched.join(", ") }));
  if (reasons.skillsMissing.length) out.push(item("missing", "search.explain.skills.missing", { skills: reasons.skillsMissing.join(", ") }));
  out.push(item("info", "search.explain.distance", { km: formatKm(match.distanceKm) }));
  const start = vacancy.startDay;
  if (start === undefined || candidate.availableFromDay <= start) {
    if (start === undefined) {
      out.push(item("info", "search.explain.available.from", { date: dateFormat.format(new Date(dayToIso(candidate.availableFromDay))) }));
    } else {
      out.push(item("meets", "search.explain.available.now"));
    }
  } else {
    out.push(
      item("missing", "search.explain.available.later", {
        date: dateFormat.format(new Date(dayToIso(candidate.availableFromDay))),
        days: candidate.availableFromDay - start,
      }),
    );
  }
  return out;
}
