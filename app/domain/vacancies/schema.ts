import { z } from "zod";
import { t } from "~/i18n";
import {
  COMMON_CERTIFICATES,
  CONTRACT_TYPES,
  LICENCES,
  SECTORS,
  SHIFTS,
  SUPPORT_OPTIONS,
  VACANCY_KINDS,
  VACANCY_LIMITS as L,
  VOG_RISK_AREAS,
} from "./options";

/*
 * The zod schemas of the vacancy forms, with Dutch messages. Client-safe: the browser runs the
 * same checks before sending. The server adds what only it can know (is the place in the
 * gazetteer) in form.server.ts.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string) {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Splits a "one per line" text into trimmed, non-empty, distinct lines. */
export function splitLines(text: string | undefined): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of text.split(/[\r\n]+/)) {
    const line = raw.replace(/\s+/g, " ").trim();
    const key = line.toLowerCase();
    if (line && !seen.has(key)) {
      seen.add(key);
      lines.push(line);
    }
  }
  return lines;
}

/** A "one per line" textarea → string[], with limits on the number and length of lines. */
function lineList() {
  return z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      const lines = splitLines(text);
      if (lines.some((l) => l.length > L.listItemMax)) {
        ctx.addIssue({ code: "custom", message: t("vacancy.error.listItemTooLong", { max: L.listItemMax }) });
      } else if (lines.length > L.listItemsMax) {
        ctx.addIssue({ code: "custom", message: t("vacancy.error.listTooLong", { max: L.listItemsMax }) });
      }
    })
    .transform(splitLines);
}

/** Checkboxes: a list of known codes. A wrong code is reported on the field, not on one item. */
const optionList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.string())
    .refine((list) => list.every((v) => (values as readonly string[]).includes(v)), {
      error: t("vacancy.error.optionInvalid"),
    })
    .default([])
    .transform((list) => [...new Set(list)] as T[number][]);

const optionalDay = () =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || isRealDay(v), { error: t("vacancy.error.dateInvalid") });

const hours = () =>
  z
    .number({ error: t("vacancy.error.hoursRequired") })
    .int({ error: t("vacancy.error.hoursRange", { min: L.hoursMin, max: L.hoursMax }) })
    .min(L.hoursMin, { error: t("vacancy.error.hoursRange", { min: L.hoursMin, max: L.hoursMax }) })
    .max(L.hoursMax, { error: t("vacancy.error.hoursRange", { min: L.hoursMin, max: L.hoursMax }) });

/** The fields of a vacancy, as the form sends them. */
export const vacancyFields = {
  title: z
    .string({ error: t("vacancy.error.titleRequired") })
    .trim()
    .min(3, { error: t("vacancy.error.titleTooShort") })
    .max(L.titleMax, { error: t("vacancy.error.titleTooLong", { max: L.titleMax }) }),
  sector: z.enum(SECTORS, { error: t("vacancy.error.sectorRequired") }),
  kind: z.enum(VACANCY_KINDS, { error: t("vacancy.error.kindRequired") }),
  description: z
    .string({ error: t("vacancy.error.descriptionRequired") })
    .trim()
    .min(L.descriptionMin, { error: t("vacancy.error.descriptionTooShort", { min: L.descriptionMin }) })
    .max(L.descriptionMax, { error: t("vacancy.error.descriptionTooLong", { max: L.descriptionMax }) }),
  requiredSkills: lineList(),
  preferredSkills: lineList(),
  certificates: optionList(COMMON_CERTIFICATES),
  otherCertificates: lineList(),
  licences: optionList(LICENCES),
  hoursMin: hours(),
  hoursMax: hours(),
  shifts: optionList(SHIFTS),
  contractType: z.enum(CONTRACT_TYPES, { error: t("vacancy.error.optionInvalid") }).optional(),
  wageIndication: z
    .string()
    .trim()
    .max(L.wageMax, { error: t("vacancy.error.wageTooLong", { max: L.wageMax }) })
    .optional(),
  placeName: z
    .string({ error: t("vacancy.error.placeRequired") })
    .trim()
    .min(1, { error: t("vacancy.error.placeRequired") })
    .max(100, { error: t("vacancy.error.placeTooLong") }),
  maxDistanceKm: z
    .number({ error: t("vacancy.error.distanceRange", { min: L.distanceMin, max: L.distanceMax }) })
    .int({ error: t("vacancy.error.distanceRange", { min: L.distanceMin, max: L.distanceMax }) })
    .min(L.distanceMin, { error: t("vacancy.error.distanceRange", { min: L.distanceMin, max: L.distanceMax }) })
    .max(L.distanceMax, { error: t("vacancy.error.distanceRange", { min: L.distanceMin, max: L.distanceMax }) }),
  startDate: optionalDay(),
  expiresOn: optionalDay(),
  positions: z
    .number({ error: t("vacancy.error.positionsRange", { max: L.positionsMax }) })
    .int({ error: t("vacancy.error.positionsRange", { max: L.positionsMax }) })
    .min(1, { error: t("vacancy.error.positionsRange", { max: L.positionsMax }) })
    .max(L.positionsMax, { error: t("vacancy.error.positionsRange", { max: L.positionsMax }) }),
  vogRequired: z.boolean().default(false),
  vogRiskAreas: optionList(VOG_RISK_AREAS),
  supportOffered: optionList(SUPPORT_OPTIONS),
};

