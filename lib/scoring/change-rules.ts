/**
 * Change between two administrations of a score, and whether it reaches the
 * threshold that matters clinically. Direction differs: ODI and NPRS fall as a
 * patient improves, the PSFS rises.
 */
import { ODI_MIN_DETECTABLE_CHANGE } from "./odi-rules";
import { NPRS_MEANINGFUL_CHANGE } from "./nprs-rules";
import { PSFS_MEANINGFUL_CHANGE_ACTIVITY, PSFS_MEANINGFUL_CHANGE_MEAN } from "./psfs-rules";
import { round } from "./bands";

export const SCORE_CHANGE_RULES = {
  odi: {
    threshold: ODI_MIN_DETECTABLE_CHANGE,
    betterWhen: "lower",
    unit: "points",
    thresholdName: "minimum detectable change",
  },
  nprs: { threshold: NPRS_MEANINGFUL_CHANGE, betterWhen: "lower", unit: "points", thresholdName: "meaningful change" },
  psfs: {
    threshold: PSFS_MEANINGFUL_CHANGE_MEAN,
    betterWhen: "higher",
    unit: "points",
    thresholdName: "meaningful change",
  },
  psfsActivity: {
    threshold: PSFS_MEANINGFUL_CHANGE_ACTIVITY,
    betterWhen: "higher",
    unit: "points",
    thresholdName: "meaningful change",
  },
} as const;
export type ScoreKind = keyof typeof SCORE_CHANGE_RULES;

export type ScoreChange = {
  /** later - earlier, rounded to one decimal. */
  delta: number;
  direction: "better" | "worse" | "same";
  /** |delta| reaches the threshold. */
  meaningful: boolean;
  threshold: number;
};

export function scoreChange(kind: ScoreKind, earlier: number, later: number): ScoreChange {
  const rule = SCORE_CHANGE_RULES[kind];
  const delta = round(later - earlier, 1);
  const direction = delta === 0 ? "same" : delta < 0 === (rule.betterWhen === "lower") ? "better" : "worse";
  return { delta, direction, meaningful: Math.abs(delta) >= rule.threshold, threshold: rule.threshold };
}
