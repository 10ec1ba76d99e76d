import { describe, expect, it } from "vitest";
import { zonedDayStart } from "@/lib/time/zoned-day";

describe("zonedDayStart", () => {
  it("finds local midnight in New York in winter and summer", () => {
    expect(zonedDayStart("2026-01-15", "America/New_York").toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(zonedDayStart("2026-07-15", "America/New_York").toISOString()).toBe("2026-07-15T04:00:00.000Z");
  });

  it("handles the days clocks change", () => {
    expect(zonedDayStart("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(zonedDayStart("2026-03-08", "America/New_York", 1).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(zonedDayStart("2026-11-01", "America/New_York", 1).toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("works east of UTC and across month ends", () => {
    expect(zonedDayStart("2026-03-31", "Asia/Kolkata", 1).toISOString()).toBe("2026-03-31T18:30:00.000Z");
    expect(zonedDayStart("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });
});
