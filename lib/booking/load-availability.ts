import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Interval, TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { ACTIVE_STATUSES } from "./status-rules";

/**
 * The longest an appointment can hold time (8 h visit + 2 h buffer, CHECKed in
 * the migration). Bounding startsAt from below by it lets the (therapistId,
 * startsAt) index skip years of history instead of reading it all.
 */
export const MAX_APPOINTMENT_SPAN_MS = (480 + 120) * 60_000;

/**
 * Everything the slot engine needs for some therapists over [fromMs, toMs):
 * weekly hours, date overrides and active appointments (visit plus buffer).
 * Three indexed queries whatever the number of therapists.
 */
export async function loadSchedules(
  clinicId: string,
  therapistIds: readonly string[],
  range: { fromMs: number; toMs: number; fromDate: string; toDate: string },
  client: Tx | typeof db = db,
): Promise<TherapistSchedule[]> {
  if (!therapistIds.length) return [];
  const ids = [...therapistIds];
  const [blocks, overrides, busy] = await Promise.all([
    client.weeklyScheduleBlock.findMany({
      where: { clinicId, therapistId: { in: ids } },
      select: { therapistId: true, weekday: true, kind: true, startMinute: true, endMinute: true },
    }),
    client.scheduleOverride.findMany({
      where: {
        clinicId,
        therapistId: { in: ids },
        date: { gte: new Date(`${range.fromDate}T00:00:00Z`), lte: new Date(`${range.toDate}T00:00:00Z`) },
      },
      select: { therapistId: true, date: true, kind: true, startMinute: true, endMinute: true },
    }),
    client.appointment.findMany({
      where: {
        clinicId,
        therapistId: { in: ids },
        status: { in: [...ACTIVE_STATUSES] },
        startsAt: { gte: new Date(range.fromMs - MAX_APPOINTMENT_SPAN_MS), lt: new Date(range.toMs) },
        blockedUntil: { gt: new Date(range.fromMs) },
      },
      select: { therapistId: true, startsAt: true, blockedUntil: true },
    }),
  ]);
  const byTherapist = new Map<string, TherapistSchedule>(
    ids.map((id) => [id, { therapistId: id, weekly: [], overrides: [], busy: [] }]),
  );
  for (const b of blocks) (byTherapist.get(b.therapistId)!.weekly as TherapistSchedule["weekly"][number][]).push(b);
  for (const o of overrides)
    (byTherapist.get(o.therapistId)!.overrides as TherapistSchedule["overrides"][number][]).push({
      date: o.date.toISOString().slice(0, 10),
      kind: o.kind,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
    });
  for (const a of busy)
    (byTherapist.get(a.therapistId)!.busy as Interval[]).push({
      start: a.startsAt.getTime(),
      end: a.blockedUntil.getTime(),
    });
  return ids.map((id) => byTherapist.get(id)!);
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
