/**
 * Dates and times as people read them, always in the clinic's zone (or, for a
 * calendar day that is already local, in no zone at all). Intl alone, no
 * Temporal: client components import this, and the polyfill would cost patient
 * pages ~20 kB for nothing Intl cannot do (docs/decisions/076).
 */

/**
 * Building an Intl.DateTimeFormat costs far more than using one (tenths of a
 * millisecond, per call, on every slot search and email); keep one per zone
 * and style.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(style.startsWith("gb-") ? "en-GB" : "en-US", { timeZone, ...options });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

type InstantLike = Date | number | string;
const toDate = (instant: InstantLike) => (instant instanceof Date ? instant : new Date(instant));

/** The zone's own abbreviation or offset at that instant, e.g. "EST", "EDT", "GMT+10:30". */
export function zoneLabelAt(epochMs: number, timeZone: string): string {
  const parts = formatter(timeZone, "zone-short", { timeZoneName: "short" }).formatToParts(epochMs);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "Eastern Time (New York)"-style name for telling patients which zone times are in. */
export function zoneDisplayName(timeZone: string, epochMs: number): string {
  const parts = formatter(timeZone, "zone-long", { timeZoneName: "long" }).formatToParts(epochMs);
  const long = parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return `${long} (${timeZone.replaceAll("_", " ")})`;
}

/** "9:00 AM" in the zone; with the abbreviation when asked (needed to tell a repeated hour apart). */
export function formatLocalTime(instant: InstantLike, timeZone: string, withZone = false): string {
  return formatter(timeZone, withZone ? "time-zone" : "time", {
    hour: "numeric",
    minute: "2-digit",
    ...(withZone ? { timeZoneName: "short" } : {}),
  }).format(toDate(instant));
}

/** "Monday, November 23, 2026" in the zone. */
export function formatLocalDate(instant: InstantLike, timeZone: string): string {
  return formatter(timeZone, "date", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(toDate(instant));
}

/** "Nov 23, 2026, 9:00 AM" in the zone. */
export function formatDateTime(instant: InstantLike, timeZone: string): string {
  return formatter(timeZone, "date-time", { dateStyle: "medium", timeStyle: "short" }).format(toDate(instant));
}

/** A calendar date stored as a DATE (midnight UTC), shown without shifting a day in any zone. */
export function formatDateOnly(date: Date): string {
  return formatter("UTC", "date-only", { year: "numeric", month: "short", day: "numeric" }).format(date);
}

/** A YYYY-MM-DD date (as patient DTOs carry it), shown like formatDateOnly. */
export function formatIsoDateOnly(isoDate: string): string {
  return formatDateOnly(new Date(`${isoDate}T00:00:00Z`));
}

/** "Monday 23 November" for headings; the day is already local, so no zone is applied. */
export function formatLongDay(day: string): string {
  return formatter("UTC", "gb-long-day", { weekday: "long", day: "numeric", month: "long" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "Nov 23": chart axes and short lists of local days. */
export function formatShortDay(day: string): string {
  return formatter("UTC", "short-day", { month: "short", day: "numeric" }).format(new Date(`${day}T00:00:00Z`));
}

/** "Mon, Nov 23" in the zone: a day short enough for a text message. */
export function formatShortLocalDay(instant: InstantLike, timeZone: string): string {
  return formatter(timeZone, "short-local-day", { weekday: "short", month: "short", day: "numeric" }).format(
    toDate(instant),
  );
}

/** "15 Jan 2027": a local day in authorisation messages, unambiguous on both sides of the Atlantic. */
export function formatDayMonthYear(day: string): string {
  return formatter("UTC", "gb-day-month-year", { day: "numeric", month: "short", year: "numeric" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
