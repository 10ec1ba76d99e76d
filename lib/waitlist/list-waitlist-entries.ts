import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { db } from "@/lib/db";
import { entryDto, entrySelect } from "./entry-dto";
import { assertMayUseWaitlist, OPEN_ENTRY_STATUSES } from "./waitlist-access";

/** A patient's history is short; a clinic's open list is bounded so one page never loads thousands. */
const MAX_ROWS = 500;

/**
 * Staff: the clinic's entries still waiting (or holding an offer), urgent
 * first, then the oldest, as offers go. A patient: their own entries, every
 * status, most recent first, so they see what became of each.
 */
export async function listWaitlistEntries(actor: Actor, now = new Date()) {
  await assertMayUseWaitlist(actor);
  const { clinic } = await bookingContext(actor.clinicId);
  const own = actor.role === "patient";
  const rows = await db.waitlistEntry.findMany({
    where: own
      ? { clinicId: actor.clinicId, patientId: actor.patientId! }
      : { clinicId: actor.clinicId, status: { in: [...OPEN_ENTRY_STATUSES] } },
    orderBy: own
      ? [{ createdAt: "desc" }, { id: "desc" }]
      : [{ priority: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
    select: entrySelect,
  });
  await recordAudit(actor, {
    action: own ? "waitlist.list_own" : "waitlist.list",
    patientId: own ? actor.patientId : undefined,
    details: { count: rows.length },
  });
  return { timeZone: clinic.timeZone, entries: rows.map((r) => entryDto(r, clinic.timeZone, now)) };
}
