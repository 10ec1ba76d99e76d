/**
 * Wall-clock time in a clinic's IANA zone, through Temporal (temporal-polyfill)
 * rather than hand-rolled offsets. Instants are epoch milliseconds.
 *
 * A local time that does not exist (the spring gap) or exists twice (the
 * autumn repeat) is resolved as RFC 5545 and Temporal's "compatible" rule do:
 * the earlier of two repeats; a skipped time is read with the offset before
 * the gap. Calendar apps reading our .ics files do the same, so a working
 * block and an invitation never disagree (docs/decisions/030).
 */
import { Temporal } from "temporal-polyfill";

export const MINUTES_PER_DAY = 1440;

/** YYYY-MM-DD. */
export type LocalDate = string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
  } catch {
    return false;
  }
}

export function isTimeZone(value: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(value);
    return true;
  } catch {
    return false;
  }
}

/** The instant the wall clock in `timeZone` reads `minute` minutes after midnight on `date` (1440 = next midnight). */
export function instantOfLocal(date: LocalDate, minute: number, timeZone: string): number {
  let day = Temporal.PlainDate.from(date);
  let m = minute;
  if (m >= MINUTES_PER_DAY) {
    day = day.add({ days: Math.floor(m / MINUTES_PER_DAY) });
    m %= MINUTES_PER_DAY;
  }
  return day
    .toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 })
    .toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}

/** The first instant of a local day (midnight, or the first time after a gap at midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

function zoned(epochMs: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
}

export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  return zoned(epochMs, timeZone).toPlainDate().toString();
}

/** Minutes after local midnight on the wall clock (a repeated hour reads the same twice). */
export function localMinuteOf(epochMs: number, timeZone: string): number {
  const z = zoned(epochMs, timeZone);
  return z.hour * 60 + z.minute;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" }).days;
}

export function todayIn(timeZone: string, nowMs: number): LocalDate {
  return localDateOf(nowMs, timeZone);
}

/** Monday of the week holding `date`. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

export function minuteToHhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function hhmmToMinute(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) ?? (value === "24:00" ? ["", "24", "00"] : null);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

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
    f = new Intl.DateTimeFormat("en-US", { timeZone, ...options });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** The zone's own abbreviation or offset at that instant, e.g. "EST", "EDT", "GMT+10:30". */
export function zoneLabelAt(epochMs: number, timeZone: string): string {
  const parts = formatter(timeZone, "zone-short", { timeZoneName: "short" }).formatToParts(epochMs);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "9:00 AM" in the zone; with the abbreviation when asked (needed to tell a repeated hour apart). */
export function formatLocalTime(epochMs: number, timeZone: string, withZone = false): string {
  return formatter(timeZone, withZone ? "time-zone" : "time", {
    hour: "numeric",
    minute: "2-digit",
    ...(withZone ? { timeZoneName: "short" } : {}),
  }).format(epochMs);
}

export function formatLocalDate(epochMs: number, timeZone: string): string {
  return formatter(timeZone, "date", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(epochMs);
}

/** "Eastern Time (New York)"-style name for telling patients which zone times are in. */
export function zoneDisplayName(timeZone: string, epochMs: number): string {
  const parts = formatter(timeZone, "zone-long", { timeZoneName: "long" }).formatToParts(epochMs);
  const long = parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return `${long} (${timeZone.replaceAll("_", " ")})`;
}