export type VacancyFormContext = {
  /** Today in the Netherlands (YYYY-MM-DD). */
  today: string;
  /** The saved vacancy, when editing: an unchanged date in the past is left alone. */
  saved?: { startDate: string | null; expiresOn: string | null; positionsFilled: number };
};

type VacancyFieldValues = z.infer<z.ZodObject<typeof vacancyFields>>;

/** Checks between fields (hours range, dates, VOG areas, positions). */
export function refineVacancy(value: VacancyFieldValues, ctx: z.RefinementCtx, context: VacancyFormContext) {
  if (value.hoursMax < value.hoursMin) {
    ctx.addIssue({ code: "custom", path: ["hoursMax"], message: t("vacancy.error.hoursReversed") });
  }
  const saved = context.saved;
  if (value.startDate && value.startDate < context.today && value.startDate !== saved?.startDate) {
    ctx.addIssue({ code: "custom", path: ["startDate"], message: t("vacancy.error.startInPast") });
  }
  if (value.expiresOn && value.expiresOn < context.today && value.expiresOn !== saved?.expiresOn) {
    ctx.addIssue({ code: "custom", path: ["expiresOn"], message: t("vacancy.error.expiryInPast") });
  }
  if (!value.vogRequired && value.vogRiskAreas.length > 0) {
    ctx.addIssue({ code: "custom", path: ["vogRiskAreas"], message: t("vacancy.error.vogAreasWithoutVog") });
  }
  if (value.vogRequired && value.vogRiskAreas.length === 0) {
    ctx.addIssue({ code: "custom", path: ["vogRiskAreas"], message: t("vacancy.error.vogWithoutAreas") });
  }
  if (saved && value.positions < saved.positionsFilled) {
    ctx.addIssue({
      code: "custom",
      path: ["positions"],
      message: t("vacancy.error.positionsBelowFilled", { filled: saved.positionsFilled }),
    });
  }
}

/** The vacancy form (new, update and preview) as the browser checks it. */
export function vacancyFormSchema(context: VacancyFormContext) {
  return z.object(vacancyFields).superRefine((value, ctx) => refineVacancy(value, ctx, context));
}

export type VacancyFormValues = z.infer<ReturnType<typeof vacancyFormSchema>>;

// ---------------------------------------------------------------------------
// Lifecycle intents on the vacancy page: one schema each.

const expectedStatus = z.enum(["draft", "open", "paused", "filled", "closed"]);

export const CLOSE_REASONS = ["no_longer_needed", "filled_elsewhere", "other"] as const;

export const lifecycleIntentSchemas = {
  publish: z.object({ intent: z.literal("publish"), from: expectedStatus }),
  pause: z.object({ intent: z.literal("pause"), from: expectedStatus }),
  resume: z.object({ intent: z.literal("resume"), from: expectedStatus }),
  close: z.object({
    intent: z.literal("close"),
    from: expectedStatus,
    reason: z.enum(CLOSE_REASONS, { error: t("vacancy.error.optionInvalid") }).default("other"),
  }),
};

export function fillIntentSchema(remaining: number) {
  const message = t("vacancy.error.fillCount", { max: Math.max(remaining, 1) });
  return z.object({
    intent: z.literal("fill"),
    count: z
      .number({ error: message })
      .int({ error: message })
      .min(1, { error: message })
      .max(Math.max(remaining, 1), { error: message }),
  });
}
