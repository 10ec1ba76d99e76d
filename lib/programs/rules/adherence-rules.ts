/**
 * Adherence = exercise sessions done / sessions prescribed (domain.md, "Home
 * exercise programs"). One session is one exercise done once; an exercise
 * prescribed twice a day, five days a week asks for 10 sessions a week.
 *
 * - A week runs Monday to Sunday in the clinic's zone.
 * - Days outside the program (before its start, after its end or after it was
 *   ended) prescribe nothing; a week the program only partly covers is
 *   prorated: each day in force adds timesPerDay x daysPerWeek / 7 sessions,
 *   rounded per exercise at the end of the range.
 * - Done is capped at timesPerDay per exercise per day and at what was
 *   prescribed, so extra work on one day cannot hide missed days.
 * - Logs of an exercise not in force that day (removed in a later version,
 *   or logged after the end) do not count.
 */
import { addDays, eachDay, startOfWeek, type LocalDate } from "@/lib/time/calendar-rules";
import { itemsOnDay, type ProgramPlan } from "./plan-rules";

export type LogFact = { exerciseId: string; localDate: LocalDate; completed: boolean };

export type Tally = {
  prescribed: number;
  done: number;
  /** Every completed log in the range, uncapped: what the patient sees as "sessions done". */
  completedLogs: number;
  daysInForce: number;
  /** done / prescribed, or null when nothing was prescribed. */
  ratio: number | null;
};

function completedByDayAndExercise(logs: LogFact[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of logs) {
    if (!l.completed) continue;
    const key = `${l.localDate}|${l.exerciseId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function adherenceBetween(plan: ProgramPlan, logs: LogFact[], from: LocalDate, to: LocalDate): Tally {
  const counts = completedByDayAndExercise(logs);
  const expected = new Map<string, number>();
  const counted = new Map<string, number>();
  let daysInForce = 0;
  for (const day of eachDay(from, to)) {
    const items = itemsOnDay(plan, day);
    if (items.length) daysInForce++;
    for (const item of items) {
      expected.set(item.exerciseId, (expected.get(item.exerciseId) ?? 0) + (item.timesPerDay * item.daysPerWeek) / 7);
      const doneToday = counts.get(`${day}|${item.exerciseId}`) ?? 0;
      counted.set(item.exerciseId, (counted.get(item.exerciseId) ?? 0) + Math.min(item.timesPerDay, doneToday));
    }
  }
  let prescribed = 0;
  let done = 0;
  for (const [exerciseId, exp] of expected) {
    // Rounding away float noise first: 5 days x 2 x 7/7 must be exactly 10, not 9.999.
    const p = Math.round(Math.round(exp * 1e6) / 1e6);
    prescribed += p;
    done += Math.min(p, counted.get(exerciseId) ?? 0);
  }
  const completedLogs = logs.filter((l) => l.completed && l.localDate >= from && l.localDate <= to).length;
  return { prescribed, done, completedLogs, daysInForce, ratio: prescribed > 0 ? done / prescribed : null };
}

export type WeekRow = Tally & { weekStart: LocalDate; from: LocalDate; to: LocalDate; inProgress: boolean };

/** One row per week from the week of `from` to the week of `today`; the current week counts up to today. */
export function weeklyAdherence(plan: ProgramPlan, logs: LogFact[], from: LocalDate, today: LocalDate): WeekRow[] {
  const rows: WeekRow[] = [];
  for (let weekStart = startOfWeek(from); weekStart <= today; weekStart = addDays(weekStart, 7)) {
    const weekEnd = addDays(weekStart, 6);
    const to = weekEnd < today ? weekEnd : today;
    rows.push({
      ...adherenceBetween(plan, logs, weekStart, to),
      weekStart,
      from: weekStart,
      to,
      // The week holding today is still running, even on its last day.
      inProgress: today <= weekEnd,
    });
  }
  return rows;
}

/**
 * The clinic's "needs a nudge" rule: below half of what was prescribed over the
 * last two full weeks (14 days ending yesterday, so a morning without logs
 * yet does not count), once the program has been in force for a few of them.
 */
export const LOW_ADHERENCE = { threshold: 0.5, windowDays: 14, minDaysInForce: 3 } as const;

export function recentAdherence(
  plan: ProgramPlan,
  logs: LogFact[],
  today: LocalDate,
): Tally & { from: LocalDate; to: LocalDate } {
  const to = addDays(today, -1);
  const from = addDays(today, -LOW_ADHERENCE.windowDays);
  return { ...adherenceBetween(plan, logs, from, to), from, to };
}

export function isLowAdherence(t: Tally): boolean {
  return t.daysInForce >= LOW_ADHERENCE.minDaysInForce && t.ratio !== null && t.ratio < LOW_ADHERENCE.threshold;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${Math.round(ratio * 100)}%`;
}
