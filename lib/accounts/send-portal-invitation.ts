import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { patientOutOfReach } from "@/lib/patients/patient-access";
import { issueAccountToken } from "./account-token";

/**
 * Front desk invites a registered patient to the portal (until now accounts
 * only came from submitting an intake). The link lets the patient choose a
 * password; the account joins this same Patient record. Sending again
 * replaces the earlier link. Checked with "patient:register": giving a
 * patient a login is part of registering who they are, not of the intake
 * workflow (decision 050).
 */
export async function sendPortalInvitation(actor: Actor, patientId: string, now = new Date()) {
  await assertCan(actor, "patient:register");
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: { id: true, email: true, userId: true, firstName: true, preferredName: true },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  if (patient.userId) throw new AppError("conflict", "This patient already has a portal account.");
  if (!patient.email)
    throw new AppError("validation", "Add the patient's email address first; the invitation is sent by email.", {
      email: ["The patient has no email address on file."],
    });
  const email = patient.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError(
      "conflict",
      "Another account already uses this patient's email address. Check the address on file with the patient.",
    );
  return db.$transaction(async (tx) => {
    const replaced = await tx.accountToken.updateMany({
      where: { clinicId: actor.clinicId, purpose: "portal_invitation", patientId, usedAt: null, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    const link = await issueAccountToken(
      tx,
      { purpose: "portal_invitation", clinicId: actor.clinicId, email, patientId, createdById: actor.userId },
      now,
    );
    const clinic = await tx.clinic.findUniqueOrThrow({
      where: { id: actor.clinicId },
      select: { name: true, phone: true, timeZone: true },
    });
    // No clinical content in email: who invites, the link, how long it works.
    await enqueueMessage(tx, {
      clinicId: actor.clinicId,
      kind: "patient.portal_invitation",
      to: email,
      patientId,
      dedupeKey: `portal-invitation:${link.id}`,
      subject: `${clinic.name}: your patient portal`,
      text: [
        `Hello ${patient.preferredName ?? patient.firstName},`,
        "",
        `${clinic.name} invites you to its patient portal on Mend: your exercises, appointments and forms in one place.`,
        "Open this link to choose your password:",
        "",
        link.url,
        "",
        `The link works once, until ${formatDateTime(link.expiresAt, clinic.timeZone)}. If you did not expect it, please call us at ${clinic.phone}.`,
      ].join("\n"),
    });
    await recordAudit(
      actor,
      {
        action: "patient.portal_invitation_send",
        patientId,
        recordType: "AccountToken",
        recordId: link.id,
        details: { replaced: replaced.count },
      },
      tx,
    );
    return { id: link.id, email, expiresAt: link.expiresAt, resent: replaced.count > 0 };
  });
}
