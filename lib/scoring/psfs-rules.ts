/**
 * Patient-Specific Functional Scale (Stratford et al., Physiotherapy Canada 1995).
 * 3-5 activities named by the patient, each rated 0 (unable) to 10 (as before
 * the problem); score = mean. Higher is better. Meaningful change: 2 points in
 * the mean, 3 points for a single activity.
 */
import { round } from "./bands";

export const PSFS_MIN_ACTIVITIES = 3;
export const PSFS_MAX_ACTIVITIES = 5;
export const PSFS_MEANINGFUL_CHANGE_MEAN = 2;
export const PSFS_MEANINGFUL_CHANGE_ACTIVITY = 3;

export type PsfsActivity = { activity: string; rating: number | null | undefined };
export type PsfsScore = { mean: number; display: number; rated: number };

/** Null unless at least three activities are named and rated. */
export function scorePsfs(activities: readonly PsfsActivity[]): PsfsScore | null {
  const rated = activities.filter((a) => a.activity.trim() !== "" && typeof a.rating === "number");
  for (const a of rated) {
    if (!Number.isInteger(a.rating) || a.rating! < 0 || a.rating! > 10) throw new RangeError("PSFS ratings are 0-10");
  }
  if (rated.length < PSFS_MIN_ACTIVITIES) return null;
  if (rated.length > PSFS_MAX_ACTIVITIES) throw new RangeError("The PSFS takes at most 5 activities");
  const mean = rated.reduce((s, a) => s + a.rating!, 0) / rated.length;
  return { mean, display: round(mean, 1), rated: rated.length };
}
