import "server-only";
import { z } from "zod";
import type { RequestOrigin } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashLinkToken, looksLikeLinkToken } from "./link-token";
import { isUniqueViolation } from "@/lib/db-errors";

export const createAccountSchema = z.object({
  setupToken: z.string().refine(looksLikeLinkToken, "This step has expired. Please start again from your link."),
  email: emailSchema,
  password: newPasswordSchema,
});

const EMAIL_TAKEN = "An account with this email already exists. Sign in with it, or use another email.";

/**
 * Right after submitting through a link, a patient without an account chooses
 * a password. The account is a patient User joined to the same Patient record,
 * so the portal shows the same identity. The setup token is single-use and
 * expires within the hour.
 */
export async function createAccountFromIntake(input: unknown, origin: RequestOrigin, now = new Date()) {
  const data = parseInput(createAccountSchema, input);
  const link = await db.intakeLink.findUnique({
    where: { accountSetupHash: hashLinkToken(data.setupToken) },
    select: {
      id: true,
      clinicId: true,
      accountSetupExpiresAt: true,
      intake: {
        select: { patient: { select: { id: true, firstName: true, lastName: true, email: true, userId: true } } },
      },
    },
  });
  if (!link || !link.accountSetupExpiresAt || link.accountSetupExpiresAt <= now) {
    throw new AppError(
      "gone",
      "This step has expired. Ask the clinic to send you an invitation to the patient portal.",
    );
  }
  const patient = link.intake.patient;
  if (patient.userId)
    throw new AppError("conflict", "You already have an account. Sign in with your email and password.");
  const taken = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (taken) throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      // Single use: clearing the hash first means a second request finds nothing to redeem.
      const redeemed = await tx.intakeLink.updateMany({
        where: { id: link.id, accountSetupHash: hashLinkToken(data.setupToken) },
        data: { accountSetupHash: null, accountSetupExpiresAt: null },
      });
      if (redeemed.count !== 1) throw new AppError("gone", "This step has already been used. Sign in instead.");
      const user = await tx.user.create({
        data: {
          clinicId: link.clinicId,
          email: data.email,
          name: `${patient.firstName} ${patient.lastName}`,
          role: "patient",
          passwordHash,
        },
        select: { id: true, email: true },
      });
      const joined = await tx.patient.updateMany({
        where: { id: patient.id, userId: null },
        data: { userId: user.id, ...(patient.email ? {} : { email: data.email }) },
      });
      if (joined.count !== 1)
        throw new AppError("conflict", "You already have an account. Sign in with your email and password.");
      await recordAudit(
        { ...origin, clinicId: link.clinicId, actorId: user.id, role: "patient" },
        {
          action: "patient.account_create",
          patientId: patient.id,
          recordType: "User",
          recordId: user.id,
          details: { via: "intake_link" },
        },
        tx,
      );
      return { email: user.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}
