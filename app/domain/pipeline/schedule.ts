import { addDays, dutchToday } from "./dates";

/*
 * The aftercare plan (DESIGN.md): check-ins at week 1, 2, 4, 13, 26 and 52 after the start of a
 * placement, and when a check-in is due, overdue or worth a reminder. Pure, so the page, the
 * reminder job and the tests share one definition; every function takes the clock as a parameter.
 */

export const CHECK_IN_WEEKS = [1, 2, 4, 13, 26, 52] as const;

/** A reminder goes out this many days before the due date. */
export const DUE_SOON_DAYS = 3;
/** An overdue check-in is reminded again after this many days. */
export const OVERDUE_REPEAT_DAYS = 7;

export type PlannedCheckIn = { week: number; dueOn: string };

/** The check-ins of a placement that starts on `startedOn` (YYYY-MM-DD). */
export function checkInPlan(startedOn: string): PlannedCheckIn[] {
  return CHECK_IN_WEEKS.map((week) => ({ week, dueOn: addDays(startedOn, week * 7) }));
}

export type CheckInTiming = { dueOn: string; doneAt: Date | null };
export type CheckInState = "done" | "overdue" | "due" | "upcoming";

/**
 * done: logged. overdue: not logged and the due day has passed (Dutch time). due: the due day
 * is today or within DUE_SOON_DAYS. upcoming: later.
 */
export function checkInState(checkIn: CheckInTiming, now: Date): CheckInState {
  if (checkIn.doneAt) return "done";
  const today = dutchToday(now);
  if (checkIn.dueOn < today) return "overdue";
  if (checkIn.dueOn <= addDays(today, DUE_SOON_DAYS)) return "due";
  return "upcoming";
}

export function isOverdue(checkIn: CheckInTiming, now: Date): boolean {
  return checkInState(checkIn, now) === "overdue";
}

/**
 * Which reminder a check-in needs now, if any. `remindedAt` is the idempotent marker: one
 * reminder when it becomes due, one on the first overdue day, then one every
 * OVERDUE_REPEAT_DAYS while it stays overdue. The reminder job (runReminders) applies the
 * same rule in SQL; this function is its specification.
 */
export function reminderDue(
  checkIn: CheckInTiming & { remindedAt: Date | null },
  now: Date,
): "due" | "overdue" | null {
  const state = checkInState(checkIn, now);
  if (state === "due") return checkIn.remindedAt ? null : "due";
  if (state !== "overdue") return null;
  if (!checkIn.remindedAt) return "overdue";
  // Reminded on or before the due day: that was the "due" reminder.
  if (dutchToday(checkIn.remindedAt) <= checkIn.dueOn) return "overdue";
  return now.getTime() - checkIn.remindedAt.getTime() >= OVERDUE_REPEAT_DAYS * 86_400_000
    ? "overdue"
    : null;
}
