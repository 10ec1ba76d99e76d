/**
 * Bounds on the clinic's waitlist offer settings (operations.md: 3 at a time,
 * 15 minutes, as Jituzu does). More than 10 at once turns an offer into a
 * race most patients lose; a hold past 2 hours keeps a freed time empty
 * for longer than the 2-hour minimum lead leaves room for.
 */
export const WAITLIST_SETTING_LIMITS = {
  offersAtOnce: { min: 1, max: 10 },
  holdMinutes: { min: 5, max: 120 },
} as const;

export type WaitlistSettings = { offersAtOnce: number; holdMinutes: number };
