import "server-only";
import type { RequestOrigin } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/time/format";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { parseInput } from "@/lib/validation";
import { issueAccountToken } from "./account-token";
import { consumeResetAllowance } from "./reset-throttle";
import { RESET_REQUESTED_MESSAGE } from "./reset-throttle-rules";
import { requestPasswordResetSchema } from "./schema";

/**
 * "Forgot your password?": emails a 30-minute, single-use link to an active
 * account with that address. The answer is the same whether or not one
 * exists, and both paths do a lookup, a token and an audit write, so neither
 * the words nor the work tell them apart. Throttled per address and per IP.
 */
export async function requestPasswordReset(input: unknown, origin: RequestOrigin, now = new Date()) {
  const { email } = parseInput(requestPasswordResetSchema, input);
  await consumeResetAllowance(email, origin.ip);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, clinicId: true, name: true, role: true, active: true },
  });
  if (!user || !user.active) {
    // Nothing is sent; the row says why without the address typed (it may not be anyone's) or any patient data.
    await db.$transaction((tx) =>
      recordAudit(
        { ...origin, clinicId: user?.clinicId ?? null },
        {
          action: "auth.password_reset_request",
          outcome: "denied",
          ...(user ? { recordType: "User", recordId: user.id } : {}),
          details: { reason: user ? "inactive" : "unknown_address" },
        },
        tx,
      ),
    );
    return { message: RESET_REQUESTED_MESSAGE };
  }
  await db.$transaction(async (tx) => {
    const link = await issueAccountToken(
      tx,
      { purpose: "password_reset", clinicId: user.clinicId, email, userId: user.id },
      now,
    );
    const clinic = await tx.clinic.findUniqueOrThrow({
      where: { id: user.clinicId },
      select: { name: true, timeZone: true },
    });
    await enqueueMessage(tx, {
      clinicId: user.clinicId,
      kind: "account.password_reset",
      to: email,
      dedupeKey: `password-reset:${link.id}`,
      subject: `${clinic.name}: reset your Mend password`,
      text: [
        `Hello ${user.name},`,
        "",
        "Someone asked to reset the password of your Mend account. If it was you, open this link to choose a new one:",
        "",
        link.url,
        "",
        `The link works once, until ${formatDateTime(link.expiresAt, clinic.timeZone)} (30 minutes).`,
        "If it was not you, ignore this email: your password stays as it is.",
      ].join("\n"),
    });
    await recordAudit(
      { ...origin, clinicId: user.clinicId },
      {
        action: "auth.password_reset_request",
        recordType: "User",
        recordId: user.id,
        details: { linkId: link.id },
      },
      tx,
    );
  });
  return { message: RESET_REQUESTED_MESSAGE };
}
