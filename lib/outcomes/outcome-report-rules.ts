/**
 * The clinic outcome report over discharged episodes (docs/decisions/096):
 * by therapist, by STarT Back risk group and by adherence quartile.
 *
 * - Small numbers identify people: a group (or quartile) of fewer than 5
 *   episodes carries no figures at all, only `suppressed`; so does a measure
 *   with fewer than 5 episodes scored at both ends. Suppression happens here,
 *   so the page, the CSV and the charts cannot show what they never receive.
 * - An episode without a follow-up score for a measure is left out of that
 *   measure's median and share, and counted as "no follow-up score".
 * - Change is reported as improvement (points in the better direction), so a
 *   higher number is better for all three measures.
 */
import { OUTCOME_MEASURES, type EpisodeOutcome, type OutcomeMeasure } from "@/lib/episodes/discharge-summary-rules";

export const MIN_GROUP_SIZE = 5;

/** The middle value, or the mean of the two middle values, to one decimal. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}
export const SUPPRESSED_LABEL = "fewer than 5";

export const RISK_GROUPS = ["low", "medium", "high"] as const;
export type RiskGroup = (typeof RISK_GROUPS)[number];
export const RISK_GROUP_LABEL: Record<RiskGroup | "none", string> = {
  low: "Low risk",
  medium: "Medium risk",
  high: "High risk",
  none: "Not recorded",
};

export type ReportEpisode = {
  episodeId: string;
  therapist: { id: string; name: string } | null;
  risk: RiskGroup | null;
  outcome: Pick<EpisodeOutcome, "measures" | "visitsUsed" | "adherence">;
};

export type MeasureFigures =
  | { measure: OutcomeMeasure; suppressed: true; noFollowUp: number }
  | {
      measure: OutcomeMeasure;
      suppressed: false;
      /** Episodes scored at both ends. */
      episodes: number;
      noFollowUp: number;
      medianImprovement: number;
      /** 0..1 of `episodes`. */
      shareReached: number;
    };

export type GroupFigures =
  | { key: string; label: string; suppressed: true }
  | {
      key: string;
      label: string;
      suppressed: false;
      episodes: number;
      medianVisits: number;
      measures: MeasureFigures[];
    };

export type QuartileFigures =
  | { quartile: 1 | 2 | 3 | 4; suppressed: true }
  | {
      quartile: 1 | 2 | 3 | 4;
      suppressed: false;
      episodes: number;
      /** Lowest and highest adherence (0..1) in the quartile. */
      adherenceFrom: number;
      adherenceTo: number;
      measures: MeasureFigures[];
    };

export type OutcomeReport = {
  overall: GroupFigures;
  byTherapist: GroupFigures[];
  byRisk: GroupFigures[];
  byAdherence: { quartiles: QuartileFigures[]; withoutProgram: number | typeof SUPPRESSED_LABEL };
};

function measureFigures(episodes: readonly ReportEpisode[], measure: OutcomeMeasure): MeasureFigures {
  const scored = episodes
    .map((e) => e.outcome.measures.find((m) => m.measure === measure)!)
    .filter((m) => m.improvement !== null);
  const noFollowUp = episodes.length - scored.length;
  if (scored.length < MIN_GROUP_SIZE) return { measure, suppressed: true, noFollowUp };
  return {
    measure,
    suppressed: false,
    episodes: scored.length,
    noFollowUp,
    medianImprovement: median(scored.map((m) => m.improvement!)),
    shareReached: scored.filter((m) => m.reachedThreshold).length / scored.length,
  };
}

export function groupFigures(key: string, label: string, episodes: readonly ReportEpisode[]): GroupFigures {
  if (episodes.length < MIN_GROUP_SIZE) return { key, label, suppressed: true };
  return {
    key,
    label,
    suppressed: false,
    episodes: episodes.length,
    medianVisits: median(episodes.map((e) => e.outcome.visitsUsed)),
    measures: OUTCOME_MEASURES.map((m) => measureFigures(episodes, m)),
  };
}

/**
 * Quartiles by rank: sorted by adherence, the i-th of n episodes (from 0) goes
 * to quartile floor(4i/n)+1, so quartiles differ in size by at most one and
 * every episode lands in exactly one. Ties at a boundary may fall either side
 * (ordered by episode id, so the split is stable).
 */
export function adherenceQuartiles(episodes: readonly ReportEpisode[]): ReportEpisode[][] {
  const withRatio = episodes
    .filter((e) => e.outcome.adherence?.ratio != null)
    .sort(
      (a, b) =>
        a.outcome.adherence!.ratio! - b.outcome.adherence!.ratio! ||
        (a.episodeId < b.episodeId ? -1 : a.episodeId > b.episodeId ? 1 : 0),
    );
  const quartiles: ReportEpisode[][] = [[], [], [], []];
  withRatio.forEach((e, i) => quartiles[Math.floor((4 * i) / withRatio.length)]!.push(e));
  return quartiles;
}

export function buildOutcomeReport(episodes: readonly ReportEpisode[]): OutcomeReport {
  const byTherapist = new Map<string, { label: string; episodes: ReportEpisode[] }>();
  for (const e of episodes) {
    const key = e.therapist?.id ?? "none";
    const entry = byTherapist.get(key) ?? { label: e.therapist?.name ?? "No therapist recorded", episodes: [] };
    entry.episodes.push(e);
    byTherapist.set(key, entry);
  }
  const riskKeys: Array<RiskGroup | "none"> = [...RISK_GROUPS];
  if (episodes.some((e) => e.risk === null)) riskKeys.push("none");
  const quartiles = adherenceQuartiles(episodes);
  const withoutProgram = episodes.filter((e) => e.outcome.adherence?.ratio == null).length;
  return {
    overall: groupFigures("all", "All discharged episodes", episodes),
    byTherapist: [...byTherapist.entries()]
      .sort(([, a], [, b]) => a.label.localeCompare(b.label))
      .map(([key, g]) => groupFigures(key, g.label, g.episodes)),
    byRisk: riskKeys.map((key) =>
      groupFigures(
        key,
        RISK_GROUP_LABEL[key],
        episodes.filter((e) => (e.risk ?? "none") === key),
      ),
    ),
    byAdherence: {
      quartiles: quartiles.map((q, i): QuartileFigures => {
        const quartile = (i + 1) as 1 | 2 | 3 | 4;
        if (q.length < MIN_GROUP_SIZE) return { quartile, suppressed: true };
        const ratios = q.map((e) => e.outcome.adherence!.ratio!);
        return {
          quartile,
          suppressed: false,
          episodes: q.length,
          adherenceFrom: Math.min(...ratios),
          adherenceTo: Math.max(...ratios),
          measures: OUTCOME_MEASURES.map((m) => measureFigures(q, m)),
        };
      }),
      withoutProgram: withoutProgram > 0 && withoutProgram < MIN_GROUP_SIZE ? SUPPRESSED_LABEL : withoutProgram,
    },
  };
}

/** What a chart of one measure gets: the share per group, null where the report withholds it. */
export function shareBars(
  groups: ReadonlyArray<{ label: string } & (GroupFigures | QuartileFigures)>,
  measure: OutcomeMeasure,
): Array<{ label: string; share: number | null }> {
  return groups.map((g) => {
    const m = g.suppressed ? null : g.measures.find((x) => x.measure === measure);
    return { label: g.label, share: m && !m.suppressed ? m.shareReached : null };
  });
}

export function quartileLabel(quartile: 1 | 2 | 3 | 4): string {
  return `Adherence quartile ${quartile}${quartile === 1 ? " (lowest)" : quartile === 4 ? " (highest)" : ""}`;
}
