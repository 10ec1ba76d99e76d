import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Interval } from "@/lib/scheduling/availability-rules";
import { MAX_APPOINTMENT_SPAN_MS } from "./load-availability";
import { ACTIVE_STATUSES } from "./status-rules";

/**
 * SQL fragments the one-query loaders share: each yields JSON shaped as
 * lib/scheduling expects it, so Postgres does the packing and Node gets plain
 * numbers and strings (no Prisma row or Date per appointment). `clinic` and
 * `therapist` are SQL expressions (a column of the outer query, or a parameter).
 */

/** The clinic's active appointment type (not an online-only miss), or NULL. */
export function appointmentTypeJson(clinic: Prisma.Sql, typeId: string, onlineBookableOnly: boolean): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('id', t.id, 'name', t.name, 'durationMinutes', t."durationMinutes",
                                'bufferAfterMinutes', t."bufferAfterMinutes", 'colour', t.colour,
                                'onlineBookable', t."onlineBookable")
         FROM "AppointmentType" t
         WHERE t.id = ${typeId}::uuid AND t."clinicId" = ${clinic} AND t.active
           AND (t."onlineBookable" OR NOT ${onlineBookableOnly}))`;
}

/** The therapist's weekly hours and breaks, or NULL when none. */
export function weeklyJson(clinic: Prisma.Sql, therapist: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object('weekday', w.weekday, 'kind', w.kind,
                                         'startMinute', w."startMinute", 'endMinute', w."endMinute"))
         FROM "WeeklyScheduleBlock" w
         WHERE w."clinicId" = ${clinic} AND w."therapistId" = ${therapist})`;
}

/** The therapist's date overrides between two local dates (inclusive), or NULL when none. */
export function overridesJson(clinic: Prisma.Sql, therapist: Prisma.Sql, fromDate: string, toDate: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object('date', to_char(o.date, 'YYYY-MM-DD'), 'kind', o.kind,
                                         'startMinute', o."startMinute", 'endMinute', o."endMinute"))
         FROM "ScheduleOverride" o
         WHERE o."clinicId" = ${clinic} AND o."therapistId" = ${therapist}
           AND o.date BETWEEN ${fromDate}::date AND ${toDate}::date)`;
}

/**
 * The therapist's active appointments (with their buffers) touching the range,
 * as [starts, blockedUntils] in epoch ms, paired by position (both aggregates
 * read the same rows in the same order) but not sorted: busyIntervalsOf sorts.
 * Bounded from below so the (therapistId, startsAt) index skips the history.
 *
 * The slot search is the busiest query and this is most of its database time
 * (docs/decisions/079): date_part's double is exact to the millisecond for
 * these timestamptz(3) columns once rounded, and cost half of extract's
 * numeric; a sort and a JSON array per appointment cost more than two flat
 * arrays sorted in Node.
 */
export function busyJson(
  clinic: Prisma.Sql,
  therapist: Prisma.Sql,
  range: { fromMs: number; toMs: number },
): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_array(json_agg(round(date_part('epoch', a."startsAt") * 1000)::int8),
                                        json_agg(round(date_part('epoch', a."blockedUntil") * 1000)::int8))
         FROM "Appointment" a
         WHERE a."clinicId" = ${clinic} AND a."therapistId" = ${therapist}
           AND a.status = ANY(${[...ACTIVE_STATUSES]}::"AppointmentStatus"[])
           AND a."startsAt" >= ${new Date(range.fromMs - MAX_APPOINTMENT_SPAN_MS)}
           AND a."startsAt" < ${new Date(range.toMs)}
           AND a."blockedUntil" > ${new Date(range.fromMs)})`;
}

/** What busyJson yields: starts and ends, paired by position; null arrays when there are none. */
export type BusyJson = [starts: number[] | null, ends: number[] | null];

/** busyJson's value as intervals in start order. */
export function busyIntervalsOf(busy: BusyJson | null): Interval[] {
  const starts = busy?.[0];
  const ends = busy?.[1];
  if (!starts || !ends) return [];
  const out: Interval[] = new Array(starts.length);
  for (let i = 0; i < starts.length; i++) out[i] = { start: starts[i]!, end: ends[i]! };
  return out.sort((a, b) => a.start - b.start);
}
