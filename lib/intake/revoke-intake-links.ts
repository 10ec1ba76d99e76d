import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

/** Stops every live link of an intake at once; the draft stays for a later resend. */
export async function revokeIntakeLinks(actor: Actor, intakeId: string, now = new Date()) {
  await assertCan(actor, "intake-link:send");
  if (!z.uuid().safeParse(intakeId).success) throw notFound("That intake");
  return db.$transaction(async (tx) => {
    const intake = await tx.intake.findFirst({
      where: { id: intakeId, clinicId: actor.clinicId },
      select: { id: true, patientId: true, status: true },
    });
    if (!intake) throw notFound("That intake");
    if (intake.status === "submitted")
      throw new AppError("conflict", "This intake is already submitted; its link no longer works.");
    const { count } = await tx.intakeLink.updateMany({
      where: { intakeId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    if (count === 0) throw new AppError("conflict", "There is no working link to revoke.");
    await recordAudit(
      actor,
      {
        action: "intake_link.revoke",
        patientId: intake.patientId,
        recordType: "Intake",
        recordId: intakeId,
        details: { count },
      },
      tx,
    );
    return { revoked: count };
  });
}
