import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { patientOutOfReach } from "./patient-access";
import { patientDetailsDto, patientDetailsSelect, type PatientDetails } from "./patient-details";
import { setPatientActiveSchema } from "./schema";

export type SetPatientActiveResult = {
  patient: PatientDetails;
  /** Visits still booked from now on: marking inactive does not cancel them (docs/decisions/058). */
  upcomingVisits: number;
};

/**
 * Marks a patient inactive (discharged, moved away) or active again. Nothing
 * is deleted: intakes, programs, visits and the portal stay as they were; an
 * inactive patient is left out of default searches and cannot be booked.
 * Asking for the state the patient is already in changes nothing and writes
 * no audit row, so a double click or two people at once end in one change.
 */
export async function setPatientActive(
  actor: Actor,
  patientId: string,
  input: unknown,
  now = new Date(),
): Promise<SetPatientActiveResult> {
  await assertCan(actor, "patient:update");
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const { active, reason } = parseInput(setPatientActiveSchema, input);
  const current = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: { active: true, inactiveReason: true },
  });
  if (!current) return patientOutOfReach(actor, patientId);

  const patient = await db.$transaction(async (tx) => {
    const { count } = await tx.patient.updateMany({
      where: { id: patientId, clinicId: actor.clinicId, active: !active },
      data: active
        ? { active: true, inactiveSince: null, inactiveReason: null }
        : { active: false, inactiveSince: now, inactiveReason: reason ?? null },
    });
    if (count === 1)
      await recordAudit(
        actor,
        {
          action: active ? "patient.reactivate" : "patient.deactivate",
          patientId,
          recordType: "Patient",
          recordId: patientId,
          details: {
            active: { from: !active, to: active },
            inactiveReason: {
              from: current.active ? null : current.inactiveReason,
              to: active ? null : (reason ?? null),
            },
          },
        },
        tx,
      );
    return tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: patientDetailsSelect });
  });
  const upcomingVisits = await db.appointment.count({
    where: { clinicId: actor.clinicId, patientId, status: "booked", startsAt: { gte: now } },
  });
  return { patient: patientDetailsDto(patient), upcomingVisits };
}
