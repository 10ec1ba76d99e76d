import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { settingsOf, type BookingSettings } from "./booking-settings";
import type { StoredResult } from "./idempotency";
import type { LoadedAppointmentType } from "./load-slot-search";
import { DAY_MS, LAST_MS } from "./query-bounds";
import { appointmentTypeJson, overridesJson, weeklyJson } from "./schedule-sql";

export type BookingFacts = {
  clinic: { id: string; name: string; email: string | null; phone: string; address: string; timeZone: string };
  settings: BookingSettings;
  /** Null when the clinic has no such active type (for online booking: no such online-bookable type). */
  type: LoadedAppointmentType | null;
  /** The clinic's active therapist with their hours and the overrides around the start; null if none. */
  therapist: ({ id: string; name: string } & Pick<TherapistSchedule, "weekly" | "overrides">) | null;
  /** The clinic's patient, with what the confirmation email needs; null if none. */
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    preferredName: string | null;
    email: string | null;
    /** Inactive patients cannot be booked (docs/decisions/058). */
    active: boolean;
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
  const clinic = Prisma.raw("c.id");
  const day = (ms: number) => new Date(Math.min(ms, LAST_MS)).toISOString().slice(0, 10);
  const [row] = await db.$queryRaw<Row[]>`
    SELECT c.id::text AS id, c.name, c.email, c.phone, c.address, c."timeZone",
      s."bookingWindowDays", s."minimumNoticeMinutes", s."lateCancellationHours",
      s."slotStepMinutes",
      ${appointmentTypeJson(clinic, p.appointmentTypeId, p.onlineBookableOnly)} AS type,
      (SELECT json_build_object(
                'id', u.id, 'name', u.name,
                'weekly', ${weeklyJson(clinic, Prisma.raw("u.id"))},
                'overrides', ${overridesJson(clinic, Prisma.raw("u.id"), day(p.start - DAY_MS), day(p.start + DAY_MS))})
         FROM "User" u
         WHERE u.id = ${p.therapistId}::uuid AND u."clinicId" = c.id AND u.role = 'therapist' AND u.active) AS therapist,
      (SELECT json_build_object('id', pt.id, 'firstName', pt."firstName", 'lastName', pt."lastName",
                                'preferredName', pt."preferredName", 'email', pt.email,
                                'active', pt.active)
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
