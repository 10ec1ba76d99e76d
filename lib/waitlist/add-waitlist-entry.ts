import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { patientOutOfReach } from "@/lib/patients/patient-access";
import { addDays, todayIn } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { entryDto, entrySelect } from "./entry-dto";
import { waitlistEntrySchema } from "./entry-schema";
import { assertMayUseWaitlist, OPEN_ENTRY_STATUSES } from "./waitlist-access";

export const DUPLICATE_ENTRY_MESSAGE =
  "This patient is already on the waitlist for this appointment type. Change or remove that entry instead.";
const OWN_DUPLICATE_MESSAGE =
  "You are already on the waitlist for this appointment type. Remove that entry first to choose other days or times.";

const fieldError = (field: string, message: string) => new AppError("validation", message, { [field]: [message] });

/**
 * Puts a patient on the waitlist: the front desk or a clinician for any
 * active patient of their clinic, a patient for themself from the portal
 * (online-bookable types only, as for booking). Dates are checked against
 * today and the booking window in the clinic's zone, so an entry never asks
 * for a time the clinic would refuse to book.
 */
export async function addWaitlistEntry(actor: Actor, input: unknown, now = new Date()) {
  await assertMayUseWaitlist(actor);
  const { clinic, settings } = await bookingContext(actor.clinicId);
  const today = todayIn(clinic.timeZone, now);
  const data = parseInput(
    waitlistEntrySchema({ today, lastBookableDate: addDays(today, settings.bookingWindowDays) }),
    input,
  );
  if (data.priority === "urgent") await assertCan(actor, "waitlist:prioritize");

  const patientId = actor.role === "patient" ? actor.patientId! : data.patientId;
  if (!patientId) throw fieldError("patientId", "Choose a patient.");
  if (actor.role === "patient" && data.patientId && data.patientId !== patientId)
    await patientOutOfReach(actor, data.patientId);
  const patient = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: { id: true, active: true },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  if (!patient.active)
    throw actor.role === "patient"
      ? new AppError(
          "validation",
          "The waitlist is not available for your record at the moment. Please call the clinic.",
        )
      : fieldError("patientId", "This patient is marked inactive. Mark them active again on their page first.");

  const type = await db.appointmentType.findFirst({
    where: {
      id: data.appointmentTypeId,
      clinicId: actor.clinicId,
      active: true,
      ...(actor.role === "patient" ? { onlineBookable: true } : {}),
    },
    select: { id: true },
  });
  if (!type) throw fieldError("appointmentTypeId", "Choose one of the clinic's appointment types.");
  if (data.therapistId) {
    const therapist = await db.user.findFirst({
      where: { id: data.therapistId, clinicId: actor.clinicId, role: "therapist", active: true },
      select: { id: true },
    });
    if (!therapist) throw fieldError("therapistId", "Choose one of the clinic's therapists, or any therapist.");
  }

  return db.$transaction(async (tx) => {
    // Two tabs adding at once must not both pass the duplicate check: queue them per patient.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`waitlist:${patientId}`}, 0))`;
    const existing = await tx.waitlistEntry.findFirst({
      where: {
        clinicId: actor.clinicId,
        patientId,
        appointmentTypeId: type.id,
        status: { in: [...OPEN_ENTRY_STATUSES] },
      },
      select: { id: true },
    });
    if (existing)
      throw new AppError(
        "conflict",
        actor.role === "patient" ? OWN_DUPLICATE_MESSAGE : DUPLICATE_ENTRY_MESSAGE,
        undefined,
        { entryId: existing.id },
      );
    const row = await tx.waitlistEntry.create({
      data: {
        clinicId: actor.clinicId,
        patientId,
        appointmentTypeId: type.id,
        therapistId: data.therapistId,
        weekdays: data.weekdays,
        windows: data.windows,
        earliestDate: dateColumnOf(data.earliestDate),
        latestDate: dateColumnOf(data.latestDate),
        priority: data.priority,
        note: data.note,
        createdVia: actor.role === "patient" ? "portal" : "front_desk",
        createdById: actor.userId,
      },
      select: entrySelect,
    });
    await recordAudit(
      actor,
      {
        action: "waitlist.add",
        patientId,
        recordType: "WaitlistEntry",
        recordId: row.id,
        details: { appointmentTypeId: type.id, priority: data.priority, createdVia: row.createdVia },
      },
      tx,
    );
    return entryDto(row, clinic.timeZone, now);
  });
}
