import type { CandidateDocument, VacancyDocument } from "#search/documents";
import { dayToMonth } from "#search/documents";
import { explain, type CandidateMatch, type MatchReasons, type VacancyMatch } from "#search/matching";
import { editDistance, tokenize, typoBudget } from "#search/text";
import type { Taxonomy } from "~/domain/taxonomy/taxonomy";
import { t, type MessageKey } from "~/i18n";

/*
 * The explanation of a hit as the page shows it: a list of short plain-Dutch (B1) lines, each
 * marked as a requirement that is met, something that is missing, plain information, or (for
 * the coach only) a hidden constraint that was applied.
 *
 * - Matches (vacancy ↔ candidate) use the matcher's `explain`, adapted per audience: employers
 *   see availability by month only (never a day, which could point to a release date); the
 *   coach also sees which hidden constraints were applied.
 * - Employer free-text search hits have no vacancy to compare with unless the employer measures
 *   distance from one of their vacancies; `explainSearchHit` then checks each requirement.
 */

export type ExplanationKind = "meets" | "missing" | "info" | "hidden";
export type ExplanationView = { kind: ExplanationKind; text: string };
export type Audience = "employer" | "coach" | "candidate";

/** The coach-only constraints of a candidate, as the coach recorded them. */
export type HiddenConstraints = {
  vogRiskAreas: string[];
  areaBans: { code: string; name: string }[];
  leaveHourLimits: string | null;
};

const monthFormat = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" });

/** Days since 1970-01-01 → "maart 2027". */
export function monthLabelOfDay(day: number): string {
  return monthLabel(dayToMonth(day));
}

const monthLabels = new Map<string, string>();

/** "2027-03" → "maart 2027". */
export function monthLabel(month: string): string {
  let label = monthLabels.get(month);
  if (label === undefined) {
    label = monthFormat.format(new Date(`${month}-01T00:00:00Z`));
    // Months are few (a page shows at most a few dozen); the bound only guards odd input.
    if (monthLabels.size >= 1_000) monthLabels.clear();
    monthLabels.set(month, label);
  }
  return label;
}

export function formatKm(km: number): string {
  return km < 10 ? km.toFixed(1).replace(".", ",") : String(Math.round(km));
}

function line(kind: ExplanationKind, key: MessageKey, vars?: Record<string, string | number>): ExplanationView {
  return { kind, text: t(key, vars) };
}

const VOG_AREA_LABELS: Record<string, string> = {
  informatie: "informatie",
  geld: "geld",
  goederen: "goederen",
  diensten: "diensten",
  zakelijke_transacties: "zakelijke transacties",
  proces: "proces",
  aansturen_organisatie: "aansturen van de organisatie",
  personen: "personen",
};

export function vogAreaLabel(area: string) {
  return VOG_AREA_LABELS[area] ?? area.replace(/_/g, " ");
}

/** What the coach sees about the hidden constraints applied to one vacancy. */
export function hiddenConstraintLines(vacancy: VacancyDocument, hidden: HiddenConstraints): ExplanationView[] {
  const out: ExplanationView[] = [];
  if (vacancy.vogRequired) {
    const areas = vacancy.vogRiskAreas.map(vogAreaLabel).join(", ") || t("search.hidden.vogNoAreas");
    out.push(
      hidden.vogRiskAreas.length
        ? line("hidden", "search.hidden.vogChecked", { areas, own: hidden.vogRiskAreas.map(vogAreaLabel).join(", ") })
        : line("hidden", "search.hidden.vogNothingRecorded", { areas }),
    );
  } else {
    out.push(line("hidden", "search.hidden.noVog"));
  }
  if (hidden.areaBans.length) {
    out.push(
      line("hidden", "search.hidden.areaBan", {
        place: vacancy.placeName,
        areas: hidden.areaBans.map((a) => a.name).join(", "),
      }),
    );
  }
  if (hidden.leaveHourLimits) out.push(line("hidden", "search.hidden.leaveHours", { limits: hidden.leaveHourLimits }));
  return out;
}

/**
 * The matcher's explanation for one audience. Employers get availability by month; the coach
 * gets the hidden constraints on top (pass them); the candidate gets neither extra.
 */
