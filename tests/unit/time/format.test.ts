import { describe, expect, it } from "vitest";
import {
  formatDateOnly,
  formatDateTime,
  formatIsoDateOnly,
  formatLocalDate,
  formatLocalTime,
  formatLongDay,
  formatShortDay,
  zoneDisplayName,
  zoneLabelAt,
} from "@/lib/time/format";

// One instant, late evening in New York and already the next morning in London.
const instant = Date.parse("2026-11-24T03:30:00Z");

describe("times shown to people", () => {
  it("are in the zone asked for, whatever zone the process runs in", () => {
    expect(formatDateTime(instant, "America/New_York")).toBe("Nov 23, 2026, 10:30 PM");
    expect(formatDateTime(new Date(instant), "Europe/London")).toBe("Nov 24, 2026, 3:30 AM");
    expect(formatDateTime(new Date(instant).toISOString(), "Europe/London")).toBe("Nov 24, 2026, 3:30 AM");
    expect(formatLocalDate(instant, "America/New_York")).toBe("Monday, November 23, 2026");
    expect(formatLocalTime(instant, "Europe/London")).toBe("3:30 AM");
  });

  it("tell the two 1:30s of an autumn repeat apart when asked for the zone", () => {
    const first = Date.parse("2026-11-01T05:30:00Z");
    const second = Date.parse("2026-11-01T06:30:00Z");
    expect(formatLocalTime(first, "America/New_York")).toBe(formatLocalTime(second, "America/New_York"));
    expect(formatLocalTime(first, "America/New_York", true)).toBe("1:30 AM EDT");
    expect(formatLocalTime(second, "America/New_York", true)).toBe("1:30 AM EST");
    expect(zoneLabelAt(Date.parse("2026-07-01T12:00:00Z"), "Europe/London")).toBe("GMT+1");
  });

  it("name the zone for patients", () => {
    expect(zoneDisplayName("America/New_York", instant)).toBe("Eastern Standard Time (America/New York)");
  });
});

describe("calendar days shown to people", () => {
  it("never shift a stored or local day by a zone", () => {
    expect(formatDateOnly(new Date("2026-01-01T00:00:00Z"))).toBe("Jan 1, 2026");
    expect(formatIsoDateOnly("1980-12-31")).toBe("Dec 31, 1980");
    expect(formatLongDay("2026-11-23")).toBe("Monday 23 November");
    expect(formatShortDay("2026-03-01")).toBe("Mar 1");
  });
});
