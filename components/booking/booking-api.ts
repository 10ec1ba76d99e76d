/** The booking JSON API for the browser: a typed client and the types of what it answers. */

import type { z } from "zod";
import type { bookingContracts, seriesConflictSchema, slotGroupSchema } from "@/lib/booking/contracts";
import { bookingRoutes } from "@/lib/booking/routes";
import { ApiError, apiClient } from "@/lib/http/api-client";
import type { RequestOf, ResponseOf } from "@/lib/http/endpoint";

type C = typeof bookingContracts;

/** The booking API, typed by its contracts (lib/booking/contracts.ts); only the routes are bundled. */
export const bookingApi = apiClient<C>(bookingRoutes);

export type Appointment = ResponseOf<C["book"]>["appointment"];
export type CalendarData = ResponseOf<C["calendar"]>;
export type CalendarAppointment = CalendarData["appointments"][number];
export type AppointmentType = CalendarData["appointmentTypes"][number];
export type SlotsData = ResponseOf<C["slots"]>;
export type MineData = ResponseOf<C["mine"]>;
export type BookBody = RequestOf<C["book"]>;
export type SeriesBody = RequestOf<C["bookSeries"]>;
/** A booking conflict's fresh times (a few, by therapist id), sent in the 409's body. */
export type SlotGroup = z.input<typeof slotGroupSchema>;
/** A series date that could not be booked, with alternatives, sent in the 409's body. */
export type SeriesConflict = z.input<typeof seriesConflictSchema>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, kept: building an Intl.DateTimeFormat
 * costs far more than formatting with one, and the week calendar labels
 * thousands of cells on every render (bench:calendar).
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** Dates as YYYY-MM-DD strings; day arithmetic on the calendar date alone, no zone involved. */
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function todayInZone(timeZone: string, now = new Date()): string {
  return formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function timeLabel(iso: string | number, timeZone: string, withZone = false): string {
  return formatter("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    ...(withZone ? { timeZoneName: "short" } : {}),
  }).format(new Date(iso));
}

export function dateLabel(iso: string | number, timeZone: string, style: "long" | "short" = "long"): string {
  return formatter("en-US", {
    timeZone,
    weekday: style,
    month: style === "long" ? "long" : "short",
    day: "numeric",
    ...(style === "long" ? { year: "numeric" } : {}),
  }).format(new Date(iso));
}

/** Local date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(iso: string | number, timeZone: string): string {
  return todayInZone(timeZone, new Date(iso));
}

/** Minutes after local midnight of an instant, on the zone's wall clock. */
export function localMinute(iso: string | number, timeZone: string): number {
  const parts = formatter("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The fresh free times a 409 "just taken" carries. */
export function freshSlotsOf(error: unknown): SlotGroup[] {
  return error instanceof ApiError && Array.isArray(error.extra.freshSlots)
    ? (error.extra.freshSlots as SlotGroup[])
    : [];
}

/** The dates a refused series could not get, with alternatives. */
export function seriesConflictsOf(error: unknown): SeriesConflict[] {
  return error instanceof ApiError && Array.isArray(error.extra.conflicts)
    ? (error.extra.conflicts as SeriesConflict[])
    : [];
}
