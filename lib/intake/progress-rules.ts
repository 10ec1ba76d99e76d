/**
 * Scores over time for one patient: each administration with its change from
 * the previous one and from the first (baseline), and whether that change
 * reaches the measure's threshold. Pure.
 */
import { scoreChange, type ScoreChange, type ScoreKind } from "@/lib/scoring/change-rules";

export type ScorePoint = { intakeId: string; date: Date; value: number | null; band: string | null };
export type ProgressRow = ScorePoint & { fromPrevious: ScoreChange | null; fromBaseline: ScoreChange | null };

/** Points in date order; a missing value breaks nothing (changes skip over it). */
export function scoreSeries(kind: ScoreKind, points: readonly ScorePoint[]): ProgressRow[] {
  const sorted = [...points].sort((a, b) => a.date.getTime() - b.date.getTime());
  let baseline: number | null = null;
  let previous: number | null = null;
  return sorted.map((p) => {
    const row: ProgressRow = {
      ...p,
      fromPrevious: p.value !== null && previous !== null ? scoreChange(kind, previous, p.value) : null,
      fromBaseline: p.value !== null && baseline !== null ? scoreChange(kind, baseline, p.value) : null,
    };
    if (p.value !== null) {
      baseline ??= p.value;
      previous = p.value;
    }
    return row;
  });
}

export type PsfsActivityProgress = {
  activity: string;
  ratings: { intakeId: string; date: Date; rating: number | null }[];
  fromBaseline: ScoreChange | null;
};

/** Each PSFS activity re-rated over time (matched by its text, which follow-ups keep fixed). */
export function psfsActivityProgress(
  administrations: readonly {
    intakeId: string;
    date: Date;
    activities: readonly { activity: string; rating: number }[];
  }[],
): PsfsActivityProgress[] {
  const sorted = [...administrations].sort((a, b) => a.date.getTime() - b.date.getTime());
  const names: string[] = [];
  for (const a of sorted) for (const x of a.activities) if (!names.includes(x.activity)) names.push(x.activity);
  return names.map((activity) => {
    const ratings = sorted.map((a) => ({
      intakeId: a.intakeId,
      date: a.date,
      rating: a.activities.find((x) => x.activity === activity)?.rating ?? null,
    }));
    const rated = ratings.filter((r) => r.rating !== null);
    const first = rated[0];
    const last = rated[rated.length - 1];
    return {
      activity,
      ratings,
      fromBaseline: first && last && first !== last ? scoreChange("psfsActivity", first.rating!, last.rating!) : null,
    };
  });
}
