import "server-only";
import type { RequestOrigin } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { findUsableToken, redeemToken } from "./redeem-token";
import { acceptInvitationSchema } from "./schema";

const HAS_ACCOUNT =
  "An account with this email address already exists. Sign in with it, or use “Forgot your password?” on the sign-in page.";

/**
 * The person behind an emailed invitation chooses a password; that creates
 * their account. Staff invitations make a user of the invited role in the
 * inviting clinic, who enrols an authenticator at first sign-in; portal
 * invitations make a patient user joined to the same Patient record. Nobody
 * is signed in here: they sign in normally afterwards.
 */
export async function acceptInvitation(input: unknown, origin: RequestOrigin, now = new Date()) {
  const data = parseInput(acceptInvitationSchema, input);
  const link = await findUsableToken(data.token, ["staff_invitation", "portal_invitation"], now);
  if (await db.user.findUnique({ where: { email: link.email }, select: { id: true } }))
    throw new AppError("conflict", HAS_ACCOUNT);
  const patient = link.patientId
    ? await db.patient.findUniqueOrThrow({
        where: { id: link.patientId },
        select: { id: true, firstName: true, lastName: true, userId: true },
      })
    : null;
  if (patient?.userId) throw new AppError("conflict", "You already have a portal account. Sign in instead.");
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      await redeemToken(tx, link.id, link.purpose, now);
      const role = link.purpose === "portal_invitation" ? "patient" : link.role;
      if (!role) throw new AppError("gone", "This invitation is incomplete. Ask your clinic to send a new one.");
      const user = await tx.user.create({
        data: {
          clinicId: link.clinicId,
          email: link.email,
          name: patient ? `${patient.firstName} ${patient.lastName}` : (link.name ?? link.email),
          role,
          passwordHash,
        },
        select: { id: true, email: true, role: true },
      });
      await tx.accountToken.update({ where: { id: link.id }, data: { userId: user.id } });
      if (patient) {
        const joined = await tx.patient.updateMany({
          where: { id: patient.id, userId: null },
          data: { userId: user.id },
        });
        if (joined.count !== 1) throw new AppError("conflict", "You already have a portal account. Sign in instead.");
      }
      await recordAudit(
        { ...origin, clinicId: link.clinicId, actorId: user.id, role: user.role },
        patient
          ? {
              action: "patient.account_create",
              patientId: patient.id,
              recordType: "User",
              recordId: user.id,
              details: { via: "portal_invitation", invitationId: link.id },
            }
          : {
              action: "staff.invitation_accept",
              recordType: "User",
              recordId: user.id,
              details: { role: user.role, invitationId: link.id },
            },
        tx,
      );
      return { email: user.email, role: user.role };
    });
  } catch (error) {
    // The same address invited twice (two clinics, or a portal and a staff invitation) and accepted at once.
    if (isUniqueViolation(error)) throw new AppError("conflict", HAS_ACCOUNT);
    throw error;
  }
}
