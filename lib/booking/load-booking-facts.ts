import "server-only";
import { db } from "@/lib/db";
import type { TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { settingsOf, type BookingSettings } from "./booking-settings";
import type { StoredResult } from "./idempotency";

const DAY_MS = 86_400_000;
/** Padding a start at the end of year 9999 must not produce a date Postgres cannot read (a 500). */
const LAST_MS = Date.UTC(9999, 11, 31);

export type BookingFacts = {
  clinic: { id: string; name: string; email: string | null; phone: string; address: string; timeZone: string };
  settings: BookingSettings;
  /** Null when the clinic has no such active type (for online booking: no such online-bookable type). */
  type: {
    id: string;
    name: string;
    durationMinutes: number;
    bufferAfterMinutes: number;
    colour: string;
    onlineBookable: boolean;
  } | null;
  /** The clinic's active therapist with their hours and the overrides around the start; null if none. */
  therapist: ({ id: string; name: string } & Pick<TherapistSchedule, "weekly" | "overrides">) | null;
  /** The clinic's patient, with what the confirmation email needs; null if none. */
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    preferredName: string | null;
    email: string | null;
  } | null;
  /** An earlier request by this user with this Idempotency-Key. */
  previous: { fingerprint: string; result: StoredResult } | null;
};

type Row = Omit<BookingFacts, "clinic" | "settings" | "therapist"> &
  BookingFacts["clinic"] & { [K in keyof BookingSettings]: number | null } & {
    therapist:
      | (Omit<NonNullable<BookingFacts["therapist"]>, "weekly" | "overrides"> & {
          weekly: TherapistSchedule["weekly"] | null;
          overrides: TherapistSchedule["overrides"] | null;
        })
      | null;
  };

/**
 * What booking one appointment reads before its transaction, in one round
 * trip: the clinic and its rules, the type, the therapist with their hours,
 * the patient, and an earlier request with the same key. Scoped like
 * bookableType, requireTherapistOf, bookingPatientId and previousResult (by
 * the actor's clinic, and the key by the actor). Overrides are read for the
 * start's UTC date and a day either side, which holds its local date in any
 * zone. Whether the time is free is left to the database, as before.
 */
export async function loadBookingFacts(p: {
  clinicId: string;
  userId: string;
  key: string;
  appointmentTypeId: string;
  onlineBookableOnly: boolean;
  therapistId: string;
  patientId: string;
  start: number;
}): Promise<BookingFacts | null> {
  const day = (ms: number) => new Date(Math.min(ms, LAST_MS)).toISOString().slice(0, 10);
  const [row] = await db.$queryRaw<Row[]>`
    SELECT c.id::text AS id, c.name, c.email, c.phone, c.address, c."timeZone",
      s."bookingWindowDays", s."minimumNoticeMinutes", s."lateCancellationHours",
      s."slotStepMinutes", s."reminderLeadHours",
      (SELECT json_build_object('id', t.id, 'name', t.name, 'durationMinutes', t."durationMinutes",
                                'bufferAfterMinutes', t."bufferAfterMinutes", 'colour', t.colour,
                                'onlineBookable', t."onlineBookable")
         FROM "AppointmentType" t
         WHERE t.id = ${p.appointmentTypeId}::uuid AND t."clinicId" = c.id AND t.active
           AND (t."onlineBookable" OR NOT ${p.onlineBookableOnly})) AS type,
      (SELECT json_build_object(
                'id', u.id, 'name', u.name,
                'weekly', (SELECT json_agg(json_build_object('weekday', w.weekday, 'kind', w.kind,
                                                             'startMinute', w."startMinute", 'endMinute', w."endMinute"))
                             FROM "WeeklyScheduleBlock" w
                             WHERE w."clinicId" = c.id AND w."therapistId" = u.id),
                'overrides', (SELECT json_agg(json_build_object('date', to_char(o.date, 'YYYY-MM-DD'), 'kind', o.kind,
                                                                'startMinute', o."startMinute", 'endMinute', o."endMinute"))
                                FROM "ScheduleOverride" o
                                WHERE o."clinicId" = c.id AND o."therapistId" = u.id
                                  AND o.date BETWEEN ${day(p.start - DAY_MS)}::date AND ${day(p.start + DAY_MS)}::date))
         FROM "User" u
         WHERE u.id = ${p.therapistId}::uuid AND u."clinicId" = c.id AND u.role = 'therapist' AND u.active) AS therapist,
      (SELECT json_build_object('id', pt.id, 'firstName', pt."firstName", 'lastName', pt."lastName",
                                'preferredName', pt."preferredName", 'email', pt.email)
         FROM "Patient" pt WHERE pt.id = ${p.patientId}::uuid AND pt."clinicId" = c.id) AS patient,
      (SELECT json_build_object('fingerprint', r.fingerprint, 'result', r.result)
         FROM "BookingRequest" r WHERE r."userId" = ${p.userId}::uuid AND r.key = ${p.key}) AS previous
    FROM "Clinic" c LEFT JOIN "BookingSettings" s ON s."clinicId" = c.id
    WHERE c.id = ${p.clinicId}::uuid`;
  if (!row) return null;
  const { id, name, email, phone, address, timeZone, therapist } = row;
  return {
    clinic: { id, name, email, phone, address, timeZone },
    settings: settingsOf(row),
    type: row.type,
    therapist: therapist && { ...therapist, weekly: therapist.weekly ?? [], overrides: therapist.overrides ?? [] },
    patient: row.patient,
    previous: row.previous,
  };
}
