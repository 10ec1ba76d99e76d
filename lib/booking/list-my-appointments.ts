import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { zoneDisplayName } from "@/lib/time/format";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { bookingContext } from "./booking-settings";
import { isLateCancellation, patientMayCancel, patientMayReschedule } from "./status-rules";

/** A patient's own appointments, upcoming and past, with what they may still do to each. */
export async function listMyAppointments(actor: Actor, now = Date.now()) {
  await assertCan(actor, "appointment:read:own");
  if (!actor.patientId)
    throw new AppError("forbidden", "Your account is not linked to a patient record yet. Please call the clinic.");
  const { clinic, settings } = await bookingContext(actor.clinicId);
  const rows = await db.appointment.findMany({
    where: { clinicId: actor.clinicId, patientId: actor.patientId },
    orderBy: { startsAt: "asc" },
    select: {
      ...appointmentSelect,
      therapist: { select: { name: true } },
      appointmentType: { select: { name: true, colour: true, onlineBookable: true } },
    },
  });
  await recordAudit(actor, {
    action: "appointment.list_own",
    patientId: actor.patientId,
    details: { count: rows.length },
  });
  const list = rows.map((r) => {
    const start = r.startsAt.getTime();
    const changeable = r.status === "booked" && r.appointmentType.onlineBookable;
    return {
      ...appointmentDto(r),
      therapistName: r.therapist.name,
      typeName: r.appointmentType.name,
      colour: r.appointmentType.colour,
      canReschedule: changeable && patientMayReschedule(start, now, settings.lateCancellationHours),
      canCancel: r.status === "booked" && patientMayCancel(start, now),
      cancelWouldBeLate: r.status === "booked" && isLateCancellation(start, now, settings.lateCancellationHours),
    };
  });
  return {
    timeZone: clinic.timeZone,
    timeZoneName: zoneDisplayName(clinic.timeZone, now),
    clinicPhone: clinic.phone,
    lateCancellationHours: settings.lateCancellationHours,
    upcoming: list.filter((a) => Date.parse(a.endsAt) > now && a.status !== "cancelled"),
    past: list.filter((a) => !(Date.parse(a.endsAt) > now && a.status !== "cancelled")).reverse(),
  };
}
