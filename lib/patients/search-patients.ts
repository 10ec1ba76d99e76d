import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { patientSearchSchema } from "./schema";
import { patientSummarySelect } from "./get-patient";
import { dateColumnOf } from "@/lib/time/date-column";

/**
 * Clinic patients by name, phone or date of birth (YYYY-MM-DD), for the front
 * desk and therapists. Inactive patients only when asked for (decision 058).
 */
export async function searchPatients(actor: Actor, input: unknown) {
  await assertCan(actor, "patient:read:demographics");
  const { q, take, includeInactive } = parseInput(patientSearchSchema, input);
  const or: Prisma.PatientWhereInput[] = [];
  for (const term of q.split(/\s+/).filter(Boolean)) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(term)) {
      or.push({ dateOfBirth: dateColumnOf(term) });
    } else if (/^[+\d().\s-]{4,}$/.test(term)) {
      or.push({ phone: { contains: term.replace(/\D/g, "").slice(-7) } });
    } else {
      or.push(
        { firstName: { contains: term, mode: "insensitive" } },
        { lastName: { contains: term, mode: "insensitive" } },
        { preferredName: { contains: term, mode: "insensitive" } },
      );
    }
  }
  const patients = await db.patient.findMany({
    where: { clinicId: actor.clinicId, ...(includeInactive ? {} : { active: true }), ...(or.length ? { OR: or } : {}) },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take,
    select: patientSummarySelect,
  });
  await recordAudit(actor, { action: "patient.search", details: { results: patients.length } });
  return patients;
}
