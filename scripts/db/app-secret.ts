import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./migrations";

/**
 * NEXTAUTH_SECRET for local runs: the environment's, or one generated once
 * into .data/nextauth-secret (it also seals the demo TOTP secrets, so it must
 * stay the same across runs).
 */
export function appSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(ROOT, ".data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export function mfaKeyMaterial(): string {
  return process.env.MFA_ENCRYPTION_KEY ?? appSecret();
}

export function auditChainKey(): string {
  return process.env.AUDIT_CHAIN_KEY ?? appSecret();
}
