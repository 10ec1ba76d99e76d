import "server-only";
import type { RequestOrigin } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { clearSignInFailures } from "@/lib/auth/sign-in-throttle";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { parseInput } from "@/lib/validation";
import { findUsableToken, redeemToken } from "./redeem-token";
import { completePasswordResetSchema } from "./schema";

/**
 * Sets the new password from a reset link. Every session of the account ends
 * (session version bump), the account's other reset links stop working, and
 * a "your password was changed" email goes out. It signs nobody in: staff
 * then sign in with the new password and their authenticator code as always.
 */
export async function completePasswordReset(input: unknown, origin: RequestOrigin, now = new Date()) {
  const data = parseInput(completePasswordResetSchema, input);
  const link = await findUsableToken(data.token, ["password_reset"], now);
  const user = await db.user.findUniqueOrThrow({
    where: { id: link.userId! },
    select: { id: true, clinicId: true, email: true, name: true, role: true, active: true },
  });
  if (!user.active)
    throw new AppError("gone", "This account is disabled, so its password cannot be reset. Contact your clinic.");
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    await redeemToken(tx, link.id, "password_reset", now);
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    const others = await tx.accountToken.updateMany({
      where: { userId: user.id, purpose: "password_reset", usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const clinic = await tx.clinic.findUniqueOrThrow({
      where: { id: user.clinicId },
      select: { name: true, phone: true, timeZone: true },
    });
    await enqueueMessage(tx, {
      clinicId: user.clinicId,
      kind: "account.password_changed",
      to: user.email,
      dedupeKey: `password-changed:${link.id}`,
      subject: `${clinic.name}: your Mend password was changed`,
      text: [
        `Hello ${user.name},`,
        "",
        `The password of your Mend account was changed on ${formatDateTime(now, clinic.timeZone)} with a reset link. Every device that was signed in has been signed out.`,
        "",
        `If this was not you, call ${clinic.name} at ${clinic.phone} right away.`,
      ].join("\n"),
    });
    await recordAudit(
      { ...origin, clinicId: user.clinicId, actorId: user.id, role: user.role },
      {
        action: "auth.password_reset",
        recordType: "User",
        recordId: user.id,
        details: { linkId: link.id, otherLinksRevoked: others.count },
      },
      tx,
    );
  });
  // A lock from earlier wrong guesses should not outlast a proven reset.
  await clearSignInFailures(user.email);
  return { role: user.role };
}
