import { db } from "@/lib/db";
import type { ReminderRule } from "@/lib/booking/reminder-rules";
import { createClinic, createUser } from "./index";
import { createAppointmentType, createManyPatients } from "./booking";

const HOUR = 3_600_000;

/**
 * A clinic with `count` booked visits starting between `from` and `to` (spread
 * evenly), each with its own patient (who has an email) and booked two days
 * before `from`, i.e. long before its reminder time. Rows are written directly:
 * these tests are about the reminder pass, not about booking. Patients have an
 * email and no text consent; `rules` saves the clinic's reminder schedule
 * (without it the default applies).
 */
export async function clinicWithVisits(
  count: number,
  window: { from: Date; to: Date },
  options: { rules?: ReminderRule[]; therapists?: number; timeZone?: string } = {},
) {
  const clinic = await createClinic(options.timeZone ? { timeZone: options.timeZone } : {});
  if (options.rules)
    await db.reminderRule.createMany({ data: options.rules.map((r) => ({ clinicId: clinic.id, ...r })) });
  const therapists = await Promise.all(
    Array.from({ length: options.therapists ?? 1 }, () => createUser(clinic.id, "therapist")),
  );
  const type = await createAppointmentType(clinic.id, { durationMinutes: 5 });
  const patients = await createManyPatients(clinic.id, count);
  const span = window.to.getTime() - window.from.getTime();
  const bookedAt = new Date(window.from.getTime() - 48 * HOUR);
  const data = patients.map((patientId, i) => {
    // Spread so that one therapist's visits never overlap: i-th start at an even share of the span.
    const startsAt = new Date(window.from.getTime() + Math.floor((span * i) / Math.max(1, count)));
    const therapist = therapists[i % therapists.length]!;
    return {
      clinicId: clinic.id,
      therapistId: therapist.id,
      patientId,
      appointmentTypeId: type.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 1000),
      blockedUntil: new Date(startsAt.getTime() + 1000),
      bookedById: therapist.id,
      bookedVia: "staff",
      createdAt: bookedAt,
    };
  });
  await db.appointment.createMany({ data });
  const appointments = await db.appointment.findMany({
    where: { clinicId: clinic.id },
    select: { id: true, startsAt: true },
    orderBy: { startsAt: "asc" },
  });
  return { clinic, appointments, therapists, type };
}

/** Reminder messages queued for one clinic (by default its emails), by appointment id (from the dedupe key). */
export async function remindersOf(clinicId: string, channel: "email" | "sms" = "email") {
  const rows = await db.outboxMessage.findMany({
    where: { clinicId, kind: "appointment.reminder", channel },
    select: { dedupeKey: true, createdAt: true, toAddress: true, textBody: true, nextAttemptAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    appointmentId: r.dedupeKey!.split(":")[1]!,
    createdAt: r.createdAt,
    to: r.toAddress,
    text: r.textBody,
    notBefore: r.nextAttemptAt,
  }));
}
