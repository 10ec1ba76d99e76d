/**
 * Calendar days and wall-clock times in a clinic's IANA zone, through Temporal
 * (temporal-polyfill) rather than hand-rolled offsets. Every "today", "this
 * week", log day and working hour is a plain date (YYYY-MM-DD) or a minute of
 * the day in the clinic's zone; instants are epoch milliseconds or Dates.
 * Weeks start on Monday (ISO 8601).
 *
 * A local time that does not exist (the spring gap) or exists twice (the
 * autumn repeat) is resolved as RFC 5545 and Temporal's "compatible" rule do:
 * the earlier of two repeats; a skipped time is read with the offset before
 * the gap. Calendar apps reading our .ics files do the same, so a working
 * block and an invitation never disagree (docs/decisions/030).
 *
 * Server and rules only: the polyfill is too heavy for patient pages, which
 * format with lib/time/format.ts (Intl alone; docs/decisions/076).
 */
import { Temporal } from "temporal-polyfill";

export const MINUTES_PER_DAY = 1440;

/** A calendar day in the clinic's zone, as YYYY-MM-DD. */
export type LocalDate = string;

/** An instant, as a Date or epoch milliseconds. */
type InstantLike = Date | number;

const epochMs = (instant: InstantLike) => (typeof instant === "number" ? instant : instant.getTime());

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
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

function zoned(instant: InstantLike, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs(instant)).toZonedDateTimeISO(timeZone);
}

export function localDateOf(instant: InstantLike, timeZone: string): LocalDate {
  return zoned(instant, timeZone).toPlainDate().toString();
}

/** Minutes after local midnight on the wall clock (a repeated hour reads the same twice). */
export function localMinuteOf(instant: InstantLike, timeZone: string): number {
  const z = zoned(instant, timeZone);
  return z.hour * 60 + z.minute;
}

export function todayIn(timeZone: string, now: InstantLike): LocalDate {
  return localDateOf(now, timeZone);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" }).days;
}

/** Monday of the week holding `date`. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function minuteToHhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function hhmmToMinute(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) ?? (value === "24:00" ? ["", "24", "00"] : null);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}
