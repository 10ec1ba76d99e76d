import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordFreedTime, wakeOfferPass } from "@/lib/waitlist/freed-times";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { enqueueAppointmentEmail, messageAppointmentSelect } from "./appointment-messages";
import { assertMayBook } from "./booking-access";
import { bookingContext } from "./booking-settings";
import { casFailure, findVisibleAppointment } from "./load-appointment";
import { cancelAppointmentSchema } from "./schema";
import { isLateCancellation, patientMayCancel } from "./status-rules";

/**
 * Cancels one appointment (one occurrence of a series is just that row: the
 * others are untouched). Compare-and-set; a reason is required; a patient's
 * cancellation inside the clinic's window is recorded as late.
 */
export async function cancelAppointment(actor: Actor, appointmentId: string, input: unknown, now = new Date()) {
  await assertMayBook(actor);
  const data = parseInput(cancelAppointmentSchema, input);
  const initiatedBy = actor.role === "patient" ? "patient" : data.initiatedBy;
  const current = await findVisibleAppointment(actor, appointmentId, {
    id: true,
    patientId: true,
    status: true,
    version: true,
    startsAt: true,
    therapistId: true,
    blockedUntil: true,
  });
  if (actor.role === "patient" && !patientMayCancel(current.startsAt.getTime(), now.getTime()))
    throw new AppError("conflict", "This appointment has already started. Please call the clinic.");
  const { clinic, settings } = await bookingContext(actor.clinicId);
  const late =
    initiatedBy === "patient" &&
    isLateCancellation(current.startsAt.getTime(), now.getTime(), settings.lateCancellationHours);

  const cancelled = await db.$transaction(async (tx) => {
    const rows = await tx.appointment.updateManyAndReturn({
      where: { id: current.id, clinicId: actor.clinicId, version: data.expectedVersion, status: "booked" },
      data: {
        status: "cancelled",
        version: { increment: 1 },
        icsSequence: { increment: 1 },
        cancelledAt: now,
        cancelledById: actor.userId,
        cancelledByRole: actor.role,
        cancelReason: data.reason,
        lateCancellation: late,
      },
      select: { ...appointmentSelect, ...messageAppointmentSelect },
    });
    const row = rows[0];
    if (!row) {
      const fresh = await tx.appointment.findUniqueOrThrow({
        where: { id: current.id },
        select: { status: true, version: true },
      });
      throw casFailure(fresh, data.expectedVersion, "cancelled");
    }
    await recordAudit(
      actor,
      {
        action: "appointment.cancel",
        patientId: current.patientId,
        recordType: "Appointment",
        recordId: current.id,
        details: { late, initiatedBy },
      },
      tx,
    );
    await enqueueAppointmentEmail(tx, "cancellation", row, clinic);
    if (current.startsAt.getTime() > now.getTime())
      await recordFreedTime(tx, {
        clinicId: actor.clinicId,
        therapistId: current.therapistId,
        startsAt: current.startsAt,
        endsAt: current.blockedUntil,
        sourceKey: `cancel:${current.id}:${current.startsAt.toISOString()}`,
        freedAt: now,
      });
    return appointmentDto(row);
  });
  await wakeOfferPass();
  return cancelled;
}
