import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { db } from "@/lib/db";
import { daysBetween, localDateOf } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { windowsOf } from "./entry-dto";
import { matchEntries, type EntryFacts } from "./waitlist-match-rules";

const HORIZON_MS = 28 * 86_400_000;
/** Bounds on one page's work; a clinic with more open freed times sees the soonest. */
const MAX_FREED = 200;
const MAX_ENTRIES = 2000;

/**
 * The front desk's view of freed times (the next four weeks, still open),
 * each with the open entries that match it in the order offers go out
 * (the same rule as the offer pass: waitlist-match-rules.ts) and the offers
 * still pending, so whoever answers the phone sees who could take it.
 * Entries already holding an offer are listed too: a patient who calls the
 * desk instead of following the link can be booked at once.
 */
export async function listFreedTimes(actor: Actor, now = new Date()) {
  await assertCan(actor, "waitlist:manage");
  const { clinic } = await bookingContext(actor.clinicId);
  const [freed, entries] = await Promise.all([
    db.freedTime.findMany({
      where: {
        clinicId: actor.clinicId,
        status: "open",
        startsAt: { gte: now, lt: new Date(now.getTime() + HORIZON_MS) },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: MAX_FREED,
      select: {
        id: true,
        therapistId: true,
        therapist: { select: { name: true } },
        startsAt: true,
        endsAt: true,
        sourceKey: true,
        offers: {
          where: { status: "pending" },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            entryId: true,
            startsAt: true,
            expiresAt: true,
            entry: { select: { patient: { select: { firstName: true, lastName: true } } } },
          },
        },
      },
    }),
    db.waitlistEntry.findMany({
      where: { clinicId: actor.clinicId, status: { in: ["waiting", "offered"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_ENTRIES,
      select: {
        id: true,
        patientId: true,
        patient: { select: { firstName: true, lastName: true } },
        therapistId: true,
        appointmentTypeId: true,
        appointmentType: { select: { name: true, durationMinutes: true } },
        weekdays: true,
        windows: true,
        earliestDate: true,
        latestDate: true,
        priority: true,
        createdAt: true,
      },
    }),
  ]);
  const facts = entries.map((e) => ({
    ...e,
    durationMinutes: e.appointmentType.durationMinutes,
    windows: windowsOf(e),
    earliestDate: localDateOfDateColumn(e.earliestDate),
    latestDate: localDateOfDateColumn(e.latestDate),
  })) satisfies EntryFacts[];
  const today = localDateOf(now, clinic.timeZone);

  const freedTimes = freed.map((f) => ({
    id: f.id,
    therapist: { id: f.therapistId, name: f.therapist.name },
    startsAt: f.startsAt.toISOString(),
    endsAt: f.endsAt.toISOString(),
    /** What freed it: "cancel", "move" or "extra" (the source key's first part). */
    reason: f.sourceKey.split(":")[0] ?? "",
    matches: matchEntries(facts, f, { timeZone: clinic.timeZone, now }).map(({ entry, visit }) => ({
      entryId: entry.id,
      patient: { id: entry.patientId, name: `${entry.patient.firstName} ${entry.patient.lastName}` },
      appointmentType: { id: entry.appointmentTypeId, name: entry.appointmentType.name },
      priority: entry.priority,
      waitingDays: Math.max(0, daysBetween(localDateOf(entry.createdAt, clinic.timeZone), today)),
      visit: { startsAt: visit.startsAt.toISOString(), endsAt: visit.endsAt.toISOString() },
    })),
    pendingOffers: f.offers.map((o) => ({
      id: o.id,
      entryId: o.entryId,
      patientName: `${o.entry.patient.firstName} ${o.entry.patient.lastName}`,
      startsAt: o.startsAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
    })),
  }));
  await recordAudit(actor, {
    action: "waitlist.freed_times_read",
    details: { freedTimes: freedTimes.length, matches: freedTimes.reduce((n, f) => n + f.matches.length, 0) },
  });
  return { timeZone: clinic.timeZone, freedTimes };
}
