import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  eachDay,
  instantOfLocal,
  isLocalDate,
  localDateOf,
  localMinuteOf,
  startOfLocalDay,
  startOfWeek,
} from "@/lib/time/calendar-rules";

describe("clinic-local calendar days", () => {
  it("gives the day in the clinic's zone, not in UTC", () => {
    const instant = new Date("2026-11-23T04:30:00Z");
    expect(localDateOf(instant, "America/New_York")).toBe("2026-11-22"); // 23:30 EST
    expect(localDateOf(instant, "UTC")).toBe("2026-11-23");
    expect(localDateOf(instant, "Pacific/Auckland")).toBe("2026-11-23"); // 17:30 NZDT
    expect(localDateOf(new Date("2026-11-22T19:00:00Z"), "Pacific/Auckland")).toBe("2026-11-23"); // 08:00 next day
  });

  it("is right on the spring-forward day (a fixed -5 h offset would be an hour off after it)", () => {
    // 2026-03-08: New York moves from EST (-5) to EDT (-4) at 02:00.
    expect(localDateOf(new Date("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-08"); // 23:59 EDT
    expect(localDateOf(new Date("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09"); // 00:00 EDT
  });

  it("is right on the fall-back day (a fixed -4 h offset would be an hour off after it)", () => {
    // 2026-11-01: New York moves from EDT (-4) back to EST (-5) at 02:00.
    expect(localDateOf(new Date("2026-11-02T04:30:00Z"), "America/New_York")).toBe("2026-11-01"); // 23:30 EST
    expect(localDateOf(new Date("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02"); // 00:00 EST
  });

  it("starts weeks on Monday, across month and year ends", () => {
    expect(startOfWeek("2026-11-22")).toBe("2026-11-16"); // Sunday
    expect(startOfWeek("2026-11-23")).toBe("2026-11-23"); // Monday
    expect(startOfWeek("2027-01-01")).toBe("2026-12-28"); // Friday
  });

  it("adds and counts days, and lists a range with both ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-16", "2026-11-23")).toBe(7);
    expect(daysBetween("2026-11-23", "2026-11-16")).toBe(-7);
    expect(eachDay("2026-10-30", "2026-11-02")).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(eachDay("2026-11-02", "2026-11-01")).toEqual([]);
  });

  it("accepts only real calendar dates", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("2026-1-01")).toBe(false);
  });
});

const iso = (ms: number) => new Date(ms).toISOString();

describe("the start of a local day", () => {
  it("is local midnight in New York in winter and summer", () => {
    expect(iso(startOfLocalDay("2026-01-15", "America/New_York"))).toBe("2026-01-15T05:00:00.000Z");
    expect(iso(startOfLocalDay("2026-07-15", "America/New_York"))).toBe("2026-07-15T04:00:00.000Z");
  });

  it("follows the offset of that day on the days clocks change", () => {
    // New York: 8 March 2026 springs forward, so the next day starts an hour earlier in UTC; 1 November falls back.
    expect(iso(startOfLocalDay("2026-03-08", "America/New_York"))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-09", "America/New_York"))).toBe("2026-03-09T04:00:00.000Z");
    expect(iso(startOfLocalDay("2026-11-02", "America/New_York"))).toBe("2026-11-02T05:00:00.000Z");
    // London: 29 March 2026 to BST, 25 October back to GMT.
    expect(iso(startOfLocalDay("2026-03-29", "Europe/London"))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-30", "Europe/London"))).toBe("2026-03-29T23:00:00.000Z");
    expect(iso(startOfLocalDay("2026-10-25", "Europe/London"))).toBe("2026-10-24T23:00:00.000Z");
    expect(iso(startOfLocalDay("2026-10-26", "Europe/London"))).toBe("2026-10-26T00:00:00.000Z");
  });

  it("works east of UTC and across month ends", () => {
    expect(iso(startOfLocalDay("2026-04-01", "Asia/Kolkata"))).toBe("2026-03-31T18:30:00.000Z");
  });

  it("is the first instant after a gap when midnight itself does not exist", () => {
    // Santiago springs forward at 00:00 on 6 September 2026: the day starts at 01:00 local.
    expect(localMinuteOf(startOfLocalDay("2026-09-06", "America/Santiago"), "America/Santiago")).toBe(60);
  });

  it("gives 23- and 25-hour days around the changes, and 24 elsewhere", () => {
    const hours = (day: string, zone: string) =>
      (startOfLocalDay(addDays(day, 1), zone) - startOfLocalDay(day, zone)) / 3_600_000;
    expect(hours("2026-03-08", "America/New_York")).toBe(23);
    expect(hours("2026-11-01", "America/New_York")).toBe(25);
    expect(hours("2026-03-29", "Europe/London")).toBe(23);
    expect(hours("2026-10-25", "Europe/London")).toBe(25);
    expect(hours("2026-06-15", "Europe/London")).toBe(24);
  });
});

describe("wall-clock times in a zone", () => {
  it("reads a time in the spring gap with the offset before it (RFC 5545)", () => {
    // 01:30 does not exist in London on 29 March 2026; read as GMT it is 01:30Z, which the clock shows as 02:30 BST.
    const t = instantOfLocal("2026-03-29", 90, "Europe/London");
    expect(iso(t)).toBe("2026-03-29T01:30:00.000Z");
    expect(localMinuteOf(t, "Europe/London")).toBe(150);
  });

  it("takes the earlier of a repeated hour", () => {
    // 01:30 happens twice in New York on 1 November 2026: first in EDT (05:30Z), then in EST (06:30Z).
    expect(iso(instantOfLocal("2026-11-01", 90, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(localMinuteOf(Date.parse("2026-11-01T06:30:00Z"), "America/New_York")).toBe(90);
  });

  it("treats minute 1440 as the next local midnight", () => {
    expect(instantOfLocal("2026-03-08", 1440, "America/New_York")).toBe(
      startOfLocalDay("2026-03-09", "America/New_York"),
    );
  });

  it("puts an instant on the right side of a London day boundary in summer and winter", () => {
    expect(localDateOf(Date.parse("2026-07-01T23:30:00Z"), "Europe/London")).toBe("2026-07-02"); // 00:30 BST
    expect(localDateOf(Date.parse("2026-12-31T23:30:00Z"), "Europe/London")).toBe("2026-12-31"); // 23:30 GMT
  });
});
