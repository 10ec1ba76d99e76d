import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordFreedTime, wakeOfferPass } from "@/lib/waitlist/freed-times";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { enqueueAppointmentEmail, messageAppointmentSelect } from "./appointment-messages";
import { assertMayBook, assertNoEmergencyFlag, requireTherapistOf } from "./booking-access";
import {
  PATIENT_BUSY_MESSAGE,
  SlotTakenError,
  TAKEN_MESSAGE,
  inactivePatientRefusal,
  overlapRefusal,
} from "./booking-errors";
import { bookingContext } from "./booking-settings";
import { freshSlotsAround } from "./book-appointment";
import { assertBookableStart } from "./check-start";
import { casFailure, findVisibleAppointment } from "./load-appointment";
import { moveAppointmentSchema } from "./schema";
import { patientMayReschedule } from "./status-rules";
import { lockBookingParties } from "./booking-locks";
import { retryOnDeadlock } from "./retry-transaction";
import { assertAuthorizationReason, checkEpisodeAuthorization } from "./episode-authorization";
import { localDateOf } from "@/lib/time/calendar-rules";

/**
 * Moves a booked appointment to another time (and optionally therapist),
 * keeping its length and buffer. Compare-and-set on the version; the
 * exclusion constraints refuse an overlap exactly as for a new booking.
 */
export async function moveAppointment(actor: Actor, appointmentId: string, input: unknown, now = Date.now()) {
  await assertMayBook(actor);
  const data = parseInput(moveAppointmentSchema, input);
  const current = await findVisibleAppointment(actor, appointmentId, {
    id: true,
    patientId: true,
    therapistId: true,
    status: true,
    version: true,
    startsAt: true,
    endsAt: true,
    blockedUntil: true,
    episodeId: true,
    overAuthorizationReason: true,
    appointmentType: { select: { onlineBookable: true, durationMinutes: true, bufferAfterMinutes: true } },
    patient: { select: { active: true } },
  });
  const { clinic, settings } = await bookingContext(actor.clinicId);
  if (actor.role === "patient") {
    // Staff may still move an inactive patient's remaining visits; the patient asks the clinic (decision 058).
    if (!current.patient.active) throw inactivePatientRefusal(actor.role);
    if (!current.appointmentType.onlineBookable)
      throw new AppError("conflict", "This kind of appointment can only be changed by the clinic. Please call us.");
    if (!patientMayReschedule(current.startsAt.getTime(), now, settings.lateCancellationHours))
      throw new AppError(
        "conflict",
        `Appointments can be moved online until ${settings.lateCancellationHours} hours before they start. Please call the clinic.`,
      );
    await assertNoEmergencyFlag(actor, current.patientId);
  }
  const therapistId = data.therapistId ?? current.therapistId;
  if (therapistId !== current.therapistId) await requireTherapistOf(actor.clinicId, therapistId);
  const start = Date.parse(data.startsAt);
  const visitMs = current.endsAt.getTime() - current.startsAt.getTime();
  const bufferMs = current.blockedUntil.getTime() - current.endsAt.getTime();
  await assertBookableStart(actor, {
    therapistId,
    start,
    durationMinutes: visitMs / 60_000,
    timeZone: clinic.timeZone,
    settings,
    now,
  });

  try {
    const moved = await retryOnDeadlock(() =>
      db.$transaction(
        async (tx) => {
          await lockBookingParties(tx, { therapistIds: [therapistId], patientId: current.patientId });
          // The visit stays in its episode; its new date is checked as a new visit would be.
          const episode = await checkEpisodeAuthorization(tx, {
            clinicId: actor.clinicId,
            timeZone: clinic.timeZone,
            patientId: current.patientId,
            episodeId: current.episodeId,
            excludeAppointmentId: current.id,
            dates: [localDateOf(start, clinic.timeZone)],
          });
          // A visit already booked past the authorisation keeps its reason unless staff give a new one.
          const reason = data.overAuthorizationReason ?? current.overAuthorizationReason ?? undefined;
          assertAuthorizationReason(actor.role, episode, reason);
          const rows = await tx.appointment.updateManyAndReturn({
            where: { id: current.id, clinicId: actor.clinicId, version: data.expectedVersion, status: "booked" },
            data: {
              therapistId,
              startsAt: new Date(start),
              endsAt: new Date(start + visitMs),
              blockedUntil: new Date(start + visitMs + bufferMs),
              version: { increment: 1 },
              icsSequence: { increment: 1 },
              // The patient confirmed the old time, not this one: the new time waits for its own confirmation.
              confirmedAt: null,
              confirmedVia: null,
              overAuthorizationReason: episode.beyond[0] ? reason! : null,
            },
            select: { ...appointmentSelect, ...messageAppointmentSelect },
          });
          const row = rows[0];
          if (!row) {
            const fresh = await tx.appointment.findUniqueOrThrow({
              where: { id: current.id },
              select: { status: true, version: true },
            });
            throw casFailure(fresh, data.expectedVersion, "moved");
          }
          await recordAudit(
            actor,
            {
              action: "appointment.move",
              patientId: current.patientId,
              recordType: "Appointment",
              recordId: current.id,
              details: {
                from: current.startsAt.toISOString(),
                to: row.startsAt.toISOString(),
                therapistId,
                ...(episode.beyond[0] && { beyondAuthorization: episode.beyond[0], overAuthorizationReason: reason }),
              },
            },
            tx,
          );
          await enqueueAppointmentEmail(tx, "change", row, clinic, { previousStart: current.startsAt });
          if (current.startsAt.getTime() > now)
            await recordFreedTime(tx, {
              clinicId: actor.clinicId,
              therapistId: current.therapistId,
              startsAt: current.startsAt,
              endsAt: current.blockedUntil,
              sourceKey: `move:${current.id}:${current.startsAt.toISOString()}`,
              freedAt: new Date(now),
            });
          return appointmentDto(row);
        },
        { maxWait: 30_000, timeout: 30_000 },
      ),
    );
    await wakeOfferPass();
    return moved;
  } catch (error) {
    const refused = overlapRefusal(error);
    if (!refused) throw error;
    throw new SlotTakenError(
      refused === "patient" ? PATIENT_BUSY_MESSAGE : TAKEN_MESSAGE,
      await freshSlotsAround(actor, {
        clinicTimeZone: clinic.timeZone,
        settings,
        type: { durationMinutes: visitMs / 60_000, bufferAfterMinutes: bufferMs / 60_000 },
        patientId: current.patientId,
        start,
        now,
      }),
    );
  }
}
