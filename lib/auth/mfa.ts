import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { mfaKeyMaterial } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor, RequestOrigin } from "./actor";
import { openSecret, sealSecret } from "./mfa-crypto";
import {
  checkTotp,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  MFA_FAILURE_LIMIT,
  newRecoveryCodes,
  newTotpSecret,
  totpUri,
} from "./mfa-rules";
import { verifyPassword } from "./password";
import { endSession, type MfaPending } from "./sessions";
import { recordSignInFailure } from "./sign-in-throttle";

const codeSchema = z.object({
  code: z.string({ error: "Enter the code." }).trim().min(1, "Enter the code.").max(40, "That code is too long."),
});

const WRONG_CODE = "That code didn't work. Check your authenticator app and try again.";

async function loadMfaUser(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      clinicId: true,
      role: true,
      email: true,
      mfaSecret: true,
      mfaEnabledAt: true,
      mfaLastStep: true,
    },
  });
}

/** First sign-in of a staff member: a new secret to scan (kept until confirmed, so a reload shows the same one). */
export async function beginEnrolment(pending: MfaPending): Promise<{ secret: string; uri: string }> {
  const user = await loadMfaUser(pending.userId);
  if (user.mfaEnabledAt) throw new AppError("conflict", "Two-step sign-in is already set up for this account.");
  let secret = user.mfaSecret ? openSecret(user.mfaSecret, mfaKeyMaterial()) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { mfaSecret: sealSecret(secret, mfaKeyMaterial()) } });
  }
  return { secret, uri: totpUri(secret, user.email) };
}

async function countFailure(
  pending: MfaPending,
  origin: RequestOrigin,
  clinicId: string,
  role: string,
): Promise<never> {
  const session = await db.authSession.update({
    where: { id: pending.sessionId },
    data: { mfaFailures: { increment: 1 } },
    select: { mfaFailures: true },
  });
  await recordAudit(
    { ...origin, clinicId, actorId: pending.userId, role },
    { action: "auth.mfa_failed", outcome: "failed", recordType: "AuthSession", recordId: pending.sessionId },
  );
  if (session.mfaFailures >= MFA_FAILURE_LIMIT) {
    // Too many guesses: the password alone must not keep the door half open.
    await endSession(pending.sessionId, "mfa_failed", origin);
    await recordSignInFailure(pending.email, origin.ip);
    throw new AppError("unauthenticated", "Too many wrong codes. Please sign in again.");
  }
  throw new AppError("validation", WRONG_CODE, { code: [WRONG_CODE] });
}

async function markVerified(pending: MfaPending, origin: RequestOrigin, clinicId: string, role: string, how: string) {
  await db.$transaction(async (tx) => {
    await tx.authSession.update({
      where: { id: pending.sessionId },
      data: { mfaVerifiedAt: new Date(), mfaFailures: 0 },
    });
    await recordAudit(
      { ...origin, clinicId, actorId: pending.userId, role },
      { action: "auth.mfa_verified", recordType: "AuthSession", recordId: pending.sessionId, details: { how } },
      tx,
    );
  });
}

/** Accepts a TOTP code once (compare-and-set on the last used step, so two requests cannot both use it). */
async function consumeTotp(userId: string, sealed: string, lastStep: number | null, code: string): Promise<boolean> {
  const check = checkTotp(openSecret(sealed, mfaKeyMaterial()), code, lastStep, Date.now());
  if (!check.ok) return false;
  const updated = await db.user.updateMany({
    where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: check.step } }] },
    data: { mfaLastStep: check.step },
  });
  return updated.count === 1;
}

async function consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
  const used = await db.mfaRecoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

async function storeNewRecoveryCodes(userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.$transaction([
    db.mfaRecoveryCode.deleteMany({ where: { userId } }),
    db.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) }),
  ]);
  return codes;
}

