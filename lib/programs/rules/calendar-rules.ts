/**
 * Calendar days in the clinic's IANA zone. Every "today", "this week" and log
 * day in the programs domain is a plain date (YYYY-MM-DD) in that zone,
 * computed here with Temporal so daylight-saving days and zones far from UTC
 * give the right day. Weeks start on Monday (ISO 8601).
 */
import { Temporal } from "@js-temporal/polyfill";

/** A calendar day in the clinic's zone, as YYYY-MM-DD. */
export type IsoDate = string;

export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

export function todayIn(timeZone: string, now: Date): IsoDate {
  return localDateOf(now, timeZone);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return Temporal.PlainDate.from(day).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" }).days;
}

export function weekStartOf(day: IsoDate): IsoDate {
  const d = Temporal.PlainDate.from(day);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
  } catch {
    return false;
  }
}

/** A DATE column (midnight UTC in JavaScript) as the calendar day it stores. */
export function isoDateOfDateColumn(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function dateColumnOf(day: IsoDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "Monday 23 November" for headings; the day is already local, so no zone is applied. */
export function formatLongDay(day: IsoDate): string {
  return Temporal.PlainDate.from(day).toLocaleString("en-GB", { weekday: "long", day: "numeric", month: "long" });
}

export function formatShortDay(day: IsoDate): string {
  return Temporal.PlainDate.from(day).toLocaleString("en-US", { month: "short", day: "numeric" });
}

/** The instant a wall-clock time on a clinic-local day happens (the earlier one in an autumn repeated hour). */
export function instantAt(day: IsoDate, hour: number, minute: number, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(day).toZonedDateTime({ timeZone, plainTime: { hour, minute } });
  return new Date(zoned.epochMilliseconds);
}
