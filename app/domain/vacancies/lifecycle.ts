import type { Vacancy } from "#db/schema";

/*
 * The vacancy lifecycle: draft → open → paused ↔ open → filled | closed.
 * Employers move a vacancy with one of these actions; two more moves are made by the system:
 * `filled` when the last position is filled, and `closed` when the expiry date has passed.
 * Client-safe (the page shows only the buttons that fit the current state).
 */

export type VacancyStatus = Vacancy["status"];

export const VACANCY_ACTIONS = ["publish", "pause", "resume", "close"] as const;
export type VacancyAction = (typeof VACANCY_ACTIONS)[number];

export const vacancyActions: Record<
  VacancyAction,
  { from: readonly VacancyStatus[]; to: VacancyStatus; needsVerified: boolean }
> = {
  publish: { from: ["draft"], to: "open", needsVerified: true },
  pause: { from: ["open"], to: "paused", needsVerified: false },
  resume: { from: ["paused"], to: "open", needsVerified: true },
  close: { from: ["draft", "open", "paused"], to: "closed", needsVerified: false },
};

/** Every status change that exists, including the system's (filled, expired). */
const transitions: Record<VacancyStatus, readonly VacancyStatus[]> = {
  draft: ["open", "closed"],
  open: ["paused", "filled", "closed"],
  paused: ["open", "filled", "closed"],
  filled: [],
  closed: [],
};

export function canTransition(from: VacancyStatus, to: VacancyStatus): boolean {
  return transitions[from].includes(to);
}

/** The actions an employer may take on a vacancy in this state. */
export function actionsFor(status: VacancyStatus): VacancyAction[] {
  return VACANCY_ACTIONS.filter((a) => vacancyActions[a].from.includes(status));
}

/** Text and settings can be changed until the vacancy is filled or closed. */
export function isEditable(status: VacancyStatus): boolean {
  return status === "draft" || status === "open" || status === "paused";
}

/** Positions can be marked as filled while the vacancy is open or paused. */
export function canFillPositions(status: VacancyStatus): boolean {
  return status === "open" || status === "paused";
}
