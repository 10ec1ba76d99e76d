import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/auth/permissions";
import { newLinkToken } from "@/lib/intake/link-token";
import { tokenExpiry, type AccountTokenPurpose } from "./token-rules";

/** The page each kind of link opens. */
const LINK_PATH: Record<AccountTokenPurpose, string> = {
  staff_invitation: "/invitation",
  portal_invitation: "/invitation",
  password_reset: "/reset-password",
};

type NewToken = {
  purpose: AccountTokenPurpose;
  clinicId: string;
  email: string;
  name?: string | null;
  role?: Role | null;
  userId?: string | null;
  patientId?: string | null;
  createdById?: string | null;
};

/**
 * Stores a new link (the token's hash only: the same 256-bit, hash-at-rest
 * scheme as intake links) and returns the URL to email. The token itself
 * exists only in that URL.
 */
export async function issueAccountToken(tx: Tx, data: NewToken, now: Date) {
  const { token, hash } = newLinkToken();
  const expiresAt = tokenExpiry(data.purpose, now);
  const row = await tx.accountToken.create({
    data: { ...data, tokenHash: hash, expiresAt, createdAt: now },
    select: { id: true },
  });
  return { id: row.id, url: `${env().APP_URL}${LINK_PATH[data.purpose]}/${token}`, expiresAt };
}
