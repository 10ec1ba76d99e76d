/** Password-reset request throttling: numbers and wording. Pure, so the wording is tested once. */
export const RESET_WINDOW_SECONDS = 60 * 60;
/** Per address: enough for "the email didn't come, send it again", not for flooding someone's inbox. */
export const RESET_ADDRESS_LIMIT = 5;
/** Per client address, across emails: stops one client probing or spamming many inboxes; loose for a shared clinic network. */
export const RESET_IP_LIMIT = 20;

/** The same whether or not the address has an account: a 429 must not tell them apart either. */
export function resetThrottledMessage(msBeforeRetry: number): string {
  const minutes = Math.max(1, Math.ceil(msBeforeRetry / 60_000));
  return `Too many password reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we sent a link to reset the password. It works for 30 minutes; check your spam folder if it does not arrive.";
