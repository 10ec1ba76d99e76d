import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  eachDay,
  isIsoDate,
  localDateOf,
  weekStartOf,
} from "@/lib/programs/rules/calendar-rules";

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
    expect(weekStartOf("2026-11-22")).toBe("2026-11-16"); // Sunday
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23"); // Monday
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28"); // Friday
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
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
  });
});
