import "server-only";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { hashLinkToken } from "@/lib/intake/link-token";
import { ACCOUNT_TOKEN_PATTERN } from "./schema";
import { tokenState, type AccountTokenPurpose, type LinkProblem } from "./token-rules";

export type DescribedLink =
  | {
      ok: true;
      purpose: AccountTokenPurpose;
      email: string;
      /** Who the invitation greets, and as what. */
      name: string | null;
      roleLabel: string | null;
      clinicName: string;
    }
  | { ok: false; purpose: AccountTokenPurpose | null; problem: LinkProblem; clinicName: string | null };

/**
 * What the page behind an emailed link shows. A read only: opening the page
 * (or a mail scanner fetching it) spends nothing; the POST that sets the
 * password redeems the link.
 */
export async function describeAccountLink(
  token: string,
  purposes: readonly AccountTokenPurpose[],
  now = new Date(),
): Promise<DescribedLink> {
  const row = ACCOUNT_TOKEN_PATTERN.test(token)
    ? await db.accountToken.findUnique({
        where: { tokenHash: hashLinkToken(token) },
        select: {
          purpose: true,
          email: true,
          name: true,
          role: true,
          usedAt: true,
          revokedAt: true,
          expiresAt: true,
          clinic: { select: { name: true } },
          patient: { select: { firstName: true, preferredName: true } },
        },
      })
    : null;
  if (!row || !purposes.includes(row.purpose))
    return { ok: false, purpose: null, problem: "unknown", clinicName: null };
  const state = tokenState(row, now);
  if (state !== "active") return { ok: false, purpose: row.purpose, problem: state, clinicName: row.clinic.name };
  return {
    ok: true,
    purpose: row.purpose,
    email: row.email,
    name: row.name ?? (row.patient ? (row.patient.preferredName ?? row.patient.firstName) : null),
    roleLabel: row.role ? ROLE_LABEL[row.role] : null,
    clinicName: row.clinic.name,
  };
}
