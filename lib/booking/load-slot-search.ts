import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Interval, TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { preparedRows } from "@/lib/prepared-query";
import { addDays, type LocalDate } from "@/lib/time/calendar-rules";
import { settingsOf, type BookingSettings } from "./booking-settings";
import { MAX_APPOINTMENT_SPAN_MS } from "./load-availability";
import { DAY_MS, LAST_MS } from "./query-bounds";
import {
  appointmentTypeJson,
  busyIntervalsOf,
  busyJson,
  overridesJson,
  weeklyJson,
  type BusyJson,
} from "./schedule-sql";
import { ACTIVE_STATUSES } from "./status-rules";

/** An appointment type as both one-query loaders return it. */
export type LoadedAppointmentType = {
  id: string;
  name: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
  colour: string;
  onlineBookable: boolean;
};

export type SlotSearchData = {
  timeZone: string;
  settings: BookingSettings;
  /** Null when the clinic has no such active type (or, for online booking, not an online-bookable one). */
  type: LoadedAppointmentType | null;
  /** The clinic's active therapists by name (only the asked one when `therapistId` is given). */
  therapists: Array<{ id: string; name: string }>;
  schedules: TherapistSchedule[];
  /** The patient's active visits; null when no patient was asked or the clinic has no such patient. */
  patientBusy: Interval[] | null;
};

type Row = { [K in keyof BookingSettings]: number | null } & {
  timeZone: string;
  type: SlotSearchData["type"];
  therapists: Array<{
    id: string;
    name: string;
    weekly: TherapistSchedule["weekly"] | null;
    overrides: TherapistSchedule["overrides"] | null;
    busy: BusyJson | null;
  }> | null;
  patientBusy: Array<[number, number]> | null;
  patientFound: boolean | null;
};

/**
 * Everything a slot search reads, in one round trip: the clinic's zone and
 * rules, the type, the active therapists with their hours, overrides and
 * active appointments, and the patient's own visits. The search is the
 * busiest request in the app; as six Prisma queries its fixed cost per query
 * (and ~2,400 appointment rows as Dates) was most of its CPU time
 * (docs/decisions/036). The scoping is the same as bookableType,
 * listTherapists and loadSchedules: everything by the actor's clinic.
 *
 * Appointments are read for the dates padded by a day either side in UTC, so
 * the range needs no zone (no zone is more than 14 hours off UTC); the engine
 * only counts those that touch a candidate slot.
 */
export async function loadSlotSearch(
  clinicId: string,
  p: {
    appointmentTypeId: string;
    onlineBookableOnly: boolean;
    therapistId?: string;
    patientId?: string | null;
    from: LocalDate;
    to: LocalDate;
  },
): Promise<SlotSearchData | null> {
  const fromMs = Date.parse(`${p.from}T00:00:00Z`) - DAY_MS;
  const toMs = Math.min(Date.parse(`${addDays(p.to, 1)}T00:00:00Z`) + DAY_MS, LAST_MS);
  const startsFrom = new Date(fromMs - MAX_APPOINTMENT_SPAN_MS);
  const startsBefore = new Date(toMs);
  const endsAfter = new Date(fromMs);
  const statuses = [...ACTIVE_STATUSES];
  const clinic = Prisma.raw("c.id");
  const therapist = Prisma.raw("th.id");
  const [row] = await preparedRows<Row>(
    "slot_search",
    Prisma.sql`
    WITH th AS (
      SELECT u.id, u.name FROM "User" u
      WHERE u."clinicId" = ${clinicId}::uuid AND u.role = 'therapist' AND u.active
        AND (${p.therapistId ?? null}::uuid IS NULL OR u.id = ${p.therapistId ?? null}::uuid)
    )
    SELECT c."timeZone",
      s."bookingWindowDays", s."minimumNoticeMinutes", s."lateCancellationHours",
      s."slotStepMinutes",
      ${appointmentTypeJson(clinic, p.appointmentTypeId, p.onlineBookableOnly)} AS type,
      (SELECT json_agg(json_build_object(
                'id', th.id, 'name', th.name,
                'weekly', ${weeklyJson(clinic, therapist)},
                'overrides', ${overridesJson(clinic, therapist, p.from, p.to)},
                'busy', ${busyJson(clinic, therapist, { fromMs, toMs })})
              ORDER BY th.name, th.id)
         FROM th) AS therapists,
      (SELECT true FROM "Patient" pt WHERE pt.id = ${p.patientId ?? null}::uuid AND pt."clinicId" = c.id) AS "patientFound",
      (SELECT json_agg(json_build_array(floor(extract(epoch FROM a."startsAt") * 1000)::int8,
                                        floor(extract(epoch FROM a."endsAt") * 1000)::int8))
         FROM "Appointment" a
         WHERE a."clinicId" = c.id AND a."patientId" = ${p.patientId ?? null}::uuid
           AND a.status = ANY(${statuses}::"AppointmentStatus"[])
           AND a."startsAt" >= ${startsFrom} AND a."startsAt" < ${startsBefore}
           AND a."endsAt" > ${endsAfter}) AS "patientBusy"
    FROM "Clinic" c LEFT JOIN "BookingSettings" s ON s."clinicId" = c.id
    WHERE c.id = ${clinicId}::uuid`,
  );
  if (!row) return null;
  const therapists = row.therapists ?? [];
  const intervals = (pairs: Array<[number, number]> | null): Interval[] =>
    (pairs ?? []).map(([start, end]) => ({ start, end }));
  return {
    timeZone: row.timeZone,
    settings: settingsOf(row),
    type: row.type,
    therapists: therapists.map((t) => ({ id: t.id, name: t.name })),
    schedules: therapists.map((t) => ({
      therapistId: t.id,
      weekly: t.weekly ?? [],
      overrides: t.overrides ?? [],
      busy: busyIntervalsOf(t.busy),
    })),
    patientBusy: p.patientId && row.patientFound ? intervals(row.patientBusy) : null,
  };
}
