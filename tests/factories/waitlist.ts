import { db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";

/** A waiting entry written straight to the database (weekdays, 08:00-18:00, the next four weeks). */
export async function createWaitlistEntry(
  clinicId: string,
  patientId: string,
  appointmentTypeId: string,
  createdById: string,
  overrides: Partial<{
    therapistId: string | null;
    weekdays: number[];
    windows: Array<{ startMinute: number; endMinute: number }>;
    earliestDate: string;
    latestDate: string;
    priority: "routine" | "urgent";
    status: "waiting" | "offered" | "booked" | "removed" | "expired";
    createdAt: Date;
  }> = {},
) {
  const today = todayIn("America/New_York", Date.now());
  return db.waitlistEntry.create({
    data: {
      clinicId,
      patientId,
      appointmentTypeId,
      createdById,
      therapistId: overrides.therapistId ?? null,
      weekdays: overrides.weekdays ?? [1, 2, 3, 4, 5],
      windows: overrides.windows ?? [{ startMinute: 8 * 60, endMinute: 18 * 60 }],
      earliestDate: dateColumnOf(overrides.earliestDate ?? today),
      latestDate: dateColumnOf(overrides.latestDate ?? addDays(today, 28)),
      priority: overrides.priority ?? "routine",
      status: overrides.status ?? "waiting",
      createdVia: "front_desk",
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

/** An open freed time of a therapist, as the engine records one when a visit is cancelled. */
export async function createFreedTime(clinicId: string, therapistId: string, startsAt: Date, minutes = 60) {
  return db.freedTime.create({
    data: {
      clinicId,
      therapistId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      sourceKey: `cancel:test-${crypto.randomUUID()}:${startsAt.toISOString()}`,
    },
  });
}
