/**
 * What an episode achieved: the baseline questionnaire against the latest one
 * for ODI, NPRS and PSFS, the visits used against those authorised, and home
 * exercise adherence over the episode's dates. The same summary feeds the
 * printable discharge summary (also before discharge, as "progress so far")
 * and every row of the clinic outcome report, so both count alike.
 */
import { scoreChange, type ScoreChange } from "@/lib/scoring/change-rules";
import { adherenceBetween, type LogFact, type Tally } from "@/lib/programs/rules/adherence-rules";
import type { ProgramPlan } from "@/lib/programs/rules/plan-rules";
import type { LocalDate } from "@/lib/time/calendar-rules";
import { summarizeAuthorizations, type AuthorizationFact, type EpisodeVisitFact } from "./authorization-rules";

export const OUTCOME_MEASURES = ["odi", "nprs", "psfs"] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];
export const OUTCOME_MEASURE_LABEL: Record<OutcomeMeasure, string> = {
  odi: "ODI (disability, %)",
  nprs: "NPRS (pain, 0–10)",
  psfs: "PSFS (function, 0–10)",
};

export type ScoreValues = Record<OutcomeMeasure, number | null>;

export type SubmittedIntakeFact = { id: string; submittedOn: LocalDate; submittedAt: number; scores: ScoreValues };

export type MeasureComparison = {
  measure: OutcomeMeasure;
  baseline: number | null;
  latest: number | null;
  /** Null when either side has no score (no follow-up score for this measure). */
  change: ScoreChange | null;
  /**
   * Improved by at least the threshold. A change of the threshold's size in the
   * wrong direction is meaningful too, but it is not an outcome reached.
   */
  reachedThreshold: boolean;
  /** Points gained in the better direction (negative when worse); null without both scores. */
  improvement: number | null;
};

export type EpisodeOutcomeFacts = {
  startDate: LocalDate;
  /** The discharge date, or null while the episode is open (the summary then runs to today). */
  dischargedOn: LocalDate | null;
  openedFromIntakeId: string | null;
  intakes: readonly SubmittedIntakeFact[];
  authorizations: readonly AuthorizationFact[];
  visits: readonly EpisodeVisitFact[];
  programs: ReadonlyArray<{ plan: ProgramPlan; logs: readonly LogFact[] }>;
};

export type EpisodeOutcome = {
  baseline: { id: string; submittedOn: LocalDate } | null;
  latest: { id: string; submittedOn: LocalDate } | null;
  measures: MeasureComparison[];
  visitsUsed: number;
  /** Sum over the episode's authorisations; null when none was recorded. */
  visitsAuthorized: number | null;
  /** Over the episode's dates and every program it holds; null without a home program in force. */
  adherence: (Tally & { from: LocalDate; to: LocalDate }) | null;
  through: LocalDate;
};

/**
 * The baseline is the intake the episode was opened from when it is among the
 * episode's submitted intakes, else the earliest; the follow-up is the latest
 * submitted after it. One questionnaire alone has no follow-up.
 */
export function baselineAndLatest(
  intakes: readonly SubmittedIntakeFact[],
  openedFromIntakeId: string | null,
): { baseline: SubmittedIntakeFact | null; latest: SubmittedIntakeFact | null } {
  const ordered = [...intakes].sort((a, b) => a.submittedAt - b.submittedAt);
  const baseline = ordered.find((i) => i.id === openedFromIntakeId) ?? ordered[0] ?? null;
  if (!baseline) return { baseline: null, latest: null };
  const after = ordered.filter((i) => i.id !== baseline.id && i.submittedAt > baseline.submittedAt);
  return { baseline, latest: after.at(-1) ?? null };
}

export function compareMeasure(measure: OutcomeMeasure, baseline: number | null, latest: number | null) {
  if (baseline === null || latest === null) {
    return { measure, baseline, latest, change: null, reachedThreshold: false, improvement: null };
  }
  const change = scoreChange(measure, baseline, latest);
  const improvement = measure === "psfs" ? change.delta : -change.delta;
  return {
    measure,
    baseline,
    latest,
    change,
    reachedThreshold: change.meaningful && change.direction === "better",
    // -0 would print as "-0".
    improvement: improvement === 0 ? 0 : improvement,
  } satisfies MeasureComparison;
}

export function summarizeEpisodeOutcome(facts: EpisodeOutcomeFacts, today: LocalDate): EpisodeOutcome {
  const { baseline, latest } = baselineAndLatest(facts.intakes, facts.openedFromIntakeId);
  const measures = OUTCOME_MEASURES.map((m) =>
    compareMeasure(m, baseline?.scores[m] ?? null, latest ? latest.scores[m] : null),
  );
  const through = facts.dischargedOn ?? today;
  const auth = summarizeAuthorizations(facts.authorizations, facts.visits, through);
  let prescribed = 0;
  let done = 0;
  let completedLogs = 0;
  let daysInForce = 0;
  for (const p of facts.programs) {
    const t = adherenceBetween(p.plan, [...p.logs], facts.startDate, through);
    prescribed += t.prescribed;
    done += t.done;
    completedLogs += t.completedLogs;
    daysInForce += t.daysInForce;
  }
  return {
    baseline: baseline && { id: baseline.id, submittedOn: baseline.submittedOn },
    latest: latest && { id: latest.id, submittedOn: latest.submittedOn },
    measures,
    visitsUsed: auth.visitsCounted,
    visitsAuthorized: facts.authorizations.length
      ? facts.authorizations.reduce((sum, a) => sum + a.visitsAuthorized, 0)
      : null,
    adherence:
      prescribed > 0
        ? { prescribed, done, completedLogs, daysInForce, ratio: done / prescribed, from: facts.startDate, to: through }
        : null,
    through,
  };
}

/** Intake.scores JSON (lib/intake/intake-rules.ts IntakeScores) to the three figures compared. */
export function scoreValuesOf(scores: unknown): ScoreValues {
  const s = (scores ?? {}) as {
    nprs?: { value?: unknown } | null;
    odi?: { display?: unknown } | null;
    psfs?: { display?: unknown } | null;
  };
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return { nprs: num(s.nprs?.value), odi: num(s.odi?.display), psfs: num(s.psfs?.display) };
}
