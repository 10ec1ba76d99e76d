import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { dateColumnOf, localDateOfDateColumn } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { likelyDuplicates } from "./duplicate-rules";
import { LikelyDuplicateError } from "./patient-errors";
import { clinicCountry, phonesToE164 } from "./phone-fields";
import { assertPrimaryTherapist } from "./primary-therapist";
import { registerPatientSchema } from "./schema";

/**
 * Registers a patient. Before creating one, looks for a likely duplicate in
 * the clinic (same date of birth, similar name: duplicate-rules.ts), active or
 * not, and refuses with the candidates (409) unless the request says
 * `confirmDuplicate: true`; the candidates carry id, name and date of birth
 * only, enough to tell two records apart.
 */
export async function registerPatient(actor: Actor, input: unknown) {
  await assertCan(actor, "patient:register");
  const { confirmDuplicate, primaryTherapistId, ...typed } = parseInput(registerPatientSchema, input);
  const data = phonesToE164(typed, ["phone"], await clinicCountry(actor.clinicId));
  const dateOfBirth = dateColumnOf(data.dateOfBirth);
  return db.$transaction(async (tx) => {
    if (primaryTherapistId) await assertPrimaryTherapist(tx, actor.clinicId, primaryTherapistId);
    if (!confirmDuplicate) {
      const sameBirthday = await tx.patient.findMany({
        where: { clinicId: actor.clinicId, dateOfBirth },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        take: 200,
        select: { id: true, firstName: true, lastName: true, preferredName: true, dateOfBirth: true },
      });
      const candidates = likelyDuplicates(
        data,
        sameBirthday.map((p) => ({ ...p, dateOfBirth: localDateOfDateColumn(p.dateOfBirth) })),
      ).map(({ id, firstName, lastName, dateOfBirth }) => ({ id, firstName, lastName, dateOfBirth }));
      if (candidates.length) throw new LikelyDuplicateError(candidates.slice(0, 10));
    }
    const patient = await tx.patient.create({
      data: { ...data, dateOfBirth, primaryTherapistId: primaryTherapistId ?? null, clinicId: actor.clinicId },
      select: { id: true, firstName: true, lastName: true },
    });
    await recordAudit(
      actor,
      {
        action: "patient.create",
        patientId: patient.id,
        recordType: "Patient",
        recordId: patient.id,
        details: confirmDuplicate ? { confirmedDespiteLikelyDuplicate: true } : undefined,
      },
      tx,
    );
    return patient;
  });
}
