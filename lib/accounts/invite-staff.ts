import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { inviteStaffSchema } from "./schema";
import { issueStaffInvitation } from "./staff-invitation-mail";

export const ACCOUNT_EXISTS = "An account with this email address already exists.";

/**
 * Admin invites a therapist, front-desk user or admin by email. No password
 * changes hands: the emailed link lets the person choose their own, and their
 * first sign-in enrols an authenticator. Inviting an address again replaces
 * its earlier pending invitation (the old link stops working).
 */
export async function inviteStaff(actor: Actor, input: unknown, now = new Date()) {
  await assertCan(actor, "staff:manage");
  const data = parseInput(inviteStaffSchema, input);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } }))
    throw new AppError("conflict", ACCOUNT_EXISTS, { email: [ACCOUNT_EXISTS] });
  return db.$transaction(async (tx) => {
    const replaced = await tx.accountToken.updateMany({
      where: {
        clinicId: actor.clinicId,
        purpose: "staff_invitation",
        email: data.email,
        usedAt: null,
        revokedAt: null,
      },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    const link = await issueStaffInvitation(tx, actor, data, now);
    await recordAudit(
      actor,
      {
        action: "staff.invitation_send",
        recordType: "AccountToken",
        recordId: link.id,
        details: { role: data.role, replaced: replaced.count },
      },
      tx,
    );
    return { id: link.id, email: data.email, name: data.name, role: data.role, expiresAt: link.expiresAt };
  });
}
