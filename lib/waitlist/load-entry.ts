import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { entryIdSchema } from "./entry-schema";

/**
 * The entry as this actor may reach it: a patient their own, staff their
 * clinic's. Anything else is a 404 (audited), so ids cannot be probed.
 */
export async function findVisibleEntry(actor: Actor, entryId: unknown) {
  const id = parseInput(entryIdSchema, entryId);
  const row = await db.waitlistEntry.findFirst({
    where: {
      id,
      clinicId: actor.clinicId,
      ...(actor.role === "patient" ? { patientId: actor.patientId ?? undefined } : {}),
    },
    select: { id: true, patientId: true, status: true, priority: true },
  });
  if (!row) {
    await recordAudit(actor, { action: "access.denied", outcome: "denied", recordType: "WaitlistEntry", recordId: id });
    throw notFound("That waitlist entry");
  }
  return row;
}
