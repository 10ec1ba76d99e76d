/**
 * Outbox retry schedule. Pure: exponential backoff from 30 s, capped at one
 * hour; after MAX_ATTEMPTS a message is parked as `failed` for an admin to see
 * and retry, never dropped.
 */
export const MAX_ATTEMPTS = 10;
export const CLAIM_LEASE_MS = 2 * 60_000;
const BASE_MS = 30_000;
const CAP_MS = 60 * 60_000;

export function retryDelayMs(attemptsSoFar: number): number {
  const exp = Math.max(0, attemptsSoFar - 1);
  return Math.min(CAP_MS, BASE_MS * 2 ** exp);
}

export function isExhausted(attemptsSoFar: number): boolean {
  return attemptsSoFar >= MAX_ATTEMPTS;
}
