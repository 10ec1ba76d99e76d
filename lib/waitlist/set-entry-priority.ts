import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { entryDto, entrySelect } from "./entry-dto";
import { entryPrioritySchema } from "./entry-schema";
import { findVisibleEntry } from "./load-entry";
import { OPEN_ENTRY_STATUSES } from "./waitlist-access";

/** Marks an entry urgent or routine. A clinical judgement, so therapists and admins only (front desk and patients: 403). */
export async function setEntryPriority(actor: Actor, entryId: unknown, input: unknown, now = new Date()) {
  await assertCan(actor, "waitlist:prioritize");
  const { priority } = parseInput(entryPrioritySchema, input);
  const entry = await findVisibleEntry(actor, entryId);
  const { clinic } = await bookingContext(actor.clinicId);
  return db.$transaction(async (tx) => {
    const changed = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, clinicId: actor.clinicId, status: { in: [...OPEN_ENTRY_STATUSES] } },
      data: { priority },
    });
    if (changed.count === 0) throw new AppError("conflict", "This waitlist entry has already ended.");
    await recordAudit(
      actor,
      {
        action: "waitlist.priority",
        patientId: entry.patientId,
        recordType: "WaitlistEntry",
        recordId: entry.id,
        details: { from: entry.priority, to: priority },
      },
      tx,
    );
    const row = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id }, select: entrySelect });
    return entryDto(row, clinic.timeZone, now);
  });
}
