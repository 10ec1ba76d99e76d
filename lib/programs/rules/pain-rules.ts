/**
 * Pain around home exercise, on the 0-10 numeric rating scale (NPRS). A rise
 * of 2 points is clinically meaningful (domain.md, after Farrar et al. 2001),
 * so an exercise after which pain rose by 2 or more is flagged for the therapist.
 */
import type { LocalDate } from "@/lib/time/calendar-rules";

export const MEANINGFUL_PAIN_RISE = 2;

export type PainFact = {
  exerciseId: string;
  localDate: LocalDate;
  painBefore: number | null;
  painAfter: number | null;
};

export function painRise(f: Pick<PainFact, "painBefore" | "painAfter">): number | null {
  if (f.painBefore === null || f.painAfter === null) return null;
  return f.painAfter - f.painBefore;
}

export type PainFlag = {
  exerciseId: string;
  /** Sessions rated before and after. */
  rated: number;
  /** Of those, sessions where pain rose by 2 or more. */
  flagged: number;
  largestRise: number;
  lastFlaggedOn: LocalDate;
};

/** Exercises with at least one meaningful rise since `since`, most recent first. */
export function painfulExercises(facts: PainFact[], since: LocalDate): PainFlag[] {
  const byExercise = new Map<string, PainFlag>();
  for (const f of facts) {
    if (f.localDate < since) continue;
    const rise = painRise(f);
    if (rise === null) continue;
    const entry = byExercise.get(f.exerciseId) ?? {
      exerciseId: f.exerciseId,
      rated: 0,
      flagged: 0,
      largestRise: rise,
      lastFlaggedOn: "",
    };
    entry.rated++;
    entry.largestRise = Math.max(entry.largestRise, rise);
    if (rise >= MEANINGFUL_PAIN_RISE) {
      entry.flagged++;
      if (f.localDate > entry.lastFlaggedOn) entry.lastFlaggedOn = f.localDate;
    }
    byExercise.set(f.exerciseId, entry);
  }
  return [...byExercise.values()]
    .filter((e) => e.flagged > 0)
    .sort((a, b) => b.lastFlaggedOn.localeCompare(a.lastFlaggedOn) || b.largestRise - a.largestRise);
}

export type DailyPain = { date: LocalDate; before: number | null; after: number | null };

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** One point per day with ratings: mean pain before exercising and mean pain after, to one decimal. */
export function dailyPain(facts: PainFact[]): DailyPain[] {
  const byDay = new Map<string, { before: number[]; after: number[] }>();
  for (const f of facts) {
    if (f.painBefore === null && f.painAfter === null) continue;
    const d = byDay.get(f.localDate) ?? { before: [], after: [] };
    if (f.painBefore !== null) d.before.push(f.painBefore);
    if (f.painAfter !== null) d.after.push(f.painAfter);
    byDay.set(f.localDate, d);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, d]) => ({ date, before: mean(d.before), after: mean(d.after) }));
}
