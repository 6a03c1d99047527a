import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { Vacancy } from "#db/schema";
import { curatedOccupations } from "~/domain/taxonomy/curated";
import { curatedTaxonomy } from "~/domain/taxonomy/taxonomy";
import { COMMON_CERTIFICATES } from "./options";
import { lookupPlace } from "./place.server";
import { refineVacancy, type VacancyFormContext, vacancyFields } from "./schema";
import type { VacancyInput } from "./vacancies.server";

/*
 * The server's side of the vacancy form: the browser's schema plus the gazetteer check (an
 * unknown place gets a message with suggestions), and the step from form values to what is
 * stored (coordinates, occupation code, one certificate list).
 */

const serverFields = {
  ...vacancyFields,
  placeName: vacancyFields.placeName.superRefine((name, ctx) => {
    const found = lookupPlace(name);
    if (!found.ok) ctx.addIssue({ code: "custom", message: found.message });
  }),
};

export function serverVacancySchema(context: VacancyFormContext) {
  return z.object(serverFields).superRefine((value, ctx) => refineVacancy(value, ctx, context));
}

/** The update form also carries the version it was made from. */
export function serverUpdateSchema(context: VacancyFormContext) {
  return z
    .object({ ...serverFields, intent: z.literal("update"), version: z.string().max(40).optional() })
    .superRefine((value, ctx) => refineVacancy(value, ctx, context));
}

export function parseVacancyForm(formData: FormData, context: VacancyFormContext) {
  return parseWithZod(formData, { schema: serverVacancySchema(context) });
}

export type ParsedVacancyForm = z.infer<ReturnType<typeof serverVacancySchema>>;

let taxonomy: ReturnType<typeof curatedTaxonomy> | undefined;

/** The taxonomy occupation a job title names (by one of its labels, typos allowed), or null. */
export function occupationCodeFor(title: string): string | null {
  taxonomy ??= curatedTaxonomy();
  const [best] = taxonomy.resolveTitle(title).filter((o) => o.byLabel);
  return best?.code ?? null;
}

/** Job titles for the form's suggestion list (the occupation taxonomy's titles). */
export function titleSuggestions(): string[] {
  return [...new Set(curatedOccupations.map((o) => o.title))].sort((a, b) => a.localeCompare(b, "nl"));
}

/** Form values → the stored vacancy. The place has been checked by the schema. */
export function toVacancyInput(values: ParsedVacancyForm): VacancyInput {
  const found = lookupPlace(values.placeName);
  if (!found.ok) throw new Error("toVacancyInput: place was not checked");
  const seen = new Set<string>();
  const certificates = [...values.certificates, ...values.otherCertificates].filter((c) => {
    const key = c.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    title: values.title,
    occupationCode: occupationCodeFor(values.title),
    sector: values.sector,
    kind: values.kind,
    description: values.description,
    requiredSkills: values.requiredSkills,
    preferredSkills: values.preferredSkills,
    certificates,
    licences: values.licences,
    hoursMin: values.hoursMin,
    hoursMax: values.hoursMax,
    shifts: values.shifts,
    contractType: values.contractType ?? null,
    wageIndication: values.wageIndication || null,
    placeName: found.place.name,
    municipalityCode: found.place.municipalityCode,
    lat: found.place.lat,
    lon: found.place.lon,
    maxDistanceKm: values.maxDistanceKm,
    startDate: values.startDate ?? null,
    expiresOn: values.expiresOn ?? null,
    positions: values.positions,
    vogRequired: values.vogRequired,
    vogRiskAreas: values.vogRequired ? values.vogRiskAreas : [],
    supportOffered: values.supportOffered,
  };
}

/** A saved vacancy as the form's default values. */
export function formDefaults(v: Vacancy) {
  const common = new Set<string>(COMMON_CERTIFICATES);
  return {
    title: v.title,
    sector: v.sector,
    kind: v.kind,
    description: v.description,
    requiredSkills: v.requiredSkills.join("\n"),
    preferredSkills: v.preferredSkills.join("\n"),
    certificates: v.certificates.filter((c) => common.has(c)),
    otherCertificates: v.certificates.filter((c) => !common.has(c)).join("\n"),
    licences: v.licences,
    hoursMin: String(v.hoursMin),
    hoursMax: String(v.hoursMax),
    shifts: v.shifts,
    contractType: v.contractType ?? "",
    wageIndication: v.wageIndication ?? "",
    placeName: v.placeName,
    maxDistanceKm: String(v.maxDistanceKm),
    startDate: v.startDate ?? "",
    expiresOn: v.expiresOn ?? "",
    positions: String(v.positions),
    vogRequired: v.vogRequired,
    vogRiskAreas: v.vogRiskAreas,
    supportOffered: v.supportOffered,
  };
}

export type VacancyFormDefaults = ReturnType<typeof formDefaults>;
