import "server-only";
import type { Actor, RequestOrigin } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditOutcome = "allowed" | "denied" | "failed";

export type AuditInput = {
  /** verb.noun in the past or present: "patient.read", "auth.sign_in", "staff.create". */
  action: string;
  patientId?: string | null;
  recordType?: string;
  recordId?: string;
  outcome?: AuditOutcome;
  /** Never clinical content: ids, counts, reasons. */
  details?: Prisma.InputJsonValue;
};

/**
 * Audit rows carry strings a client chose (an id from the URL, a user agent).
 * NUL and lone surrogates cannot be stored in Postgres text, and the audit
 * write failing turned a refused request into a 500 (found by fuzzing), so
 * they are replaced; lengths are capped so a 4 kB "id" stays a short row.
 */
function storableAuditText(value: string | null | undefined, max = 200): string | null {
  if (value === null || value === undefined) return null;
  // Slice first: cutting inside an emoji leaves half of it, which toWellFormed then replaces.
  return value
    .slice(0, max)
    .replace(/\u0000/g, "\uFFFD")
    .toWellFormed();
}

function storableDetails(value: Prisma.InputJsonValue | undefined): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "string" ? storableAuditText(v, 1000) : v)),
  ) as Prisma.InputJsonValue;
}

type Who = Actor | (RequestOrigin & { clinicId?: string | null; actorId?: string | null; role?: string });

/**
 * Appends one row to the audit log. Pass the transaction when the audited
 * change is a write, so the change and its audit row commit together.
 */
export async function recordAudit(who: Who, input: AuditInput, tx: Tx | typeof db = db): Promise<void> {
  const actor = "kind" in who ? who : null;
  await tx.auditEvent.create({
    data: {
      clinicId: actor ? actor.clinicId : ((who as { clinicId?: string | null }).clinicId ?? null),
      actorId: actor ? actor.userId : ((who as { actorId?: string | null }).actorId ?? null),
      actorRole: actor ? actor.role : ((who as { role?: string }).role ?? "anonymous"),
      action: input.action,
      outcome: input.outcome ?? "allowed",
      patientId: input.patientId ?? null,
      recordType: input.recordType ?? null,
      recordId: storableAuditText(input.recordId),
      ip: storableAuditText(who.ip, 64),
      userAgent: storableAuditText(who.userAgent, 500),
      details: storableDetails(input.details),
    },
  });
}
