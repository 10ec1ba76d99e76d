import { describe, expect, it } from "vitest";
import { lockedMessage } from "@/lib/auth/throttle-rules";

describe("lockedMessage", () => {
  it("rounds the wait up to whole minutes", () => {
    expect(lockedMessage(15 * 60_000)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(lockedMessage(14 * 60_000 + 1)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  });

  it("never says zero minutes and uses the singular for one", () => {
    expect(lockedMessage(500)).toBe("Too many sign-in attempts. Try again in 1 minute.");
    expect(lockedMessage(0)).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });
});
