/** A date as YYYY-MM-DD (UTC), the form `date` columns use. */
export function isoDate(date: Date) {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number) {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}

const monthFormat = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" });

/** "maart 2027": availability is shown to employers by month only. */
export function monthLabel(isoDay: string) {
  return monthFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

const dayFormat = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function dayLabel(isoDay: string) {
  return dayFormat.format(new Date(`${isoDay}T00:00:00Z`));
}
