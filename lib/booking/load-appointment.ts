import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STATUS_LABEL } from "./status-rules";

/** The appointments an actor may touch: their own for a patient, their clinic's for staff. */
export function visibleAppointments(actor: Actor): Prisma.AppointmentWhereInput {
  if (actor.role === "patient")
    return { clinicId: actor.clinicId, patientId: actor.patientId ?? "00000000-0000-0000-0000-000000000000" };
  return { clinicId: actor.clinicId };
}

const idSchema = z.uuid();

/** 404 (never 403) for an appointment out of reach, audited, so ids cannot be probed. */
export async function findVisibleAppointment<S extends Prisma.AppointmentSelect>(
  actor: Actor,
  appointmentId: string,
  select: S,
) {
  const row = idSchema.safeParse(appointmentId).success
    ? await db.appointment.findFirst({ where: { AND: [{ id: appointmentId }, visibleAppointments(actor)] }, select })
    : null;
  if (!row) {
    await recordAudit(actor, {
      action: "access.denied",
      outcome: "denied",
      recordType: "Appointment",
      recordId: appointmentId.slice(0, 64),
    });
    throw notFound("That appointment");
  }
  return row;
}

/**
 * A compare-and-set update changed nothing: say why. Someone else changed it
 * first (version moved on) or its status does not allow this.
 */
export function casFailure(
  current: { version: number; status: keyof typeof STATUS_LABEL },
  expectedVersion: number,
  what: string,
): AppError {
  if (current.version !== expectedVersion)
    return new AppError(
      "conflict",
      `Someone else changed this appointment a moment ago (it is now ${STATUS_LABEL[current.status].toLowerCase()}). Reload and try again.`,
    );
  return new AppError("conflict", `A ${STATUS_LABEL[current.status].toLowerCase()} appointment cannot be ${what}.`);
}
