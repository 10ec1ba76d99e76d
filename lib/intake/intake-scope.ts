import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditWho, isLinkActor, type IntakeActor } from "./intake-actor";

const NO_ONE = "00000000-0000-0000-0000-000000000000";

/**
 * The one intake a patient-side actor may fill: the link's own intake, or one
 * of the signed-in patient's own. Anything else is a 404, never a 403 that
 * would confirm the intake exists.
 */
export async function fillableIntakeWhere(actor: IntakeActor, intakeId: string): Promise<Prisma.IntakeWhereInput> {
  if (!z.uuid().safeParse(intakeId).success) return intakeOutOfReach(actor, intakeId);
  if (isLinkActor(actor)) {
    if (intakeId !== actor.intakeId) return intakeOutOfReach(actor, intakeId);
    return { id: intakeId, clinicId: actor.clinicId, patientId: actor.patientId };
  }
  await assertCan(actor, "intake:write:own");
  return { id: intakeId, clinicId: actor.clinicId, patientId: actor.patientId ?? NO_ONE };
}

/**
 * An intake the actor may not reach (or that does not exist): 404, and the
 * attempt is audited like every other denial. Written outside any transaction
 * the caller has open, so the audit row survives the rollback.
 */
export async function intakeOutOfReach(actor: IntakeActor, intakeId: string): Promise<never> {
  await recordAudit(auditWho(actor), {
    action: "access.denied",
    outcome: "denied",
    recordType: "Intake",
    recordId: intakeId,
  });
  throw notFound("That intake");
}
