/** Sign-in throttling numbers and wording. Pure, so the wording is tested once. */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ACCOUNT_LOCK_SECONDS = 15 * 60;
/** Failures are counted in a window opened by the first one. */
export const ACCOUNT_WINDOW_SECONDS = 60 * 60;
/** Per address, across accounts: stops one client trying many accounts, loose enough for a shared clinic network. */
export const IP_FAILURE_LIMIT = 30;
export const IP_WINDOW_SECONDS = 60 * 60;
export const IP_LOCK_SECONDS = 60 * 60;

export const WRONG_CREDENTIALS = "That email and password don't match our records. Check them and try again.";

export function lockedMessage(msBeforeRetry: number): string {
  const minutes = Math.max(1, Math.ceil(msBeforeRetry / 60_000));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
