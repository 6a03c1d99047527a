// Dates in emails are shown in Dutch and in Dutch time, whatever the server's time zone is.
const dateTime = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});
const dateOnly = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "long",
  timeZone: "Europe/Amsterdam",
});

/** "22 november 2026 om 16:25" */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** "22 november 2026" */
export function formatDate(date: Date): string {
  return dateOnly.format(date);
}
