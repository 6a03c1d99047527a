import { t, type MessageKey } from "~/i18n";

/*
 * Dates and labels on the pipeline pages. Loader data arrives as JSON (instants as ISO strings,
 * calendar days as YYYY-MM-DD); every instant is shown in Dutch time, whatever the browser's zone.
 */

const moment = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});
const day = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const shortMoment = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/** "dinsdag 3 maart 2026 om 10:00" */
export function momentLabel(value: string | Date) {
  return moment.format(typeof value === "string" ? new Date(value) : value);
}

/** "3 mrt. 10:00" (message times, notification times) */
export function shortMomentLabel(value: string | Date) {
  return shortMoment.format(typeof value === "string" ? new Date(value) : value);
}

/** "3 maart 2026" for a calendar day (YYYY-MM-DD). */
export function dayText(isoDay: string) {
  return day.format(new Date(`${isoDay}T00:00:00Z`));
}

export const proposalStatusLabel = (status: string) =>
  t(`pipeline.status.${status}` as MessageKey);
export const offerStatusLabel = (status: string) =>
  t(`pipeline.offer.status.${status}` as MessageKey);
export const meetingStatusLabel = (status: string) =>
  t(`pipeline.meeting.status.${status}` as MessageKey);
export const placementStatusLabel = (status: string) =>
  t(`pipeline.placement.status.${status}` as MessageKey);
export const checkInStateLabel = (state: string) =>
  t(`pipeline.checkIn.state.${state}` as MessageKey);
export const contractLabel = (type: string) => t(`vacancy.contract.${type}` as MessageKey);
export const candidateStatusLabel = (status: string) =>
  t(`candidate.status.${status}` as MessageKey);
