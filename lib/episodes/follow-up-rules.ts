/**
 * Why an active episode belongs on the front desk's follow-up list
 * (operations.md, "Episodes of care"; decision 095). Pure: dates are
 * clinic-local "YYYY-MM-DD" strings, which compare correctly as strings.
 *
 * Every reason is a schedule fact (counts and dates), never clinical detail,
 * because the front desk reads this list.
 */
import { addDays, daysBetween, type LocalDate } from "@/lib/time/calendar-rules";
import { formatShortDay } from "@/lib/time/format";
import { summarizeAuthorizations, type AuthorizationFact, type EpisodeVisitFact } from "./authorization-rules";
import { reevaluationStatus, type ReevaluationRule } from "./reevaluation-rules";

/** The look-ahead the plan's frequency is checked over: today and the 13 days after it. */
export const LOOK_AHEAD_DAYS = 14;
/** Nothing booked and no visit for more than this many days: dropped out. */
export const DROPPED_OUT_AFTER_DAYS = 10;
/** An authorisation with this many visits or fewer left (authorised minus used) is ending... */
export const AUTH_ENDING_VISITS = 2;
/** ...or with this many days or fewer to its last day. */
export const AUTH_ENDING_DAYS = 7;
/** At most one "please book" message a week per episode, manual or automatic (decision 094). */
export const REMIND_EVERY_DAYS = 7;

export type FollowUpPlan = {
  visitsPerWeek: number;
  startDate: LocalDate;
  plannedEndDate: LocalDate;
  lastReevaluatedOn: LocalDate | null;
};

export type FollowUpFacts = {
  today: LocalDate;
  plan: FollowUpPlan;
  /** The episode's visits, cancelled and no-shows left out (loadEpisodeVisitFacts). */
  visits: readonly EpisodeVisitFact[];
  authorizations: readonly AuthorizationFact[];
  reevaluation: ReevaluationRule;
};

export type FollowUpFinding =
  | { reason: "under_scheduled"; label: string; booked: number; expected: number; from: LocalDate; to: LocalDate }
  | { reason: "dropped_out"; label: string; daysSince: number; lastVisit: LocalDate | null }
  | {
      reason: "authorization_ending";
      label: string;
      payerName: string;
      visitsLeft: number;
      visitsAuthorized: number;
      daysLeft: number;
      validUntil: LocalDate;
    }
  | { reason: "reevaluation_due"; label: string; visitsSince: number; daysSince: number; because: "visits" | "days" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Visits the plan asks for between two dates (inclusive), pro-rated by day and
 * rounded down: a fraction of a visit is not yet owed, so a plan ending in 3
 * days at 2 a week asks for none rather than flagging a patient who is on track.
 */
export function expectedVisits(visitsPerWeek: number, from: LocalDate, to: LocalDate): number {
  const days = daysBetween(from, to) + 1;
  if (days <= 0) return 0;
  return Math.floor((visitsPerWeek * days) / 7);
}

function underScheduled(f: FollowUpFacts): FollowUpFinding | null {
  const from = f.plan.startDate > f.today ? f.plan.startDate : f.today;
  const lookAheadEnd = addDays(f.today, LOOK_AHEAD_DAYS - 1);
  const to = f.plan.plannedEndDate < lookAheadEnd ? f.plan.plannedEndDate : lookAheadEnd;
  const expected = expectedVisits(f.plan.visitsPerWeek, from, to);
  if (expected === 0) return null;
  const booked = f.visits.filter((v) => v.date >= from && v.date <= to).length;
  if (booked >= expected) return null;
  return {
    reason: "under_scheduled",
    label: `${booked} of ${plural(expected, "visit")} booked in the next 2 weeks`,
    booked,
    expected,
    from,
    to,
  };
}

function droppedOut(f: FollowUpFacts): FollowUpFinding | null {
  if (f.visits.some((v) => !v.counted && v.date >= f.today)) return null;
  const counted = f.visits.filter((v) => v.counted && v.date <= f.today).map((v) => v.date);
  const lastVisit = counted.length > 0 ? counted.reduce((a, b) => (a > b ? a : b)) : null;
  const daysSince = daysBetween(lastVisit ?? f.plan.startDate, f.today);
  if (daysSince <= DROPPED_OUT_AFTER_DAYS) return null;
  return {
    reason: "dropped_out",
    label: lastVisit
      ? `Nothing booked; last visit ${plural(daysSince, "day")} ago`
      : `Nothing booked; no visit in the ${plural(daysSince, "day")} since the start`,
    daysSince,
    lastVisit,
  };
}

function authorizationEnding(f: FollowUpFacts): FollowUpFinding | null {
  const current = summarizeAuthorizations(f.authorizations, f.visits, f.today).current;
  // An authorisation that has not started yet is not ending; one that ended with none after it is.
  if (!current || current.validFrom > f.today) return null;
  const visitsLeft = current.visitsAuthorized - current.used;
  const daysLeft = daysBetween(f.today, current.validUntil);
  if (visitsLeft > AUTH_ENDING_VISITS && daysLeft > AUTH_ENDING_DAYS) return null;
  const until = formatShortDay(current.validUntil);
  return {
    reason: "authorization_ending",
    label:
      daysLeft < 0
        ? `${current.payerName}: ended ${until}, ${visitsLeft} of ${current.visitsAuthorized} visits unused`
        : `${current.payerName}: ${visitsLeft} of ${current.visitsAuthorized} visits left, until ${until} (${plural(daysLeft, "day")})`,
    payerName: current.payerName,
    visitsLeft,
    visitsAuthorized: current.visitsAuthorized,
    daysLeft,
    validUntil: current.validUntil,
  };
}

function reevaluationDue(f: FollowUpFacts): FollowUpFinding | null {
  const status = reevaluationStatus(f.reevaluation, {
    since: f.plan.lastReevaluatedOn ?? f.plan.startDate,
    countedVisitDates: f.visits.filter((v) => v.counted).map((v) => v.date),
    today: f.today,
  });
  if (!status.due || !status.because) return null;
  const since = f.plan.lastReevaluatedOn ? "since the last re-evaluation" : "since the start";
  return {
    reason: "reevaluation_due",
    label:
      status.because === "visits"
        ? `${plural(status.visitsSince, "visit")} ${since}`
        : `${plural(status.daysSince, "day")} ${since}`,
    visitsSince: status.visitsSince,
    daysSince: status.daysSince,
    because: status.because,
  };
}

/** Every reason an active episode needs the front desk, in the follow-up-reasons order; empty when none. */
export function followUpFindings(f: FollowUpFacts): FollowUpFinding[] {
  return [droppedOut(f), underScheduled(f), authorizationEnding(f), reevaluationDue(f)].filter(
    (x): x is FollowUpFinding => x !== null,
  );
}

/** The reasons a "please book your next visit" message answers (the others are the clinic's to act on). */
export function wantsBookingNudge(findings: readonly FollowUpFinding[]): boolean {
  return findings.some((x) => x.reason === "dropped_out" || x.reason === "under_scheduled");
}

/** When the next reminder may go, given the last one (null: now). */
export function nextReminderAllowedAt(lastNudgedAt: Date | null): Date | null {
  return lastNudgedAt ? new Date(lastNudgedAt.getTime() + REMIND_EVERY_DAYS * 86_400_000) : null;
}

export function mayRemindNow(lastNudgedAt: Date | null, now: Date): boolean {
  const next = nextReminderAllowedAt(lastNudgedAt);
  return !next || next < now;
}
