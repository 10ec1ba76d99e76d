import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ACCOUNT_EXISTS } from "./invite-staff";
import { invitationIdSchema } from "./schema";
import { issueStaffInvitation } from "./staff-invitation-mail";
import { tokenState } from "./token-rules";

const pending = { purpose: "staff_invitation", usedAt: null, revokedAt: null } as const;

/** Invitations not yet accepted or withdrawn, expired ones included (the admin resends those). */
export async function listStaffInvitations(actor: Actor, now = new Date()) {
  await assertCan(actor, "staff:manage");
  const rows = await db.accountToken.findMany({
    where: { clinicId: actor.clinicId, ...pending },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true, expiresAt: true },
  });
  return rows.map((r) => ({
    ...r,
    name: r.name ?? r.email,
    role: r.role ?? "therapist",
    expired: tokenState({ usedAt: null, revokedAt: null, expiresAt: r.expiresAt }, now) === "expired",
  }));
}

async function findPending(actor: Actor, input: unknown) {
  const { invitationId } = parseInput(invitationIdSchema, input);
  const row = await db.accountToken.findFirst({
    where: { id: invitationId, clinicId: actor.clinicId, ...pending },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!row) throw notFound("That invitation");
  return row;
}

/** A new link with a new 72 hours; the old link stops working at once. */
export async function resendStaffInvitation(actor: Actor, input: unknown, now = new Date()) {
  await assertCan(actor, "staff:manage");
  const old = await findPending(actor, input);
  if (await db.user.findUnique({ where: { email: old.email }, select: { id: true } }))
    throw new AppError("conflict", `${ACCOUNT_EXISTS} Withdraw this invitation instead.`);
  const role = STAFF_ROLES.find((r) => r === old.role) ?? "therapist";
  return db.$transaction(async (tx) => {
    // The guard on usedAt/revokedAt makes a resend racing an acceptance or a second resend lose cleanly.
    const retired = await tx.accountToken.updateMany({
      where: { id: old.id, ...pending },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    if (retired.count !== 1) throw new AppError("conflict", "This invitation was just accepted or withdrawn.");
    const link = await issueStaffInvitation(tx, actor, { email: old.email, name: old.name ?? old.email, role }, now);
    await recordAudit(
      actor,
      {
        action: "staff.invitation_resend",
        recordType: "AccountToken",
        recordId: link.id,
        details: { replaces: old.id, role },
      },
      tx,
    );
    return { id: link.id, email: old.email, expiresAt: link.expiresAt };
  });
}

/** The link stops working; the person can be invited again later. */
export async function revokeStaffInvitation(actor: Actor, input: unknown, now = new Date()) {
  await assertCan(actor, "staff:manage");
  const row = await findPending(actor, input);
  await db.$transaction(async (tx) => {
    const revoked = await tx.accountToken.updateMany({
      where: { id: row.id, ...pending },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    if (revoked.count !== 1) throw new AppError("conflict", "This invitation was just accepted or withdrawn.");
    await recordAudit(actor, { action: "staff.invitation_revoke", recordType: "AccountToken", recordId: row.id }, tx);
  });
  return { id: row.id };
}
