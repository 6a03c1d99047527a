import type { AuthContext } from "~/auth/session.server";
import { requestOrigin } from "~/domain/audit.server";
import { t, type MessageKey } from "~/i18n";
import type { VacancyActor, VacancyFailure } from "./vacancies.server";

/*
 * What the employer's vacancy routes share: the actor of a request, and how a refused change
 * is answered (status code and a plain message).
 */

/** The employer organisation the caller works for; a caller without one gets a 403. */
export function employerActor(context: AuthContext, request: Request): VacancyActor {
  const organisation = context.organisation;
  if (!organisation || organisation.kind !== "employer") {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return { userId: context.user.id, organisationId: organisation.id, origin: requestOrigin(request) };
}

const failureMessages: Record<Exclude<VacancyFailure, "not_found">, MessageKey> = {
  suspended: "vacancy.outcome.suspended",
  not_verified: "vacancy.outcome.notVerified",
  invalid_transition: "vacancy.outcome.invalidTransition",
  stale: "vacancy.outcome.stale",
  read_only: "vacancy.outcome.readOnly",
  positions: "vacancy.outcome.stale",
  expired: "vacancy.outcome.expired",
};

const failureStatus: Record<Exclude<VacancyFailure, "not_found">, number> = {
  suspended: 403,
  not_verified: 403,
  invalid_transition: 409,
  stale: 409,
  read_only: 409,
  positions: 409,
  expired: 409,
};

/** A refused change: 404 is thrown (no hint that the vacancy exists); the rest get a message. */
export function describeFailure(reason: VacancyFailure): { status: number; message: string } {
  if (reason === "not_found") throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  return { status: failureStatus[reason], message: t(failureMessages[reason]) };
}
