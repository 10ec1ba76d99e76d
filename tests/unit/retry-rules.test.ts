import { describe, expect, it } from "vitest";
import { isExhausted, MAX_ATTEMPTS, retryDelayMs } from "@/lib/notifications/retry-rules";

describe("outbox retry schedule", () => {
  it("doubles from 30 seconds", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it("never waits more than an hour", () => {
    expect(retryDelayMs(20)).toBe(3_600_000);
    expect(retryDelayMs(1000)).toBe(3_600_000);
  });

  it("parks a message as failed after the last attempt, not before", () => {
    expect(isExhausted(MAX_ATTEMPTS - 1)).toBe(false);
    expect(isExhausted(MAX_ATTEMPTS)).toBe(true);
  });
});
