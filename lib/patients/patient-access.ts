import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The patients an actor may see at all: their own record for a patient, their
 * clinic's for staff. Every patient query starts from this filter.
 */
export function visiblePatients(actor: Actor): Prisma.PatientWhereInput {
  if (actor.role === "patient")
    return { id: actor.patientId ?? "00000000-0000-0000-0000-000000000000", clinicId: actor.clinicId };
  return { clinicId: actor.clinicId };
}

/**
 * Answers 404 (not 403) for a patient outside the actor's reach, so ids cannot
 * be probed, and audits the attempt.
 */
export async function patientOutOfReach(actor: Actor, patientId: string): Promise<never> {
  await recordAudit(actor, { action: "access.denied", outcome: "denied", recordType: "Patient", recordId: patientId });
  throw notFound("That patient");
}
