import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { workingIntervals, type TherapistSchedule } from "@/lib/scheduling/availability-rules";
import { addDays, localDateOf, todayIn } from "@/lib/time/calendar-rules";
import type { BookingSettings } from "./booking-settings";
import { loadSchedules } from "./load-availability";

/**
 * Whether a proposed visit may be booked at this time by this actor: inside
 * the therapist's working time, and for patients on the slot grid, after the
 * minimum notice and inside the booking window. Whether the time is free is
 * left to the database's exclusion constraints, which cannot race.
 */
export async function assertBookableStart(
  actor: Actor,
  p: {
    therapistId: string;
    start: number;
    durationMinutes: number;
    timeZone: string;
    settings: BookingSettings;
    now: number;
  },
): Promise<void> {
  const date = localDateOf(p.start, p.timeZone);
  // Hours and overrides only: whether the time is free is the database's to say.
  const [schedule] = await loadSchedules(
    actor.clinicId,
    [p.therapistId],
    { fromMs: p.start, toMs: p.start + p.durationMinutes * 60_000, fromDate: date, toDate: date },
    undefined,
    { withBusy: false },
  );
  checkBookableStart(actor, schedule!, p);
}

/** The same rules for a therapist's hours and overrides the caller has already loaded (at least for that date). */
export function checkBookableStart(
  actor: Actor,
  schedule: Pick<TherapistSchedule, "weekly" | "overrides">,
  p: { start: number; durationMinutes: number; timeZone: string; settings: BookingSettings; now: number },
): void {
  const end = p.start + p.durationMinutes * 60_000;
  const date = localDateOf(p.start, p.timeZone);
  const block = workingIntervals(schedule, date, p.timeZone).find((b) => b.start <= p.start && end <= b.end);
  const field = { startsAt: [] as string[] };
  const fail = (message: string): never => {
    field.startsAt.push(message);
    throw new AppError("validation", message, field);
  };
  if (!block) fail("That time is outside the therapist's working hours.");
  if (actor.role === "patient") {
    if (p.start < p.now + p.settings.minimumNoticeMinutes * 60_000)
      fail(
        `Online bookings need at least ${noticeText(p.settings.minimumNoticeMinutes)} notice. Please call the clinic for sooner times.`,
      );
    if (date > addDays(todayIn(p.timeZone, p.now), p.settings.bookingWindowDays))
      fail(`Online bookings can be made up to ${p.settings.bookingWindowDays} days ahead.`);
    if ((p.start - block!.start) % (p.settings.slotStepMinutes * 60_000) !== 0)
      fail("Choose one of the times offered.");
  } else if (p.start < p.now - p.settings.slotStepMinutes * 60_000) {
    fail("That time has already passed.");
  }
}

function noticeText(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}'`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}'`;
  return `${minutes} minutes'`;
}
