import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { patientOutOfReach, visiblePatients } from "@/lib/patients/patient-access";
import { todayIn, type LocalDate } from "@/lib/time/calendar-rules";
import { z } from "zod";

const uuid = z.uuid();

/**
 * The patient whose program is being read or changed, if the actor may: a
 * patient only themself (read), prescribers anyone in their clinic. Front desk
 * has no program permission at all ("minimum necessary").
 */
export async function programPatient(actor: Actor, patientId: string, purpose: "read" | "write") {
  const permission =
    purpose === "write" ? "program:write" : actor.role === "patient" ? "program:read:own" : "program:read";
  await assertCan(actor, permission, { patientId: uuid.safeParse(patientId).success ? patientId : null });
  if (!uuid.safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    where: { AND: [{ id: patientId }, visiblePatients(actor)] },
    select: { id: true, firstName: true, lastName: true, preferredName: true, email: true },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  return patient;
}

export type ClinicClock = { name: string; phone: string; timeZone: string; today: LocalDate; now: Date };

/** The clinic's name, phone and zone, and what day it is there. */
export async function clinicClock(clinicId: string, now = new Date()): Promise<ClinicClock> {
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: clinicId },
    select: { name: true, phone: true, timeZone: true },
  });
  return { ...clinic, today: todayIn(clinic.timeZone, now), now };
}
