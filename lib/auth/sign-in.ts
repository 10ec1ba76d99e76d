import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestOrigin } from "./actor";
import { burnPasswordCheck, verifyPassword } from "./password";
import { signInSchema } from "./schema";
import { startSession } from "./sessions";
import { clearSignInFailures, msUntilSignInAllowed, recordSignInFailure } from "./sign-in-throttle";
import { lockedMessage, WRONG_CREDENTIALS } from "./throttle-rules";

export type SignedIn = { userId: string; sessionId: string };

/**
 * Email + password sign-in. An unknown email, a wrong password and a disabled
 * account get the same answer in about the same time; the sixth failure in a
 * row for an account is refused before the password is even checked.
 */
export async function signInWithPassword(input: unknown, origin: RequestOrigin): Promise<SignedIn> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "Enter your email and password.");
  const { email, password } = parsed.data;

  const waitMs = await msUntilSignInAllowed(email, origin.ip);
  if (waitMs > 0) {
    await recordAudit({ ...origin }, { action: "auth.sign_in_throttled", outcome: "denied", details: { email } });
    throw new AppError("rate_limited", lockedMessage(waitMs));
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, clinicId: true, role: true, active: true, sessionVersion: true, passwordHash: true },
  });
  const ok =
    user?.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, password)
      : (await burnPasswordCheck(password), false);
  if (!user || !ok) {
    await recordSignInFailure(email, origin.ip);
    await recordAudit(
      { ...origin, clinicId: user?.clinicId ?? null, actorId: user?.id ?? null, role: user?.role ?? "anonymous" },
      {
        action: "auth.sign_in_failed",
        outcome: "failed",
        details: { email, reason: !user ? "unknown_email" : !user.active ? "disabled" : "wrong_password" },
      },
    );
    throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  await clearSignInFailures(email);
  const sessionId = await startSession(user, origin);
  return { userId: user.id, sessionId };
}
