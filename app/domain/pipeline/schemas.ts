import { z } from "zod";
import { CONTRACT_TYPES } from "~/domain/vacancies/options";
import { t } from "~/i18n";
import { isIsoDay } from "./dates";
import { PipelineError } from "./errors";
import { COACH_DECLINE_REASONS, REJECTION_REASONS } from "./transitions";

/*
 * One zod schema per pipeline form, with Dutch messages. Pages parse the form data with them
 * (Conform's parseWithZod); every domain function parses its input again with the same schema,
 * so a bad call is refused with `invalid_input` and field messages, never a 500.
 * Rules that need the clock or the database (a date in the past, a coach of the right
 * organisation) live in the domain functions.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

const id = z.string().refine(isUuid, { error: t("pipeline.field.required") });
const version = z.coerce.number().int().min(1);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: t("pipeline.field.tooLong") });
const requiredText = (max: number) => text(max).min(1, { error: t("pipeline.field.required") });
const optionalText = (max: number) =>
  text(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const day = z.string().refine(isIsoDay, { error: t("pipeline.field.date") });
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");
const instant = z.coerce
  .date({ error: t("pipeline.field.date") })
  .refine((d) => !Number.isNaN(d.getTime()), {
    error: t("pipeline.field.date"),
  });
const httpsLink = z
  .string()
  .trim()
  .max(500, { error: t("pipeline.field.tooLong") })
  .refine((v) => /^https:\/\/[^\s]+$/i.test(v), { error: t("pipeline.field.link") });
const optionalLink = z
  .union([z.literal(""), httpsLink])
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

export const NOTE_MAX = 1000;
export const REASON_MAX = 500;
export const MESSAGE_MAX = 4000;

// ---------------------------------------------------------------------------
// Proposals

export const proposeSchema = z.object({
  candidateId: id,
  vacancyId: id,
  note: optionalText(NOTE_MAX),
});

export const requestIntroductionSchema = z.object({
  /** The public code the employer found in search ("WB-7KQ3MX"). */
  publicCode: requiredText(20),
  vacancyId: id,
  note: optionalText(NOTE_MAX),
});

export const decideRequestSchema = z
  .object({
    proposalId: id,
    expectedVersion: version,
    decision: z.enum(["propose", "decline"]),
    /** Required when declining; the employer sees only its neutral wording. */
    reasonCode: z.enum(COACH_DECLINE_REASONS).optional().nullable(),
    /** The coach's own words: a note to the employer when proposing, a private note when declining. */
    note: optionalText(NOTE_MAX),
  })
  .refine((v) => v.decision === "propose" || Boolean(v.reasonCode), {
    path: ["reasonCode"],
    error: t("pipeline.field.reason"),
  });

export const reviewProposalSchema = z
  .object({
    proposalId: id,
    expectedVersion: version,
    decision: z.enum(["interested", "rejected"]),
    reasonCode: z.enum(REJECTION_REASONS).optional().nullable(),
    reasonText: optionalText(REASON_MAX),
  })
  .refine((v) => v.decision === "interested" || Boolean(v.reasonCode), {
    path: ["reasonCode"],
    error: t("pipeline.field.reason"),
  });

// ---------------------------------------------------------------------------
// Meetings

const meetingPlace = {
  startsAt: instant,
  location: optionalText(300),
  videoLink: optionalLink,
};
const placeOrLink = (v: { location: string | null; videoLink: string | null }) =>
  Boolean(v.location || v.videoLink);

export const planMeetingSchema = z
  .object({ proposalId: id, expectedVersion: version, ...meetingPlace })
  .refine(placeOrLink, { path: ["location"], error: t("pipeline.field.placeOrLink") });

export const rescheduleMeetingSchema = z
  .object({
    meetingId: id,
    expectedVersion: version,
    ...meetingPlace,
    reason: requiredText(REASON_MAX),
  })
  .refine(placeOrLink, { path: ["location"], error: t("pipeline.field.placeOrLink") });

export const cancelMeetingSchema = z.object({
  meetingId: id,
  expectedVersion: version,
  reason: requiredText(REASON_MAX),
});

