import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const acknowledgeRedFlagSchema = z.object({
  note: z
    .string({ error: "Write a short note on what you did." })
    .trim()
    .min(3, "Write a short note on what you did (for example: called patient, sent to ED).")
    .max(2000, "Keep the note under 2000 characters."),
});

/** A clinician clears a flag with a note. Audited in the same transaction; a second acknowledgement is refused. */
export async function acknowledgeRedFlag(actor: Actor, flagId: string, input: unknown, now = new Date()) {
  await assertCan(actor, "red-flag:acknowledge");
  const { note } = parseInput(acknowledgeRedFlagSchema, input);
  if (!z.uuid().safeParse(flagId).success) throw notFound("That red flag");
  return db.$transaction(async (tx) => {
    const flag = await tx.redFlag.findFirst({
      where: { id: flagId, clinicId: actor.clinicId },
      select: { id: true, patientId: true, tier: true, ruleId: true, acknowledgedAt: true },
    });
    if (!flag) throw notFound("That red flag");
    const updated = await tx.redFlag.updateMany({
      where: { id: flagId, acknowledgedAt: null },
      data: {
        acknowledgedAt: now,
        acknowledgedById: actor.userId,
        acknowledgedByName: actor.name,
        acknowledgementNote: note,
      },
    });
    if (updated.count !== 1) throw new AppError("conflict", "Someone has already acknowledged this flag.");
    await recordAudit(
      actor,
      {
        action: "red_flag.acknowledge",
        patientId: flag.patientId,
        recordType: "RedFlag",
        recordId: flag.id,
        details: { tier: flag.tier, ruleId: flag.ruleId },
      },
      tx,
    );
    return { id: flag.id, acknowledgedAt: now };
  });
}
