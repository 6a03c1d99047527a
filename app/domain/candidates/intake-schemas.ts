import { z } from "zod";
import type { basicConditionKind, basicConditionStatus } from "#db/schema";
import { municipalityByCode } from "~/domain/geo/gazetteer";
import { t } from "~/i18n";
import { dutchPhoneNumber } from "./contact-schemas";

/*
 * The forms of nomination (prison staff) and intake (coach): one zod schema per form, shared by
 * the server (Conform's parseWithZod) and the page (HTML constraints). Rules that depend on
 * "today" take it as an argument, so the server decides the date, not the browser.
 */

// ---------------------------------------------------------------------------
// Vocabularies

/** Justis screening-profile risk areas (codes as in the search documents and demo data). */
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

/** DJI workshops (werkplaatsen) and the sector their work counts for in matching. */
export const DETENTION_WORKSHOPS = {
  logistiek: "logistiek",
  metaal: "techniek",
  hout: "productie",
  assemblage: "productie",
  schoonmaak: "schoonmaak",
  wasserij: "schoonmaak",
  keuken: "horeca",
  groen: "groen",
  bouw: "bouw",
} as const;
export type DetentionWorkshop = keyof typeof DETENTION_WORKSHOPS;
export const detentionWorkshops = Object.keys(DETENTION_WORKSHOPS) as DetentionWorkshop[];

/** Certificates that can be earned in detention (names as the profile and vacancies use them). */
export const DETENTION_CERTIFICATES = [
  "VCA",
  "heftruckcertificaat",
  "reachtruckcertificaat",
  "lasdiploma",
  "HACCP",
  "NEN 3140",
  "sociale hygiëne",
  "motorkettingzaag",
] as const;

