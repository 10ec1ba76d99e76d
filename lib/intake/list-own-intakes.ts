import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { IntakeKind } from "./steps";

export type OwnIntake = {
  id: string;
  kind: IntakeKind;
  status: "draft" | "submitted";
  lastSavedAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
};

/** A signed-in patient's own intakes, for the portal: pending ones to open, submitted ones to read. */
export async function listOwnIntakes(actor: Actor): Promise<OwnIntake[]> {
  await assertCan(actor, "intake:read:own");
  if (!actor.patientId) return [];
  return db.intake.findMany({
    where: { clinicId: actor.clinicId, patientId: actor.patientId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, status: true, lastSavedAt: true, submittedAt: true, createdAt: true },
  });
}
