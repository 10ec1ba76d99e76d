/**
 * What a series booking proposes for a patient in an episode: the plan's
 * frequency, and as many visits as remain authorised (or, with no
 * authorisation, as remain of the plan), ending no later than the plan's
 * end. Staff can change any of it. Pure, and free of Temporal so the staff
 * booking form can use it without the polyfill: dates are "YYYY-MM-DD" and
 * day arithmetic is done on UTC midnights, which is exact for calendar days.
 */

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday, Monday 1 .. Sunday 7. */
const isoWeekday = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

/** Visits spread over the working week: 2 a week is Monday and Thursday, 3 is Monday, Wednesday, Friday. */
export function spreadWeekdays(visitsPerWeek: number): number[] {
  const table: Record<number, number[]> = {
    1: [1],
    2: [1, 4],
    3: [1, 3, 5],
    4: [1, 2, 4, 5],
    5: [1, 2, 3, 4, 5],
    6: [1, 2, 3, 4, 5, 6],
  };
  return table[visitsPerWeek] ?? (visitsPerWeek >= 7 ? [1, 2, 3, 4, 5, 6, 7] : [1]);
}

export type SeriesProposal = {
  weekdays: number[];
  /** Weeks the series spans (the form's "number of weeks"), 1 to 26. */
  weeks: number;
  /** Visits to book; 0 when nothing remains before the plan ends. */
  count: number;
  /** The last proposed visit's date, or null when count is 0. */
  lastDate: string | null;
};

export function proposeSeries(
  plan: {
    visitsPerWeek: number;
    plannedEndDate: string;
    /** Free authorised visits; null when the episode has no authorisation. */
    authorizedVisitsRemaining: number | null;
    plannedVisitsRemaining: number;
  },
  firstDate: string,
): SeriesProposal {
  const weekdays = spreadWeekdays(plan.visitsPerWeek);
  const wanted = Math.max(0, plan.authorizedVisitsRemaining ?? plan.plannedVisitsRemaining);
  const dates: string[] = [];
  const end = dayNumber(plan.plannedEndDate);
  for (let n = dayNumber(firstDate); n <= end && dates.length < wanted; n += 1) {
    if (weekdays.includes(isoWeekday(n))) dates.push(dayOf(n));
  }
  const lastDate = dates.at(-1) ?? null;
  // Whole weeks from the first date to the last visit (a series counts weeks from its first date).
  const weeks = lastDate ? Math.floor((dayNumber(lastDate) - dayNumber(firstDate)) / 7) + 1 : 1;
  return { weekdays, weeks: Math.min(26, Math.max(1, weeks)), count: dates.length, lastDate };
}
