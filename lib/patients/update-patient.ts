import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { patientOutOfReach } from "./patient-access";
import {
  EDITABLE_FIELDS,
  patientDetailsDto,
  patientDetailsSelect,
  type EditableField,
  type PatientDetails,
} from "./patient-details";
import { PatientChangedError } from "./patient-errors";
import { clinicCountry, phonesToE164 } from "./phone-fields";
import { assertPrimaryTherapist } from "./primary-therapist";
import { updatePatientSchema } from "./schema";
import { dateColumnOf } from "@/lib/time/date-column";

export type FieldChanges = Partial<Record<EditableField, { from: string | null; to: string | null }>>;

export type UpdatePatientResult = { patient: PatientDetails; changed: EditableField[] };

/**
 * Corrects a patient's details. Only fields whose value really changes are
 * written, and the audit row holds exactly those, each as { from, to } (the
 * audit log is the one place old values live; they never go to server logs).
 * Nothing changed: nothing written, no audit row. The save names the version
 * the form was loaded with; if someone saved in between, it is refused with
 * the current details (409) and nothing is written (optimistic concurrency,
 * as for programs: docs/decisions/020).
 */
export async function updatePatient(actor: Actor, patientId: string, input: unknown): Promise<UpdatePatientResult> {
  await assertCan(actor, "patient:update");
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const { expectedVersion, ...typed } = parseInput(updatePatientSchema, input);
  const wanted = phonesToE164(typed, ["phone", "emergencyContactPhone"], await clinicCountry(actor.clinicId));
  const current = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: patientDetailsSelect,
  });
  if (!current) return patientOutOfReach(actor, patientId);
  const before = patientDetailsDto(current);

  const changes: FieldChanges = {};
  for (const field of EDITABLE_FIELDS) {
    const to = wanted[field];
    if (to === undefined) continue;
    const from = before[field] ?? null;
    if (to !== from) changes[field] = { from, to };
  }
  const changed = Object.keys(changes) as EditableField[];
  if (changed.length === 0) return { patient: before, changed };
  if (current.version !== expectedVersion) throw new PatientChangedError(before);

  const data: Prisma.PatientUncheckedUpdateManyInput = { version: { increment: 1 } };
  // Consent to texts was given for a number: a new number needs it again (the patient may not own it yet).
  if (changes.phone) Object.assign(data, { textConsentAt: null, textConsentSource: null });
  for (const field of changed) {
    const to = changes[field]!.to;
    if (field === "dateOfBirth") data.dateOfBirth = dateColumnOf(to!);
    else if (field === "firstName" || field === "lastName") data[field] = to!;
    else data[field] = to;
  }

  return db.$transaction(async (tx) => {
    if (changes.primaryTherapistId?.to) await assertPrimaryTherapist(tx, actor.clinicId, changes.primaryTherapistId.to);
    const { count } = await tx.patient.updateMany({
      where: { id: patientId, clinicId: actor.clinicId, version: expectedVersion },
      data,
    });
    if (count === 0) {
      const now = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: patientDetailsSelect });
      throw new PatientChangedError(patientDetailsDto(now));
    }
    await recordAudit(
      actor,
      { action: "patient.update", patientId, recordType: "Patient", recordId: patientId, details: changes },
      tx,
    );
    const after = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: patientDetailsSelect });
    return { patient: patientDetailsDto(after), changed };
  });
}