export function explainMatch(
  match: CandidateMatch | VacancyMatch,
  audience: Audience,
  hidden?: HiddenConstraints,
): ExplanationView[] {
  const out: ExplanationView[] = [];
  for (const item of explain(match)) {
    if (audience === "employer" && item.key === "search.explain.available.from") {
      out.push(line("info", "search.explain.available.fromMonth", { month: monthLabelOfDay(match.candidate.availableFromDay) }));
    } else if (audience === "employer" && item.key === "search.explain.available.later") {
      out.push(line("missing", "search.explain.available.laterMonth", { month: monthLabelOfDay(match.candidate.availableFromDay) }));
    } else {
      out.push({ kind: item.kind, text: item.text });
    }
  }
  if (audience === "coach" && hidden) out.push(...hiddenConstraintLines(match.vacancy, hidden));
  return out;
}

// ---------------------------------------------------------------------------
// Reasons without the engine (database fallback, shared vacancies)

type WordIndex = { set: Set<string>; list: string[] };

function wordIndex(text: string): WordIndex {
  const list = [...new Set(tokenize(text))];
  return { set: new Set(list), list };
}

function hasWord(index: WordIndex, word: string): boolean {
  if (index.set.has(word)) return true;
  const budget = typoBudget(word.length);
  if (budget === 0) return false;
  for (const w of index.list) {
    if (w[0] === word[0] && Math.abs(w.length - word.length) <= budget && editDistance(word, w, budget) <= budget) return true;
    // a compound that holds the word ("vorkheftruck" holds "heftruck")
    if (word.length >= 4 && w.length > word.length && w.endsWith(word)) return true;
  }
  return false;
}

/** True when every word of `phrase` is in the index (typos and word forms allowed). */
export function containsPhrase(index: WordIndex, phrase: string): boolean {
  const words = tokenize(phrase).filter((w) => w.length >= 2);
  return words.length > 0 && words.every((w) => hasWord(index, w));
}

function candidateIndex(candidate: Pick<CandidateDocument, "skills" | "headline" | "experienceTitles">): WordIndex {
  return wordIndex([candidate.skills.join(" "), candidate.headline, candidate.experienceTitles.join(" ")].join(" "));
}

function titleSimilarity(a: string, b: string): number {
  const ta = [...new Set(tokenize(a))].filter((w) => w.length >= 2);
  const tb = wordIndex(b);
  if (!ta.length || !tb.list.length) return 0;
  return ta.filter((w) => hasWord(tb, w)).length / ta.length;
}

/**
 * Why a candidate fits a vacancy, computed without the engine: occupation (taxonomy codes and
 * ISCO groups of each experience), words of the titles, skills and sector. A simpler cousin of
 * the matcher's relevance, so fallback results carry the same kind of explanation.
 */
export function localReasons(vacancy: VacancyDocument, candidate: CandidateDocument, taxonomy?: Taxonomy): MatchReasons {
  const vacancyCodes = new Set(vacancy.occupationCodes);
  const vacancyGroups = new Set(vacancy.iscoGroups);
  const vacancyMinor = new Set(vacancy.iscoMinorGroups);
  if (taxonomy) {
    for (const r of taxonomy.resolveTitle(vacancy.title)) {
      vacancyCodes.add(r.code);
      if (r.iscoGroup) {
        vacancyGroups.add(r.iscoGroup);
        vacancyMinor.add(r.iscoGroup.slice(0, 3));
      }
    }
  }
  const experience = candidate.experience.length
    ? candidate.experience
    : [{ title: candidate.headline, sector: candidate.sectors[0] ?? "", months: 0, duringDetention: false }];
  let best: { score: number; kind: MatchReasons["occupationKind"]; index: number } = { score: 0, kind: "none", index: 0 };
  experience.forEach((exp, i) => {
    const weight = i === 0 ? 1 : 0.25;
    let score = 0;
    let kind: MatchReasons["occupationKind"] = "none";
    for (const r of taxonomy?.resolveTitle(exp.title) ?? []) {
      let s = 0;
      let k: MatchReasons["occupationKind"] = "none";
      if (vacancyCodes.has(r.code)) [s, k] = [1, "same"];
      else if (r.iscoGroup && vacancyGroups.has(r.iscoGroup)) [s, k] = [0.6, "group"];
      else if (r.iscoGroup && vacancyMinor.has(r.iscoGroup.slice(0, 3))) [s, k] = [0.3, "related"];
      s *= r.confidence;
      if (s > score) [score, kind] = [s, k];
    }
    const words = 0.5 * titleSimilarity(vacancy.title, exp.title);
    if (words > score) [score, kind] = [words, "words"];
    score *= weight;
    if (score > best.score) best = { score, kind, index: i };
  });
  const main = experience[best.index];
  const index = candidateIndex(candidate);
  const wanted = [...vacancy.requiredSkills, ...vacancy.preferredSkills];
  const skillsMatched = wanted.filter((s) => containsPhrase(index, s));
  return {
    occupation: best.score,
    occupationKind: best.kind,
    ...(main && best.kind !== "none" ? { experienceTitle: main.title, experienceMonths: main.months } : {}),
    experienceMain: best.index === 0,
    skillsMatched,
    skillsMissing: vacancy.requiredSkills.filter((s) => !skillsMatched.includes(s)),
    sectorMatch: candidate.sectors.includes(vacancy.sector),
  };
}

