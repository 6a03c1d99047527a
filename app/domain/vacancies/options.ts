import type { Sector } from "~/domain/taxonomy/curated";

/*
 * The codes a vacancy (and an employer profile) is written in. Codes, not UI text: the
 * labels live in the message catalogue (`vacancy.sector.<code>` …). They are the vocabulary
 * of the demo data, the search documents and the occupation taxonomy, so matching compares
 * like with like. Client-safe.
 */

export const SECTORS = [
  "logistiek",
  "techniek",
  "bouw",
  "productie",
  "schoonmaak",
  "groen",
  "horeca",
  "transport",
] as const satisfies readonly Sector[];
export type VacancySector = (typeof SECTORS)[number];

/** A paid job, or a work-experience place that can start in the last phase of detention. */
export const VACANCY_KINDS = ["job", "work_experience"] as const;
export type VacancyKind = (typeof VACANCY_KINDS)[number];

/** Dutch driving-licence categories. */
export const LICENCES = ["AM", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D", "DE", "T"] as const;
export type Licence = (typeof LICENCES)[number];

/** Certificates employers ask for most; any other can be typed in. */
export const COMMON_CERTIFICATES = [
  "VCA",
  "heftruckcertificaat",
  "reachtruckcertificaat",
  "lasdiploma",
  "code 95",
  "HACCP",
  "NEN 3140",
  "sociale hygiëne",
  "motorkettingzaag",
] as const;

export const SHIFTS = ["dag", "avond", "nacht", "weekend"] as const;
export type Shift = (typeof SHIFTS)[number];

export const CONTRACT_TYPES = ["tijdelijk", "vast", "werkervaringsplaats", "bbl", "uitzend"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const SUPPORT_OPTIONS = [
  "buddy",
  "flexibele_start",
  "opleiding",
  "begeleiding_op_de_werkvloer",
  "jobcoach_welkom",
] as const;
export type SupportOption = (typeof SUPPORT_OPTIONS)[number];

/** The risk areas of Justis' screening profile for a VOG. */
export const VOG_RISK_AREAS = [
  "informatie",
  "geld",
  "goederen",
  "diensten",
  "zakelijke_transacties",
  "proces",
  "aansturen_organisatie",
  "personen",
] as const;
export type VogRiskArea = (typeof VOG_RISK_AREAS)[number];

/** Employer sizes (employees), as the demo data and registration use them. */
export const ORGANISATION_SIZES = ["1-9", "10-49", "50-249", "250+"] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

/** Limits of the vacancy form (the database allows what these allow). */
export const VACANCY_LIMITS = {
  titleMax: 120,
  descriptionMin: 20,
  descriptionMax: 5000,
  listItemMax: 80,
  listItemsMax: 25,
  wageMax: 100,
  hoursMin: 1,
  hoursMax: 60,
  distanceMin: 1,
  distanceMax: 300,
  positionsMax: 100,
} as const;
