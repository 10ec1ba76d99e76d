import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. Only its hash is stored, so a database leak yields no working links. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Shape check before any database lookup: 43 base64url characters. */
export function looksLikeLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
