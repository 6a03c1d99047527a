const amsterdamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar day (YYYY-MM-DD) it is in the Netherlands at `now`. Start and expiry dates are
 * Dutch calendar days: a vacancy that closes "on 3 March" is open all of 3 March, Dutch time.
 */
export function dutchToday(now: Date = new Date()): string {
  return amsterdamDay.format(now);
}
