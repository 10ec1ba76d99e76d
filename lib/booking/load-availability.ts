import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Interval, TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { ACTIVE_STATUSES } from "./status-rules";

/**
 * The longest an appointment can hold time (8 h visit + 2 h buffer, CHECKed in
 * the migration). Bounding startsAt from below by it lets the (therapistId,
 * startsAt) index skip years of history instead of reading it all.
 */
export const MAX_APPOINTMENT_SPAN_MS = (480 + 120) * 60_000;

type ScheduleRow = {
  therapistId: string;
  weekly: TherapistSchedule["weekly"] | null;
  overrides: TherapistSchedule["overrides"] | null;
  /** [startsAt, blockedUntil] pairs in epoch ms, ordered by start. */
  busy: Array<[number, number]> | null;
};

/**
 * Everything the slot engine needs for some therapists over [fromMs, toMs):
 * weekly hours, date overrides and (unless `withBusy` is false) active
 * appointments as visit plus buffer. One round trip whatever the number of
 * therapists: a 4-week search over 20 busy therapists reads ~2,400
 * appointments, and as Prisma rows (two Dates each) they cost ~15 ms of CPU;
 * aggregated into JSON epoch milliseconds by Postgres they cost ~2 ms
 * (docs/decisions/036). Each subquery uses its table's therapist index.
 */
export async function loadSchedules(
  clinicId: string,
  therapistIds: readonly string[],
  range: { fromMs: number; toMs: number; fromDate: string; toDate: string },
  client: Tx | typeof db = db,
  { withBusy = true }: { withBusy?: boolean } = {},
): Promise<TherapistSchedule[]> {
  if (!therapistIds.length) return [];
  const busy = withBusy
    ? Prisma.sql`(SELECT json_agg(json_build_array(floor(extract(epoch FROM a."startsAt") * 1000)::int8,
                                                  floor(extract(epoch FROM a."blockedUntil") * 1000)::int8)
                                  ORDER BY a."startsAt")
         FROM "Appointment" a
         WHERE a."clinicId" = ${clinicId}::uuid AND a."therapistId" = t.id
           AND a.status = ANY(${[...ACTIVE_STATUSES]}::"AppointmentStatus"[])
           AND a."startsAt" >= ${new Date(range.fromMs - MAX_APPOINTMENT_SPAN_MS)}
           AND a."startsAt" < ${new Date(range.toMs)}
           AND a."blockedUntil" > ${new Date(range.fromMs)})`
    : Prisma.sql`NULL::json`;
  const rows = await client.$queryRaw<ScheduleRow[]>`
    SELECT t.id::text AS "therapistId",
      (SELECT json_agg(json_build_object('weekday', w.weekday, 'kind', w.kind,
                                         'startMinute', w."startMinute", 'endMinute', w."endMinute"))
         FROM "WeeklyScheduleBlock" w
         WHERE w."clinicId" = ${clinicId}::uuid AND w."therapistId" = t.id) AS weekly,
      (SELECT json_agg(json_build_object('date', to_char(o.date, 'YYYY-MM-DD'), 'kind', o.kind,
                                         'startMinute', o."startMinute", 'endMinute', o."endMinute"))
         FROM "ScheduleOverride" o
         WHERE o."clinicId" = ${clinicId}::uuid AND o."therapistId" = t.id
           AND o.date BETWEEN ${range.fromDate}::date AND ${range.toDate}::date) AS overrides,
      ${busy} AS busy
    FROM unnest(${[...therapistIds]}::uuid[]) WITH ORDINALITY AS t(id, n)
    ORDER BY t.n`;
  return rows.map((r) => ({
    therapistId: r.therapistId,
    weekly: r.weekly ?? [],
    overrides: r.overrides ?? [],
    busy: (r.busy ?? []).map(([start, end]) => ({ start, end })),
  }));
}

/** The patient's own active visits over the range (without buffers): they cannot be in two places. */
export async function loadPatientBusy(
  clinicId: string,
  patientId: string,
  range: { fromMs: number; toMs: number },
  client: Tx | typeof db = db,
): Promise<Interval[]> {
  const rows = await client.appointment.findMany({
    where: {
      clinicId,
      patientId,
      status: { in: [...ACTIVE_STATUSES] },
      startsAt: { gte: new Date(range.fromMs - MAX_APPOINTMENT_SPAN_MS), lt: new Date(range.toMs) },
      endsAt: { gt: new Date(range.fromMs) },
    },
    select: { startsAt: true, endsAt: true },
  });
  return rows.map((r) => ({ start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
}