export const meetingHeldSchema = z.object({ meetingId: id, expectedVersion: version });

// ---------------------------------------------------------------------------
// Messages

export const postMessageSchema = z.object({ proposalId: id, body: requiredText(MESSAGE_MAX) });

// ---------------------------------------------------------------------------
// Offers

export const offerTermsSchema = z
  .object({
    proposalId: id,
    expectedVersion: version,
    startDate: day,
    hoursPerWeek: z.coerce
      .number({ error: t("pipeline.field.hours") })
      .int({ error: t("pipeline.field.hours") })
      .min(1, { error: t("pipeline.field.hours") })
      .max(60, { error: t("pipeline.field.hours") }),
    contractType: z.enum(CONTRACT_TYPES),
    wageIndication: optionalText(200),
    firstDayDetails: optionalText(2000),
    expiresOn: day,
  })
  .refine((v) => v.expiresOn <= v.startDate, {
    path: ["expiresOn"],
    error: t("pipeline.field.expiryAfterStart"),
  });

export const offerAdviceSchema = z.object({ offerId: id, advice: requiredText(4000) });

export const answerOfferSchema = z.object({
  offerId: id,
  expectedVersion: version,
  /** Accepting: the consent to show name and contact details to this employer (required). */
  consent: checkbox,
  /** A coach answering on the candidate's behalf confirms the candidate is present (required). */
  candidatePresent: checkbox,
  /** Declining: optional words for the employer. */
  reason: optionalText(REASON_MAX),
});

export const withdrawOfferSchema = z.object({
  offerId: id,
  expectedVersion: version,
  reason: requiredText(REASON_MAX),
});

// ---------------------------------------------------------------------------
// Placements and aftercare

export const CHECK_IN_WITH = ["candidate", "employer", "both"] as const;
export const CHECK_IN_MODES = ["visit", "phone", "video"] as const;
export const RISK_FLAGS = ["green", "amber", "red"] as const;

export const logCheckInSchema = z.object({
  checkInId: id,
  withWhom: z.enum(CHECK_IN_WITH),
  mode: z.enum(CHECK_IN_MODES),
  wellbeing: z.coerce
    .number({ error: t("pipeline.field.wellbeing") })
    .int({ error: t("pipeline.field.wellbeing") })
    .min(1, { error: t("pipeline.field.wellbeing") })
    .max(5, { error: t("pipeline.field.wellbeing") }),
  riskFlag: z.enum(RISK_FLAGS),
  actions: optionalText(2000),
  /** Coach-only: never shown to the employer or the candidate. */
  coachNotes: optionalText(4000),
  /** The day it took place (default today); not in the future. */
  heldOn: day.optional().nullable(),
});

export const requestCheckInSchema = z.object({ placementId: id, note: optionalText(NOTE_MAX) });

export const handOverPlacementSchema = z.object({
  placementId: id,
  toCoachUserId: id,
  note: requiredText(4000),
});

export const endPlacementSchema = z
  .object({
    placementId: id,
    outcome: z.enum(["completed", "ended_early"]),
    endedOn: day,
    reason: optionalText(REASON_MAX),
  })
  .refine((v) => v.outcome === "completed" || Boolean(v.reason), {
    path: ["reason"],
    error: t("pipeline.field.reason"),
  });

// ---------------------------------------------------------------------------
// Handovers to the municipality of origin

export const handOverCandidateSchema = z.object({
  candidateId: id,
  summary: requiredText(8000),
});

export const acceptHandoverSchema = z.object({
  handoverId: id,
  /** One of the municipality's own coaches (optional; can follow later). */
  assignCoachUserId: id.optional().nullable(),
});

export const assignHandoverCoachSchema = z.object({ handoverId: id, coachUserId: id });

// ---------------------------------------------------------------------------

/** Parses with a schema; a failure becomes `invalid_input` with Dutch messages per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fields[key] ??= []).push(issue.message);
  }
  throw new PipelineError("invalid_input", { fields });
}
