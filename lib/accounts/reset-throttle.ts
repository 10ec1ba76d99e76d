import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  RESET_ADDRESS_LIMIT,
  RESET_IP_LIMIT,
  RESET_WINDOW_SECONDS,
  resetThrottledMessage,
} from "./reset-throttle-rules";

// Same store as sign-in throttling (RateLimit table): shared by every app instance, kept across restarts.
let limiters: { address: RateLimiterPrisma; ip: RateLimiterPrisma } | undefined;

function get() {
  const make = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix,
      points,
      duration: RESET_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    });
  limiters ??= { address: make("reset-address", RESET_ADDRESS_LIMIT), ip: make("reset-ip", RESET_IP_LIMIT) };
  return limiters;
}

/**
 * Counts one reset request against the address and the client's IP, whether
 * or not the address has an account, and refuses (429) past either limit.
 */
export async function consumeResetAllowance(email: string, ip: string | null): Promise<void> {
  const { address, ip: byIp } = get();
  const results = await Promise.allSettled([address.consume(email), ip ? byIp.consume(ip) : Promise.resolve(null)]);
  const waits: number[] = [];
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    if (r.reason instanceof RateLimiterRes) waits.push(r.reason.msBeforeNext);
    else throw r.reason;
  }
  if (waits.length) throw new AppError("rate_limited", resetThrottledMessage(Math.max(...waits)));
}
