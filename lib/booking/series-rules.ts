/**
 * Occurrence dates of a plan-of-care series ("2 x week for 6 weeks, Mon/Thu").
 * Pure: dates only; the caller turns each date and local time into an instant.
 */
import { addDays, weekdayOf, type LocalDate } from "@/lib/time/calendar-rules";

/**
 * `weeks` x `weekdays.length` dates on the chosen weekdays, starting at
 * `firstDate` (a first date in mid-week still yields the full count).
 */
export function seriesDates(firstDate: LocalDate, weekdays: readonly number[], weeks: number): LocalDate[] {
  const wanted = new Set(weekdays);
  const total = weeks * wanted.size;
  const dates: LocalDate[] = [];
  for (let d = firstDate; dates.length < total; d = addDays(d, 1)) {
    if (wanted.has(weekdayOf(d))) dates.push(d);
  }
  return dates;
}
