/**
 * Texts wait out the night in the clinic's zone: none between 21:00 and 08:00,
 * unless the visit they are about starts within the next 3 hours (a text
 * then is the only one that can still help). operations.md, "Reminders, text
 * messages, waitlist".
 */
import { addDays, instantOfLocal, localDateOf, localMinuteOf } from "@/lib/time/calendar-rules";

export const QUIET_HOURS = { startMinute: 21 * 60, endMinute: 8 * 60 } as const;
export const URGENT_WITHIN_MS = 3 * 3_600_000;

/**
 * When a text asked for at `now` may go: `now` outside quiet hours (or when
 * the visit is within 3 hours), otherwise 08:00 the next morning in the zone.
 */
export function textSendTime(now: Date, timeZone: string, visitStartsAt?: Date | null): Date {
  if (visitStartsAt && visitStartsAt.getTime() - now.getTime() <= URGENT_WITHIN_MS) return now;
  const minute = localMinuteOf(now, timeZone);
  if (minute >= QUIET_HOURS.endMinute && minute < QUIET_HOURS.startMinute) return now;
  const today = localDateOf(now, timeZone);
  const morning = minute >= QUIET_HOURS.startMinute ? addDays(today, 1) : today;
  const at = new Date(instantOfLocal(morning, QUIET_HOURS.endMinute, timeZone));
  // A visit that becomes urgent before morning: send when it does rather than after it started.
  if (visitStartsAt) {
    const urgentFrom = new Date(visitStartsAt.getTime() - URGENT_WITHIN_MS);
    if (urgentFrom < at) return urgentFrom > now ? urgentFrom : now;
  }
  return at;
}
