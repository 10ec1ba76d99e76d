import { describe, expect, it } from "vitest";
import { seriesDates } from "@/lib/booking/series-rules";
import {
  canApply,
  isLateCancellation,
  patientMayCancel,
  patientMayReschedule,
  statusActionTimingError,
} from "@/lib/booking/status-rules";

const HOUR = 3_600_000;

describe("late cancellation", () => {
  const start = Date.UTC(2026, 5, 15, 14);
  it("is late strictly inside the window and never with a window of zero", () => {
    expect(isLateCancellation(start, start - 25 * HOUR, 24)).toBe(false);
    expect(isLateCancellation(start, start - 24 * HOUR, 24)).toBe(false); // exactly 24 h before: on time
    expect(isLateCancellation(start, start - 24 * HOUR + 1, 24)).toBe(true);
    expect(isLateCancellation(start, start - HOUR, 0)).toBe(false);
  });
  it("patients reschedule online until the window opens and cancel until the start", () => {
    expect(patientMayReschedule(start, start - 30 * HOUR, 24)).toBe(true);
    expect(patientMayReschedule(start, start - 2 * HOUR, 24)).toBe(false);
    expect(patientMayCancel(start, start - 1)).toBe(true);
    expect(patientMayCancel(start, start)).toBe(false);
  });
});

describe("status actions", () => {
  it("allow only the moves in the table", () => {
    expect(canApply("check_in", "booked")).toBe(true);
    expect(canApply("check_in", "cancelled")).toBe(false);
    expect(canApply("complete", "checked_in")).toBe(true);
    expect(canApply("no_show", "checked_in")).toBe(false);
    expect(canApply("undo_check_in", "checked_in")).toBe(true);
  });
  it("refuse a no-show or completion before the start, and a check-in days ahead", () => {
    const start = Date.UTC(2026, 5, 15, 14);
    expect(statusActionTimingError("no_show", start, start - 1)).toMatch(/no-show/);
    expect(statusActionTimingError("no_show", start, start + 15 * 60_000)).toBeNull();
    expect(statusActionTimingError("complete", start, start - 1)).toMatch(/completed/);
    expect(statusActionTimingError("check_in", start, start - 30 * HOUR)).toMatch(/day of/);
    expect(statusActionTimingError("check_in", start, start - HOUR)).toBeNull();
  });
});

describe("seriesDates", () => {
  it("2 x week for 6 weeks on Mon/Thu from a Monday gives twelve dates", () => {
    const dates = seriesDates("2026-06-15", [1, 4], 6);
    expect(dates).toHaveLength(12);
    expect(dates.slice(0, 4)).toEqual(["2026-06-15", "2026-06-18", "2026-06-22", "2026-06-25"]);
    expect(dates.at(-1)).toBe("2026-07-23");
  });
  it("starting mid-week still yields the full count, from the first date on", () => {
    expect(seriesDates("2026-06-17", [1, 4], 2)).toEqual(["2026-06-18", "2026-06-22", "2026-06-25", "2026-06-29"]);
  });
  it("crosses a daylight-saving change on calendar dates (times are resolved per date later)", () => {
    expect(seriesDates("2026-10-26", [1], 2)).toEqual(["2026-10-26", "2026-11-02"]);
  });
});
