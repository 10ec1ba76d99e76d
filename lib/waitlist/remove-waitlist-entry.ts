import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { entryDto, entrySelect } from "./entry-dto";
import { findVisibleEntry } from "./load-entry";
import { assertMayUseWaitlist, OPEN_ENTRY_STATUSES } from "./waitlist-access";

/**
 * Takes an entry off the waitlist: a patient their own, staff any of their
 * clinic's. Its pending offers are withdrawn with it, so a link already sent
 * cannot book someone who asked to come off the list.
 */
export async function removeWaitlistEntry(actor: Actor, entryId: unknown, now = new Date()) {
  await assertMayUseWaitlist(actor);
  const entry = await findVisibleEntry(actor, entryId);
  const { clinic } = await bookingContext(actor.clinicId);
  return db.$transaction(async (tx) => {
    // Conditional on the status: a booking ending the entry at the same moment wins, and this one says so.
    const ended = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, clinicId: actor.clinicId, status: { in: [...OPEN_ENTRY_STATUSES] } },
      data: { status: "removed", endedAt: now },
    });
    if (ended.count === 0) throw new AppError("conflict", "This waitlist entry has already ended.");
    const withdrawn = await tx.waitlistOffer.updateMany({
      where: { entryId: entry.id, clinicId: actor.clinicId, status: "pending" },
      data: { status: "declined", respondedAt: now },
    });
    await recordAudit(
      actor,
      {
        action: "waitlist.remove",
        patientId: entry.patientId,
        recordType: "WaitlistEntry",
        recordId: entry.id,
        details: { offersWithdrawn: withdrawn.count },
      },
      tx,
    );
    const row = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id }, select: entrySelect });
    return entryDto(row, clinic.timeZone, now);
  });
}
