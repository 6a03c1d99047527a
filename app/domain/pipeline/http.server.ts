import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";
import { requestOrigin } from "~/domain/audit.server";
import { fromLocalDateTime } from "~/domain/candidates/intake-schemas";
import { t } from "~/i18n";
import { clockNow } from "~/utils/clock.server";
import type { AuthContext } from "~/auth/session.server";
import type { Database } from "#db/client.server";
import type { PipelineErrorCode, PipelineResult } from "./errors";
import { cancelMeeting, markMeetingHeld, rescheduleMeeting } from "./meetings.server";
import { postMessage } from "./messages.server";
import {
  cancelMeetingSchema,
  meetingHeldSchema,
  postMessageSchema,
  rescheduleMeetingSchema,
} from "./schemas";
import type { StepOptions } from "./steps.server";

/*
 * What the pipeline pages share between loader/action and the domain: the step options of a
 * request (origin for the audit, and the clock), how a refusal becomes an HTTP answer, and one
 * action runner for pages with several forms (a hidden `intent`, one zod schema per intent).
 *
 *   not_found                      thrown 404 (another tenant's id looks exactly like a missing one)
 *   forbidden, not_verified        403 with the Dutch message
 *   stale and state refusals       409 with the Dutch message (the page reloads the current state)
 *   invalid_input and the like     400 with the message and field errors
 */

export type PipelineReply = {
  /** The HTTP status: a 409/403 (the state changed, or not allowed) is shown at the top of the page. */
  status: number;
  intent: string;
  /** Which of several forms with the same intent (a meeting, an offer, a check-in). */
  target: string;
  result: SubmissionResult<string[]>;
};

const STATUS: Record<PipelineErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  not_verified: 403,
  stale: 409,
  invalid_transition: 409,
  duplicate: 409,
  candidate_unavailable: 409,
  vacancy_unavailable: 409,
  no_job_coach: 409,
  no_municipality: 409,
  consent_required: 400,
  presence_required: 400,
  invalid_input: 400,
  invalid_coach: 400,
};

export function statusOf(code: PipelineErrorCode) {
  return STATUS[code];
}

/** The options of every step a page takes: audit origin and the (test-movable) clock. */
export function stepOptions(request: Request): Required<StepOptions> {
  return { origin: requestOrigin(request), now: clockNow() };
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** A read for a loader: the value, or a thrown 404 / 403. */
export function readOrThrow<T extends object>(result: PipelineResult<T>): T {
  if (result.ok) return result;
  if (result.error === "forbidden" || result.error === "not_verified") {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  notFound();
}

type IntentSpec<S extends z.ZodType, R extends object> = {
  schema: S;
  run: (value: z.output<S>) => Promise<PipelineResult<R>>;
  /** Where to go after success (Post/Redirect/Get, so a reload does not submit again). */
  done: (result: R & { ok: true }) => string;
  /** Adjusts the submitted fields before parsing (e.g. a local date-time into an instant). */
  prepare?: (form: FormData) => void;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type IntentSpecs = Record<string, IntentSpec<any, any>>;

export function intentSpec<S extends z.ZodType, R extends object>(spec: IntentSpec<S, R>) {
  return spec;
}

function reply(intent: string, target: string, result: SubmissionResult<string[]>, status: number) {
  return json<PipelineReply>({ status, intent, target, result }, { status });
}

/**
 * Runs the form's intent: unknown intent → 400; bad input → 400 with field errors; a refused
 * step → its status with the Dutch message; success → redirect. Never a 500 for a refusal.
 */
export async function runIntent(
  formData: FormData,
  specs: IntentSpecs,
): Promise<TypedResponse<PipelineReply> | Response> {
  const intent = String(formData.get("intent") ?? "");
  const target = String(formData.get("target") ?? "");
  const spec = Object.hasOwn(specs, intent) ? specs[intent] : undefined;
  if (!spec) {
    return reply(intent, target, { status: "error", error: { "": [t("error.badRequest")] } }, 400);
  }
  spec.prepare?.(formData);
  const submission = parseWithZod(formData, { schema: spec.schema });
  if (submission.status !== "success") return reply(intent, target, submission.reply(), 400);
  const result: PipelineResult<object> = await spec.run(submission.value);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return reply(
      intent,
      target,
      submission.reply({ formErrors: [result.message], fieldErrors: result.fields }),
      STATUS[result.error],
    );
  }
  return redirect(spec.done(result));
}

/** A `datetime-local` field (Dutch wall-clock time) as an ISO instant, in place. */
export function localDateTimeField(name: string) {
  return (form: FormData) => {
    const value = form.get(name);
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return;
    const at = fromLocalDateTime(value);
    if (!Number.isNaN(at.getTime())) form.set(name, at.toISOString());
  };
}

/** Path plus `?gedaan=<what>`: the page shows what just happened. */
export function donePath(path: string, what: string) {
  return `${path}?gedaan=${encodeURIComponent(what)}`;
}

/**
 * The forms both sides of a proposal page have: moving, cancelling or closing the introduction,
 * and a message in the thread. `here` is the page's own path.
 */
export function sharedProposalIntents(
  db: Database,
  context: AuthContext,
  options: Required<StepOptions>,
  here: string,
): IntentSpecs {
  return {
    reschedule: intentSpec({
      schema: rescheduleMeetingSchema,
      prepare: localDateTimeField("startsAt"),
      run: (v) => rescheduleMeeting(db, context, v, options),
      done: () => donePath(here, "meetingMoved"),
    }),
    cancel: intentSpec({
      schema: cancelMeetingSchema,
      run: (v) => cancelMeeting(db, context, v, options),
      done: () => donePath(here, "meetingCancelled"),
    }),
    held: intentSpec({
      schema: meetingHeldSchema,
      run: (v) => markMeetingHeld(db, context, v, options),
      done: () => donePath(here, "meetingHeld"),
    }),
    message: intentSpec({
      schema: postMessageSchema,
      run: (v) => postMessage(db, context, v, options),
      done: () => `${here}#gesprek`,
    }),
  };
}
