import { type MessageKey, t } from "~/i18n";

/*
 * What can go wrong in a pipeline step, as a typed result the page shows as it is. Every
 * operation returns `PipelineResult<T>`: `{ ok: true, ... }` or a failure with a code, a plain
 * Dutch message and, for a stale form, the state it was in meanwhile. Nothing is half done:
 * a failure rolls the whole transaction back.
 */

export const PIPELINE_ERROR_CODES = [
  /** No such object for this caller (also: another tenant's id). */
  "not_found",
  /** The caller's role may not take this step. */
  "forbidden",
  /** An employer whose organisation is not (or no longer) verified. */
  "not_verified",
  /** The form was made from an older state (version or status changed meanwhile). */
  "stale",
  /** The lifecycle has no such step from the current state. */
  "invalid_transition",
  /** A proposal for this candidate and vacancy exists already. */
  "duplicate",
  /** The candidate is not published (paused, placed elsewhere, …). */
  "candidate_unavailable",
  /** The vacancy is not open, or every position is filled. */
  "vacancy_unavailable",
  /** Accepting an offer needs the identity-disclosure consent. */
  "consent_required",
  /** A coach records an answer only with the candidate present. */
  "presence_required",
  /** Bad input; `fields` says which. */
  "invalid_input",
  /** Nobody could be the job coach of the placement. */
  "no_job_coach",
  /** That user cannot become the (job) coach here. */
  "invalid_coach",
  /** No municipality organisation for the candidate's municipality of origin. */
  "no_municipality",
] as const;
export type PipelineErrorCode = (typeof PIPELINE_ERROR_CODES)[number];

export type FieldErrors = Record<string, string[]>;

/** The state an object was in when the step was refused (for "stale" and "invalid_transition"). */
export type CurrentState = { status: string; version?: number };

export class PipelineError extends Error {
  constructor(
    readonly code: PipelineErrorCode,
    readonly extra: { current?: CurrentState; fields?: FieldErrors } = {},
  ) {
    super(`pipeline: ${code}`);
    this.name = "PipelineError";
  }
}

export type PipelineFailure = {
  ok: false;
  error: PipelineErrorCode;
  /** Plain Dutch, ready to show. */
  message: string;
  current?: CurrentState;
  fields?: FieldErrors;
};

export type PipelineResult<T extends object = object> = ({ ok: true } & T) | PipelineFailure;

export function pipelineErrorMessage(code: PipelineErrorCode): string {
  return t(`pipeline.error.${code}` as MessageKey);
}

export function failureOf(error: PipelineError): PipelineFailure {
  return {
    ok: false,
    error: error.code,
    message: pipelineErrorMessage(error.code),
    ...(error.extra.current ? { current: error.extra.current } : {}),
    ...(error.extra.fields ? { fields: error.extra.fields } : {}),
  };
}

/** Throws `invalid_input` with one message per field, in Dutch. */
export function invalidInput(fields: Record<string, MessageKey | MessageKey[]>): never {
  const out: FieldErrors = {};
  for (const [field, keys] of Object.entries(fields)) {
    out[field] = (Array.isArray(keys) ? keys : [keys]).map((key) => t(key));
  }
  throw new PipelineError("invalid_input", { fields: out });
}