// Spelled out (not imported from the schema) so the page bundle does not pull in drizzle;
// the type checks below keep them equal to the database enums.
export const BASIC_CONDITION_KINDS = ["id", "housing", "income", "debts", "care"] as const;
export const BASIC_CONDITION_STATUSES = ["unknown", "not_arranged", "in_progress", "arranged"] as const;
export type BasicConditionKind = (typeof BASIC_CONDITION_KINDS)[number];
export type BasicConditionStatus = (typeof BASIC_CONDITION_STATUSES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<BasicConditionKind, (typeof basicConditionKind.enumValues)[number]> = true;
const statusesMatch: Same<BasicConditionStatus, (typeof basicConditionStatus.enumValues)[number]> =
  true;
void kindsMatch;
void statusesMatch;

export const TEXT_LIMITS = {
  name: 100,
  email: 200,
  motivation: 2000,
  note: 500,
  leaveHours: 300,
  workTitle: 80,
} as const;

// ---------------------------------------------------------------------------
// Dates in Dutch time

const amsterdamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in the Netherlands as YYYY-MM-DD, whatever the server's time zone. */
export function todayInNetherlands(now = new Date()): string {
  return amsterdamDay.format(now);
}

export function addYears(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  // 29 February becomes 28 February in a year without it.
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

const amsterdamParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function amsterdamOffsetMs(date: Date): number {
  const p = Object.fromEntries(amsterdamParts.formatToParts(date).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** "2026-03-04T10:30" (a datetime-local field, Dutch time) → the instant. */
export function fromLocalDateTime(value: string): Date {
  const naive = new Date(`${value}:00Z`);
  let instant = new Date(naive.getTime() - amsterdamOffsetMs(naive));
  // Around a DST change the offset at the guess can differ from the offset at the result.
  const second = amsterdamOffsetMs(instant);
  if (naive.getTime() - second !== instant.getTime()) instant = new Date(naive.getTime() - second);
  return instant;
}

/** The instant → "2026-03-04T10:30" in Dutch time, for a datetime-local field's value. */
export function toLocalDateTime(date: Date): string {
  const p = Object.fromEntries(amsterdamParts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const dateTimeLabelFormat = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});

/** "4 maart 2026 om 10:30" */
export function dateTimeLabel(value: Date | string): string {
  return dateTimeLabelFormat.format(typeof value === "string" ? new Date(value) : value);
}

// ---------------------------------------------------------------------------
// Field helpers

/** Plain text: trimmed, without control characters other than line breaks. */
function text(max: number, tooLong: string, required?: string) {
  return z
    .string(required ? { error: required } : undefined)
    .trim()
    .max(max, { error: tooLong })
    // Control characters (other than tab and line breaks) have no place in a form's text.
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), {
      error: t("candidates.form.invalidCharacters"),
    });
}

/** A person's name: letters (any script), spaces, hyphens, apostrophes and dots only. */
function personName(required: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(TEXT_LIMITS.name, { error: t("candidates.form.tooLong", { max: TEXT_LIMITS.name }) })
    .regex(/^[\p{L}\p{M}][\p{L}\p{M}' .’-]*$/u, { error: t("candidates.nominate.nameInvalid") });
}

const isoDay = (required: string) =>
  z.iso.date({ error: required }).refine((v) => !Number.isNaN(Date.parse(v)), { error: required });

const knownMunicipality = z
  .string({ error: t("candidates.nominate.municipalityRequired") })
  .regex(/^\d{4}$/, { error: t("candidates.nominate.municipalityUnknown") })
  .refine((code) => municipalityByCode(code) !== undefined, {
    error: t("candidates.nominate.municipalityUnknown"),
  });

const phone = dutchPhoneNumber(t("candidates.nominate.phoneInvalid"));

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(TEXT_LIMITS.email, { error: t("candidates.nominate.emailInvalid") })
  .pipe(z.email({ error: t("candidates.nominate.emailInvalid") }));

// ---------------------------------------------------------------------------
// Prison staff

export const MIN_AGE = 18;
export const MAX_AGE = 100;
/** A release date further away than this is a typing error, not a plan. */
export const MAX_YEARS_TO_RELEASE = 20;

/** The detention dates, with the rules that tie them to the nomination date. */
function detentionDates() {
  return {
    releaseDate: isoDay(t("candidates.nominate.releaseDateRequired")),
    workExperienceAllowedFrom: isoDay(t("candidates.nominate.dateInvalid")).optional(),
  };
}

function checkDetentionDates(
  value: { releaseDate: string; workExperienceAllowedFrom?: string },
  ctx: z.RefinementCtx,
  nominatedOn: string,
) {
  if (value.releaseDate < nominatedOn) {
    ctx.addIssue({
      code: "custom",
      path: ["releaseDate"],
      message: t("candidates.nominate.releaseBeforeNomination"),
    });
  } else if (value.releaseDate > addYears(nominatedOn, MAX_YEARS_TO_RELEASE)) {
    ctx.addIssue({
      code: "custom",
      path: ["releaseDate"],
      message: t("candidates.nominate.releaseTooFar", { years: MAX_YEARS_TO_RELEASE }),
    });
  }
  if (value.workExperienceAllowedFrom && value.workExperienceAllowedFrom > value.releaseDate) {
    ctx.addIssue({
      code: "custom",
      path: ["workExperienceAllowedFrom"],
      message: t("candidates.nominate.phaseAfterRelease"),
    });
  }
}

export function nominationSchema(today: string) {
  return z
    .object({
      firstName: personName(t("candidates.nominate.firstNameRequired")),
      lastName: personName(t("candidates.nominate.lastNameRequired")),
      dateOfBirth: isoDay(t("candidates.nominate.dateOfBirthRequired")),
      phone: phone.optional(),
      email: email.optional(),
      ...detentionDates(),
      municipalityCode: knownMunicipality,
      motivationAssessment: text(
        TEXT_LIMITS.motivation,
        t("candidates.form.tooLong", { max: TEXT_LIMITS.motivation }),
        t("candidates.nominate.motivationRequired"),
      ).pipe(z.string().min(10, { error: t("candidates.nominate.motivationRequired") })),
      participationAgreed: z
        .boolean({ error: t("candidates.nominate.agreementRequired") })
        .refine((v) => v, { error: t("candidates.nominate.agreementRequired") }),
    })
    .superRefine((value, ctx) => {
      if (value.dateOfBirth > today) {
        ctx.addIssue({
          code: "custom",
          path: ["dateOfBirth"],
          message: t("candidates.nominate.dateOfBirthFuture"),
        });
      } else if (
        value.dateOfBirth > addYears(today, -MIN_AGE) ||
        value.dateOfBirth < addYears(today, -MAX_AGE)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["dateOfBirth"],
          message: t("candidates.nominate.dateOfBirthImplausible", { min: MIN_AGE, max: MAX_AGE }),
        });
      }
      checkDetentionDates(value, ctx, today);
    });
}
export type NominationInput = z.output<ReturnType<typeof nominationSchema>>;

export function detentionDatesSchema(nominatedOn: string) {
  return z
    .object({ intent: z.literal("dates"), ...detentionDates() })
    .superRefine((value, ctx) => checkDetentionDates(value, ctx, nominatedOn));
}

export const linkCoachSchema = z.object({
  intent: z.literal("link-coach"),
  coachMembershipId: z.uuid({ error: t("candidates.coach.choose") }),
});

export function firstMeetingSchema(now: Date, releaseDate: string | null) {
  return z.object({
    intent: z.literal("plan-meeting"),
    meetingAt: z
      .string({ error: t("candidates.meeting.required") })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: t("candidates.meeting.required") })
      .transform((v, ctx) => {
        const at = fromLocalDateTime(v);
        if (Number.isNaN(at.getTime())) {
          ctx.addIssue({ code: "custom", message: t("candidates.meeting.required") });
          return z.NEVER;
        }
        if (at.getTime() < now.getTime()) {
          ctx.addIssue({ code: "custom", message: t("candidates.meeting.inPast") });
          return z.NEVER;
        }
        if (releaseDate && todayInNetherlands(at) > releaseDate) {
          ctx.addIssue({ code: "custom", message: t("candidates.meeting.afterRelease") });
          return z.NEVER;
        }
        return at;
      }),
  });
}

