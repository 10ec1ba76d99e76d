/**
 * When an episode's re-evaluation is due: every N counted visits or every D
 * days since the start or the last re-evaluation, whichever comes first (the
 * clinic sets N and D; Medicare's progress report is due every 10 treatment
 * days). Pure; dates are clinic-local "YYYY-MM-DD".
 */
import { daysBetween, type LocalDate } from "@/lib/time/calendar-rules";

export type ReevaluationRule = { everyVisits: number; everyDays: number };

export type ReevaluationStatus = {
  due: boolean;
  /** Counted visits since the start or the last re-evaluation. */
  visitsSince: number;
  daysSince: number;
  /** Which limit was reached first, when due. */
  because: "visits" | "days" | null;
};

export function reevaluationStatus(
  rule: ReevaluationRule,
  facts: { since: LocalDate; countedVisitDates: readonly LocalDate[]; today: LocalDate },
): ReevaluationStatus {
  const visitsSince = facts.countedVisitDates.filter((d) => d > facts.since).length;
  const daysSince = Math.max(0, daysBetween(facts.since, facts.today));
  const byVisits = visitsSince >= rule.everyVisits;
  const byDays = daysSince >= rule.everyDays;
  return { due: byVisits || byDays, visitsSince, daysSince, because: byVisits ? "visits" : byDays ? "days" : null };
}