/** Confirms the scanned secret with a first code; returns recovery codes to show once. */
export async function completeEnrolment(
  pending: MfaPending,
  input: unknown,
  origin: RequestOrigin,
): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(codeSchema, input);
  const user = await loadMfaUser(pending.userId);
  if (user.mfaEnabledAt || !user.mfaSecret) throw new AppError("conflict", "Start again from the sign-in page.");
  if (!(await consumeTotp(user.id, user.mfaSecret, user.mfaLastStep, code)))
    return countFailure(pending, origin, user.clinicId, user.role);
  await db.user.update({ where: { id: user.id }, data: { mfaEnabledAt: new Date() } });
  const recoveryCodes = await storeNewRecoveryCodes(user.id);
  await recordAudit(
    { ...origin, clinicId: user.clinicId, actorId: user.id, role: user.role },
    { action: "auth.mfa_enrolled", recordType: "User", recordId: user.id },
  );
  await markVerified(pending, origin, user.clinicId, user.role, "enrolment");
  return { recoveryCodes };
}

/** The second step of a staff sign-in: an authenticator code or an unused recovery code. */
export async function verifySecondFactor(pending: MfaPending, input: unknown, origin: RequestOrigin): Promise<void> {
  const { code } = parseInput(codeSchema, input);
  const user = await loadMfaUser(pending.userId);
  if (!user.mfaEnabledAt || !user.mfaSecret) throw new AppError("conflict", "Set up two-step sign-in first.");
  const recovery = looksLikeRecoveryCode(code);
  const ok = recovery
    ? await consumeRecoveryCode(user.id, code)
    : await consumeTotp(user.id, user.mfaSecret, user.mfaLastStep, code);
  if (!ok) return countFailure(pending, origin, user.clinicId, user.role);
  await markVerified(pending, origin, user.clinicId, user.role, recovery ? "recovery_code" : "totp");
}

const REAUTH_WINDOW_MS = 5 * 60_000;

const reauthSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
  code: z.string().trim().max(40).optional(),
});

/**
 * Step-up before changing email, password or two-step settings: the password
 * again, and for staff a fresh authenticator (or recovery) code. Opens a
 * 5-minute window on this session only.
 */
export async function confirmIdentity(actor: Actor, input: unknown): Promise<void> {
  const { password, code } = parseInput(reauthSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true, mfaSecret: true, mfaEnabledAt: true, mfaLastStep: true },
  });
  const wrong = (field: "password" | "code", message: string) =>
    new AppError("validation", message, { [field]: [message] });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await recordAudit(actor, { action: "auth.reauth_failed", outcome: "failed" });
    throw wrong("password", "That password is not right.");
  }
  if (user.mfaEnabledAt && user.mfaSecret) {
    if (!code) throw wrong("code", "Enter the code from your authenticator app.");
    const ok = looksLikeRecoveryCode(code)
      ? await consumeRecoveryCode(actor.userId, code)
      : await consumeTotp(actor.userId, user.mfaSecret, user.mfaLastStep, code);
    if (!ok) {
      await recordAudit(actor, { action: "auth.reauth_failed", outcome: "failed" });
      throw wrong("code", WRONG_CODE);
    }
  }
  await db.authSession.update({ where: { id: actor.sessionId }, data: { reauthAt: new Date() } });
  await recordAudit(actor, { action: "auth.reauth", recordType: "AuthSession", recordId: actor.sessionId });
}

export async function hasRecentReauth(actor: Actor, now = new Date()): Promise<boolean> {
  const session = await db.authSession.findUnique({ where: { id: actor.sessionId }, select: { reauthAt: true } });
  return Boolean(session?.reauthAt && now.getTime() - session.reauthAt.getTime() < REAUTH_WINDOW_MS);
}

export async function requireRecentReauth(actor: Actor): Promise<void> {
  if (!(await hasRecentReauth(actor)))
    throw new AppError("forbidden", "For your security, confirm it's you first (password and code).");
}

/** New recovery codes replace all old ones (used or not). */
export async function regenerateRecoveryCodes(actor: Actor): Promise<string[]> {
  await requireRecentReauth(actor);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mfaEnabledAt: true } });
  if (!user.mfaEnabledAt) throw new AppError("conflict", "Two-step sign-in is not set up for this account.");
  const codes = await storeNewRecoveryCodes(actor.userId);
  await recordAudit(actor, { action: "auth.recovery_codes_regenerated", recordType: "User", recordId: actor.userId });
  return codes;
}

export async function mfaStatus(userId: string) {
  const [user, unused] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaEnabledAt: true } }),
    db.mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabledAt: user.mfaEnabledAt, unusedRecoveryCodes: unused };
}
