/**
 * Remote monitoring days: how many distinct days in each monitoring period
 * the patient reported exercise data, and whether each billing threshold of
 * that period length was met. CMS counts device-supply days in 30-day periods
 * from the start of monitoring (not calendar months), in the patient's local
 * dates; here the start is the first day of the episode's home program and
 * the dates are the clinic-local `ExerciseLog.localDate` values, so daylight
 * saving time never moves a day. The thresholds are clinic data
 * (MonitoringThreshold rows), never constants here. Pure.
 */
import { addDays, daysBetween, type LocalDate } from "@/lib/time/calendar-rules";

export type MonitoringThresholdRule = {
  id: string;
  label: string;
  minDays: number;
  periodDays: number;
  source: string;
};

export type ThresholdStanding = {
  thresholdId: string;
  label: string;
  minDays: number;
  source: string;
  met: boolean;
  /** For the period in progress: whether the remaining days can still reach it. */
  stillReachable: boolean;
};

export type MonitoringPeriod = {
  /** 1-based. */
  number: number;
  /** Clinic-local, inclusive. */
  from: LocalDate;
  to: LocalDate;
  daysWithData: number;
  inProgress: boolean;
  /** Days of the period from today on (today included) while in progress, else 0. */
  daysLeft: number;
  thresholds: ThresholdStanding[];
};

/** One row of periods per distinct period length among the clinic's thresholds. */
export type MonitoringSchedule = { periodDays: number; periods: MonitoringPeriod[] };

export type MonitoringFacts = {
  /** First day of the episode's home program; null when it has none (nothing to monitor). */
  start: LocalDate | null;
  /** Last day monitoring may count (the discharge day), or null while the episode is open. */
  end: LocalDate | null;
  today: LocalDate;
  /** Local dates of every patient-reported exercise log of the episode (duplicates allowed). */
  dataDates: readonly LocalDate[];
  thresholds: readonly MonitoringThresholdRule[];
};

export function monitoringSchedules(facts: MonitoringFacts): MonitoringSchedule[] {
  const { start } = facts;
  if (!start || facts.today < start) return [];
  const lastCounted = facts.end && facts.end < facts.today ? facts.end : facts.today;
  if (lastCounted < start) return [];
  const days = [...new Set(facts.dataDates)].filter((d) => d >= start && d <= lastCounted).sort();
  const lengths = [...new Set(facts.thresholds.map((t) => t.periodDays))].filter((n) => n > 0).sort((a, b) => a - b);
  return lengths.map((periodDays) => {
    const rules = facts.thresholds.filter((t) => t.periodDays === periodDays);
    const count = Math.floor(daysBetween(start, lastCounted) / periodDays) + 1;
    const periods: MonitoringPeriod[] = [];
    for (let i = 0; i < count; i++) {
      const from = addDays(start, i * periodDays);
      const to = addDays(from, periodDays - 1);
      const daysWithData = days.filter((d) => d >= from && d <= to).length;
      // Only an open episode's current period is still running; a discharged one's last period is final.
      const inProgress = facts.end === null && facts.today >= from && facts.today <= to;
      const daysLeft = inProgress ? daysBetween(facts.today, to) + 1 : 0;
      periods.push({
        number: i + 1,
        from,
        to,
        daysWithData,
        inProgress,
        daysLeft,
        thresholds: rules.map((t) => ({
          thresholdId: t.id,
          label: t.label,
          minDays: t.minDays,
          source: t.source,
          met: daysWithData >= t.minDays,
          // Today may still get its first log, so it counts among the days left only when it has none yet.
          stillReachable:
            daysWithData >= t.minDays ||
            (inProgress && daysWithData + daysLeft - (days.includes(facts.today) ? 1 : 0) >= t.minDays),
        })),
      });
    }
    return { periodDays, periods };
  });
}
