import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { z } from "zod";
import { patientOutOfReach, visiblePatients } from "./patient-access";
import { patientDetailsDto, patientDetailsSelect } from "./patient-details";

const idSchema = z.uuid();

export const patientSummarySelect = {
  id: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  dateOfBirth: true,
  email: true,
  phone: true,
  userId: true,
  active: true,
  createdAt: true,
} as const;

/** One patient's demographics, contact details and primary therapist: the patient themself, or staff of their clinic. */
export async function getPatient(actor: Actor, patientId: string) {
  await assertCan(actor, actor.role === "patient" ? "patient:read:own" : "patient:read:demographics");
  if (!idSchema.safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    where: { AND: [{ id: patientId }, visiblePatients(actor)] },
    select: patientDetailsSelect,
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  await recordAudit(actor, { action: "patient.read", patientId, recordType: "Patient", recordId: patientId });
  return patientDetailsDto(patient);
}