export const detentionWorkSchema = z.object({
  intent: z.literal("confirm-work"),
  workshop: z.enum(detentionWorkshops, { error: t("candidates.work.workshopRequired") }),
  title: text(
    TEXT_LIMITS.workTitle,
    t("candidates.form.tooLong", { max: TEXT_LIMITS.workTitle }),
    t("candidates.work.titleRequired"),
  ).pipe(
    z.string().min(2, { error: t("candidates.work.titleRequired") }),
  ),
  months: z
    .number({ error: t("candidates.work.monthsInvalid") })
    .int({ error: t("candidates.work.monthsInvalid") })
    .min(1, { error: t("candidates.work.monthsInvalid") })
    .max(240, { error: t("candidates.work.monthsInvalid") }),
  certificates: z.array(z.enum(DETENTION_CERTIFICATES)).max(DETENTION_CERTIFICATES.length),
});
export type DetentionWorkInput = z.output<typeof detentionWorkSchema>;

// ---------------------------------------------------------------------------
// Coach

const condition = z.object({
  status: z.enum(BASIC_CONDITION_STATUSES, { error: t("candidates.conditions.statusRequired") }),
  note: text(TEXT_LIMITS.note, t("candidates.form.tooLong", { max: TEXT_LIMITS.note })).optional(),
});

export const basicConditionsSchema = z.object({
  intent: z.literal("conditions"),
  id: condition,
  housing: condition,
  income: condition,
  debts: condition,
  care: condition,
});
export type BasicConditionsInput = z.output<typeof basicConditionsSchema>;

export const constraintsSchema = z.object({
  intent: z.literal("constraints"),
  vogRiskAreas: z.array(z.enum(VOG_RISK_AREAS)).max(VOG_RISK_AREAS.length),
  areaBanMunicipalityCodes: z
    .array(
      z.string().refine((code) => /^\d{4}$/.test(code) && municipalityByCode(code) !== undefined, {
        error: t("candidates.nominate.municipalityUnknown"),
      }),
    )
    .max(50, { error: t("candidates.constraints.tooManyBans") }),
  leaveHourLimits: text(
    TEXT_LIMITS.leaveHours,
    t("candidates.form.tooLong", { max: TEXT_LIMITS.leaveHours }),
  ).optional(),
});
export type ConstraintsInput = z.output<typeof constraintsSchema>;

export const lifecycleIntentSchema = z.object({
  intent: z.enum(["start-intake", "complete-intake"]),
});

export const inviteCandidateSchema = z.object({
  intent: z.literal("invite"),
  email: email,
});
