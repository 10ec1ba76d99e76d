import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { busyIntervalsOf, busyJson, overridesJson, weeklyJson, type BusyJson } from "./schedule-sql";
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
  busy: BusyJson | null;
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
  const clinic = Prisma.sql`${clinicId}::uuid`;
  const therapist = Prisma.raw("t.id");
  const rows = await client.$queryRaw<ScheduleRow[]>`
    SELECT t.id::text AS "therapistId",
      ${weeklyJson(clinic, therapist)} AS weekly,
      ${overridesJson(clinic, therapist, range.fromDate, range.toDate)} AS overrides,
      ${withBusy ? busyJson(clinic, therapist, range) : Prisma.sql`NULL::json`} AS busy
    FROM unnest(${[...therapistIds]}::uuid[]) WITH ORDINALITY AS t(id, n)
    ORDER BY t.n`;
  return rows.map((r) => ({
    therapistId: r.therapistId,
    weekly: r.weekly ?? [],
    overrides: r.overrides ?? [],
    busy: busyIntervalsOf(r.busy),
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
