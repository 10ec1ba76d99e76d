/** A calendar date stored as a DATE (midnight UTC), shown without shifting a day in any zone. */
export function formatDateOnly(date: Date): string {
  return date.toLocaleDateString("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
}

export function formatDateTime(date: Date, timeZone: string): string {
  return date.toLocaleString("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" });
}

export function isoDateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date (as patient DTOs carry it), shown like formatDateOnly. */
export function formatIsoDateOnly(isoDate: string): string {
  return formatDateOnly(new Date(`${isoDate}T00:00:00Z`));
}
