/**
 * Which waitlist entries a freed time can go to, and in what order
 * (operations.md, "Reminders, text messages, waitlist"): the entry's therapist
 * or "any", its visit fitting inside the freed stretch from its start, on an
 * acceptable weekday and inside an acceptable window of the clinic's day,
 * between the entry's earliest and latest dates; never a time less than 2 hours
 * away. Urgent entries first, then the oldest.
 */
import { localDateOf, localMinuteOf, weekdayOf, type LocalDate } from "@/lib/time/calendar-rules";

export const MIN_OFFER_LEAD_MS = 2 * 3_600_000;

export type TimeWindow = { startMinute: number; endMinute: number };

export type EntryFacts = {
  id: string;
  patientId: string;
  /** Null: any therapist. */
  therapistId: string | null;
  appointmentTypeId: string;
  /** The entry's appointment type's length. */
  durationMinutes: number;
  weekdays: number[];
  windows: TimeWindow[];
  earliestDate: LocalDate;
  latestDate: LocalDate;
  priority: "routine" | "urgent";
  createdAt: Date;
};

export type FreedFacts = { therapistId: string; startsAt: Date; endsAt: Date };

export type MatchContext = { timeZone: string; now: Date };

export type OfferedVisit = { startsAt: Date; endsAt: Date };

/** The visit this entry would be offered in the freed time, or null when it does not match. */
export function visitFor(entry: EntryFacts, freed: FreedFacts, ctx: MatchContext): OfferedVisit | null {
  if (entry.therapistId !== null && entry.therapistId !== freed.therapistId) return null;
  const start = freed.startsAt.getTime();
  if (start - ctx.now.getTime() < MIN_OFFER_LEAD_MS) return null;
  const end = start + entry.durationMinutes * 60_000;
  if (end > freed.endsAt.getTime()) return null;
  const day = localDateOf(start, ctx.timeZone);
  if (day < entry.earliestDate || day > entry.latestDate) return null;
  if (!entry.weekdays.includes(weekdayOf(day))) return null;
  // Minutes on the clinic's clock; a visit running past midnight never fits a window of one day.
  const from = localMinuteOf(start, ctx.timeZone);
  const to = from + entry.durationMinutes;
  if (localDateOf(end - 1, ctx.timeZone) !== day) return null;
  if (!entry.windows.some((w) => w.startMinute <= from && to <= w.endMinute)) return null;
  return { startsAt: new Date(start), endsAt: new Date(end) };
}

/** Urgent before routine, then first come first served. */
export function compareEntries(a: EntryFacts, b: EntryFacts): number {
  if (a.priority !== b.priority) return a.priority === "urgent" ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/** The matching entries for a freed time, in offer order, each with the visit it would get. */
export function matchEntries<E extends EntryFacts>(
  entries: readonly E[],
  freed: FreedFacts,
  ctx: MatchContext,
): Array<{ entry: E; visit: OfferedVisit }> {
  return [...entries].sort(compareEntries).flatMap((entry) => {
    const visit = visitFor(entry, freed, ctx);
    return visit ? [{ entry, visit }] : [];
  });
}
