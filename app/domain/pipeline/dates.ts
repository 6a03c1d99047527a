import { dutchToday } from "~/domain/vacancies/dates";

/*
 * Calendar days (YYYY-MM-DD) as the pipeline uses them: start dates, due dates, expiry dates.
 * "Today" is the Dutch calendar day (Europe/Amsterdam), whatever the server's time zone.
 */

export { dutchToday };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** "2026-03-01" + 7 → "2026-03-08". */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * "2026-01-31" + 1 month → "2026-02-28": the same day of the month, or the month's last day
 * when the month is shorter.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A Date for a calendar day, at noon UTC (so any Dutch formatter shows that same day). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