/** The matcher's blend of relevance, skills, sector, nearness and recency (for fallback order). */
export function localScore(reasons: MatchReasons, vacancy: VacancyDocument, distanceKm: number, publishedAt: number): number {
  const wanted = vacancy.requiredSkills.length + vacancy.preferredSkills.length;
  const skills = wanted ? reasons.skillsMatched.length / wanted : 0;
  const near = 1 - Math.min(1, distanceKm / Math.max(1, vacancy.maxDistanceKm));
  const ageDays = Math.max(0, (Date.now() - publishedAt) / 86_400_000);
  return reasons.occupation + 0.04 * skills + 0.02 * (reasons.sectorMatch ? 1 : 0) + 0.015 * near + 0.005 / (1 + ageDays / 30);
}

// ---------------------------------------------------------------------------
// Employer free-text search

export type SearchHitContext = {
  /** The employer's words. */
  q?: string;
  /** Filters the employer set (all hits meet them). */
  licences: string[];
  certificates: string[];
  hours?: number;
  availableByMonth?: string;
  /** Distance from the vacancy or place the employer measures from. */
  distanceKm?: number;
  /** The employer's own vacancy the distance is measured from: hits are compared with it. */
  vacancy?: VacancyDocument;
  taxonomy?: Taxonomy;
};

type EmployerCandidate = Pick<
  CandidateDocument,
  | "headline"
  | "experience"
  | "experienceTitles"
  | "skills"
  | "sectors"
  | "licences"
  | "certificates"
  | "hoursMin"
  | "hoursMax"
  | "travelKm"
  | "availableFromDay"
  | "occupationCodes"
  | "iscoGroups"
  | "iscoMinorGroups"
>;

function lower(values: string[]) {
  return new Set(values.map((v) => v.trim().toLowerCase()));
}

/**
 * Why an anonymised profile came up in the employer's search: the experience and skills that
 * fit the words, the requirements met (filters, or the chosen vacancy's requirements, with
 * what is missing), hours, distance and the month someone can start. Month only, never a day.
 */
