/**
 * Second factor for staff: TOTP (RFC 6238, 30 s steps, 6 digits, SHA-1 — what
 * every authenticator app speaks) plus single-use recovery codes. Pure: the
 * caller stores secrets and the last used step.
 */
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side tolerates a phone clock about 30 s off. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes allowed in one half-signed-in session before it is ended. */
export const MFA_FAILURE_LIMIT = 5;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, accountEmail: string, issuer = "Mend"): string {
  return new TOTP({
    issuer,
    label: accountEmail,
    secret: Secret.fromBase32(secretBase32),
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

export function totpStep(nowMs: number): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: nowMs });
}

export function totpCode(secretBase32: string, nowMs: number): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: nowMs,
  });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "malformed" | "wrong" | "reused" };

/**
 * A code is accepted once: its step must be later than the last step this
 * account used, so a code seen over someone's shoulder is worthless.
 */
export function checkTotp(secretBase32: string, input: string, lastUsedStep: number | null, nowMs: number): TotpCheck {
  const code = input.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "malformed" };
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: nowMs,
    window: WINDOW,
  });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = totpStep(nowMs) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "reused" };
  return { ok: true, step };
}

// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2p-x9qrt" (about 49 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normalizeRecoveryCode(input).length === 10 && !/^\d+$/.test(normalizeRecoveryCode(input));
}

/** Recovery codes are random enough that a plain SHA-256 is a safe way to store them. */
export function hashRecoveryCode(input: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(input)).digest("hex");
}
