/** The follow-up list's reasons, in the order rows are sorted by; the labels the list shows (client-safe, no rules). */
export const FOLLOW_UP_REASONS = [
  "dropped_out",
  "under_scheduled",
  "authorization_ending",
  "reevaluation_due",
] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export const FOLLOW_UP_REASON_LABELS: Record<FollowUpReason, string> = {
  dropped_out: "Dropped out",
  under_scheduled: "Under-scheduled",
  authorization_ending: "Authorisation ending",
  reevaluation_due: "Re-evaluation due",
};
