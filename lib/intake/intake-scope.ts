import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLinkActor, type IntakeActor } from "./intake-actor";

const NO_ONE = "00000000-0000-0000-0000-000000000000";

/**
 * The one intake a patient-side actor may fill: the link's own intake, or one
 * of the signed-in patient's own. Anything else is a 404, never a 403 that
 * would confirm the intake exists.
 */
export async function fillableIntakeWhere(actor: IntakeActor, intakeId: string): Promise<Prisma.IntakeWhereInput> {
  if (!z.uuid().safeParse(intakeId).success) throw notFound("That intake");
  if (isLinkActor(actor)) {
    if (intakeId !== actor.intakeId) throw notFound("That intake");
    return { id: intakeId, clinicId: actor.clinicId, patientId: actor.patientId };
  }
  await assertCan(actor, "intake:write:own");
  return { id: intakeId, clinicId: actor.clinicId, patientId: actor.patientId ?? NO_ONE };
}
