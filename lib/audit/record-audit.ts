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
      recordId: input.recordId ?? null,
      ip: who.ip,
      userAgent: who.userAgent,
      details: input.details,
    },
  });
}
