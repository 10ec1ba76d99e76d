/**
 * Bounds on the clinic's re-evaluation rule (operations.md: every 10 visits or
 * 30 days by default; Medicare's progress report is due every 10 treatment
 * days). A re-evaluation more often than every 2 visits or 7 days would flag
 * nearly every episode; one rarer than every 60 visits or 180 days is no rule.
 */
export const EPISODE_SETTING_LIMITS = {
  reevalEveryVisits: { min: 2, max: 60 },
  reevalEveryDays: { min: 7, max: 180 },
} as const;

/** What a clinic without a saved row gets: the table's column defaults. */
export const DEFAULT_EPISODE_SETTINGS = { reevalEveryVisits: 10, reevalEveryDays: 30 } as const;

export type EpisodeSettingsValues = { reevalEveryVisits: number; reevalEveryDays: number };
