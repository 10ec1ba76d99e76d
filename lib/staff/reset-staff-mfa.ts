import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { requireRecentReauth } from "@/lib/auth/mfa";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

const schema = z.object({ userId: z.uuid("Unknown user.") });

/**
 * For a staff member who lost their phone and recovery codes: clears their
 * authenticator and recovery codes and ends their sessions; they enrol again at
 * their next sign-in. The admin must have just confirmed their own identity.
 */
export async function resetStaffMfa(actor: Actor, input: unknown): Promise<void> {
  await assertCan(actor, "staff:manage");
  await requireRecentReauth(actor);
  const { userId } = parseInput(schema, input);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, clinicId: actor.clinicId, role: { not: "patient" } },
      data: { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw notFound("That staff member");
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    await recordAudit(actor, { action: "staff.mfa_reset", recordType: "User", recordId: userId }, tx);
  });
}