export function explainSearchHit(candidate: EmployerCandidate, context: SearchHitContext): ExplanationView[] {
  const out: ExplanationView[] = [];
  const queryWords = context.q ? [...new Set(tokenize(context.q))].filter((w) => w.length >= 2) : [];
  const vacancy = context.vacancy;

  // Experience: the one that fits the vacancy or the words best, else the main (longest) one.
  let experience = candidate.experience[0];
  if (vacancy) {
    const reasons = localReasons(vacancy, { ...emptyCandidate, ...candidate } as CandidateDocument, context.taxonomy);
    const found = candidate.experience.find((e) => e.title === reasons.experienceTitle);
    if (found && reasons.occupationKind !== "none") experience = found;
    else {
      experience = undefined;
      out.push(line("missing", "search.explain.occupation.missing", { title: vacancy.title }));
    }
  } else if (queryWords.length) {
    const best = candidate.experience
      .map((e) => ({ e, hits: queryWords.filter((w) => hasWord(wordIndex(e.title), w)).length }))
      .sort((a, b) => b.hits - a.hits)[0];
    if (best && best.hits > 0) experience = best.e;
  }
  if (experience) {
    out.push(
      experience.months
        ? line("meets", "search.explain.occupation.same", { title: experience.title, months: experience.months })
        : line("meets", "search.explain.occupation.sameNoMonths", { title: experience.title }),
    );
  }
  const detention = candidate.experience.find((e) => e.duringDetention);
  if (detention) out.push(line("info", "search.explain.detention", { title: detention.title }));

  // Skills: those the vacancy asks for, or those that fit the employer's words.
  const index = candidateIndex({ ...candidate });
  if (vacancy) {
    const wanted = [...vacancy.requiredSkills, ...vacancy.preferredSkills];
    const matched = wanted.filter((s) => containsPhrase(index, s));
    const missing = vacancy.requiredSkills.filter((s) => !matched.includes(s));
    if (matched.length) out.push(line("meets", "search.explain.skills.ok", { skills: matched.join(", ") }));
    if (missing.length) out.push(line("missing", "search.explain.skills.missing", { skills: missing.join(", ") }));
  } else if (queryWords.length) {
    const matched = candidate.skills.filter((s) => {
      const skill = wordIndex(s);
      return queryWords.some((w) => hasWord(skill, w));
    });
    if (matched.length) out.push(line("meets", "search.explain.skills.ok", { skills: matched.slice(0, 6).join(", ") }));
  }

  // Licences and certificates: asked for in the filters or by the vacancy.
  const heldLicences = lower(candidate.licences);
  const licences = [...new Set([...context.licences, ...(vacancy?.licences ?? [])])];
  const licencesOk = licences.filter((l) => heldLicences.has(l.toLowerCase()));
  const licencesMissing = licences.filter((l) => !heldLicences.has(l.toLowerCase()));
  if (licencesOk.length) out.push(line("meets", "search.explain.licence.ok", { licences: licencesOk.join(", ") }));
  if (licencesMissing.length) out.push(line("missing", "search.explain.licence.missing", { licences: licencesMissing.join(", ") }));
  const heldCertificates = lower(candidate.certificates);
  const certificates = [...new Set([...context.certificates, ...(vacancy?.certificates ?? [])])];
  const certificatesOk = certificates.filter((c) => heldCertificates.has(c.trim().toLowerCase()));
  const certificatesMissing = certificates.filter((c) => !heldCertificates.has(c.trim().toLowerCase()));
  if (certificatesOk.length) out.push(line("meets", "search.explain.certificate.ok", { certificates: certificatesOk.join(", ") }));
  if (certificatesMissing.length) {
    out.push(line("missing", "search.explain.certificate.missing", { certificates: certificatesMissing.join(", ") }));
  }

  // Hours.
  const range = { min: candidate.hoursMin, max: candidate.hoursMax };
  if (vacancy) {
    const hours = vacancy.hoursMin === vacancy.hoursMax ? String(vacancy.hoursMin) : `${vacancy.hoursMin} tot ${vacancy.hoursMax}`;
    const fits = candidate.hoursMin <= vacancy.hoursMax && candidate.hoursMax >= vacancy.hoursMin;
    out.push(line(fits ? "meets" : "missing", fits ? "search.explain.hours.ok" : "search.explain.hours.missing", { ...range, hours }));
  } else if (context.hours !== undefined) {
    out.push(line("meets", "search.explain.hours.ok", { ...range, hours: context.hours }));
  } else {
    out.push(line("info", "search.explain.hours.range", range));
  }

  // Distance, and whether the person wants to travel that far.
  if (context.distanceKm !== undefined) {
    out.push(line("info", "search.explain.distance", { km: formatKm(context.distanceKm) }));
    if (context.distanceKm > candidate.travelKm + 0.5) {
      out.push(line("missing", "search.explain.travel.tooFar", { travel: Math.round(candidate.travelKm) }));
    }
  }

  // When: month only.
  const month = monthLabelOfDay(candidate.availableFromDay);
  if (vacancy?.startDay !== undefined) {
    out.push(
      candidate.availableFromDay <= vacancy.startDay
        ? line("meets", "search.explain.available.now")
        : line("missing", "search.explain.available.laterMonth", { month }),
    );
  } else if (context.availableByMonth) {
    out.push(line("meets", "search.explain.available.fromMonth", { month }));
  } else {
    out.push(line("info", "search.explain.available.fromMonth", { month }));
  }
  return out;
}

const emptyCandidate: Partial<CandidateDocument> = {
  experience: [],
  experienceTitles: [],
  skills: [],
  sectors: [],
  headline: "",
};
