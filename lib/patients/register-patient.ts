import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { registerPatientSchema } from "./schema";

export async function registerPatient(actor: Actor, input: unknown) {
  await assertCan(actor, "patient:register");
  const data = parseInput(registerPatientSchema, input);
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.create({
      data: { ...data, dateOfBirth: new Date(`${data.dateOfBirth}T00:00:00Z`), clinicId: actor.clinicId },
      select: { id: true, firstName: true, lastName: true },
    });
    await recordAudit(
      actor,
      { action: "patient.create", patientId: patient.id, recordType: "Patient", recordId: patient.id },
      tx,
    );
    return patient;
  });
}
