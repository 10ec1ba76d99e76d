import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import {
  ACCOUNT_FAILURE_LIMIT,
  ACCOUNT_LOCK_SECONDS,
  ACCOUNT_WINDOW_SECONDS,
  IP_FAILURE_LIMIT,
  IP_LOCK_SECONDS,
  IP_WINDOW_SECONDS,
} from "./throttle-rules";

// rate-limiter-flexible keeps the counters in Postgres (RateLimit model), so
// every app instance shares them and a restart does not reset a lock.
let limiters: { account: RateLimiterPrisma; ip: RateLimiterPrisma } | undefined;

function get() {
  limiters ??= {
    account: new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: "signin-account",
      points: ACCOUNT_FAILURE_LIMIT,
      duration: ACCOUNT_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
    ip: new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: "signin-ip",
      points: IP_FAILURE_LIMIT,
      duration: IP_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
  };
  return limiters;
}

/** Milliseconds until this account or address may try again, or 0. */
export async function msUntilSignInAllowed(email: string, ip: string | null): Promise<number> {
  const { account, ip: byIp } = get();
  const [a, i] = await Promise.all([account.get(email), ip ? byIp.get(ip) : null]);
  const waits = [0];
  if (a && a.consumedPoints >= ACCOUNT_FAILURE_LIMIT) waits.push(a.msBeforeNext);
  if (i && i.consumedPoints >= IP_FAILURE_LIMIT) waits.push(i.msBeforeNext);
  return Math.max(...waits);
}

async function countFailure(limiter: RateLimiterPrisma, key: string, limit: number, lockSeconds: number) {
  const res = await limiter.penalty(key, 1);
  // Reaching the limit starts a full lock period from now, whatever is left of the counting window.
  if (res.consumedPoints >= limit) await limiter.block(key, lockSeconds);
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const { account, ip: byIp } = get();
  await countFailure(account, email, ACCOUNT_FAILURE_LIMIT, ACCOUNT_LOCK_SECONDS);
  if (ip) await countFailure(byIp, ip, IP_FAILURE_LIMIT, IP_LOCK_SECONDS);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await get().account.delete(email);
}
