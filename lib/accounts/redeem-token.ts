import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashLinkToken } from "@/lib/intake/link-token";
import { linkProblemPage, tokenState, type AccountTokenPurpose, type LinkProblem } from "./token-rules";

/** A dead link as an HTTP 410 carrying the same words the page shows. */
function linkGone(purpose: AccountTokenPurpose | null, problem: LinkProblem): AppError {
  const page = linkProblemPage(purpose, problem);
  return new AppError("gone", `${page.title}. ${page.text}`);
}

/** The stored link behind a token, if it is one of these purposes and still usable; else a 410. */
export async function findUsableToken(token: string, purposes: readonly AccountTokenPurpose[], now: Date) {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      clinicId: true,
      purpose: true,
      email: true,
      name: true,
      role: true,
      userId: true,
      patientId: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
    },
  });
  if (!row || !purposes.includes(row.purpose)) throw linkGone(null, "unknown");
  const state = tokenState(row, now);
  if (state !== "active") throw linkGone(row.purpose, state);
  return row;
}

/**
 * Marks the link used, inside the transaction that does what it allows. The
 * conditions are re-checked by the UPDATE itself: of two requests racing with
 * the same link, the second waits for the first's row lock, then finds it
 * used and changes nothing.
 */
export async function redeemToken(tx: Tx, id: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
  const redeemed = await tx.accountToken.updateMany({
    where: { id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (redeemed.count !== 1) throw linkGone(purpose, "used");
}
