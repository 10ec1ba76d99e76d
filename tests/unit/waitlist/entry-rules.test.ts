import { describe, expect, it } from "vitest";
import { dateRangeProblems, normalizeWindows, windowsProblem } from "@/lib/waitlist/entry-rules";
import { waitlistEntrySchema } from "@/lib/waitlist/entry-schema";

const w = (start: number, end: number) => ({ startMinute: start * 60, endMinute: end * 60 });

describe("waitlist windows", () => {
  it("accepts quarter-hour windows inside 06:00-22:00", () => {
    expect(windowsProblem([w(6, 22)])).toBeNull();
    expect(windowsProblem([{ startMinute: 8 * 60 + 15, endMinute: 9 * 60 + 45 }])).toBeNull();
  });

  it("refuses none, an end not after the start, off-grid minutes and times outside the clinic day", () => {
    expect(windowsProblem([])).toMatch(/at least one/);
    expect(windowsProblem([w(12, 12)])).toMatch(/end must be after the start/);
    expect(windowsProblem([w(14, 12)])).toMatch(/end must be after the start/);
    expect(windowsProblem([{ startMinute: 8 * 60 + 10, endMinute: 9 * 60 }])).toMatch(/quarter hour/);
    expect(windowsProblem([w(5, 9)])).toMatch(/between 06:00 and 22:00/);
    expect(windowsProblem([w(20, 23)])).toMatch(/between 06:00 and 22:00/);
  });

  it("names the window at fault when there are several", () => {
    expect(windowsProblem([w(8, 10), w(15, 14)])).toBe("Time 2: the end must be after the start.");
  });

  it("counts windows once joined: four touching presets are one stretch, five separate ones too many", () => {
    expect(windowsProblem([w(8, 12), w(12, 14), w(14, 18), w(18, 21)])).toBeNull();
    expect(windowsProblem([w(6, 7), w(8, 9), w(10, 11), w(12, 13), w(14, 15)])).toMatch(/at most 4/);
  });

  it("sorts and joins overlapping or touching windows", () => {
    expect(normalizeWindows([w(14, 18), w(8, 12), w(11, 13), w(18, 19)])).toEqual([w(8, 13), w(14, 19)]);
  });
});

describe("waitlist dates", () => {
  const ctx = { today: "2026-12-03", lastBookableDate: "2027-01-31" };

  it("accepts today to the end of the booking window", () => {
    expect(dateRangeProblems({ ...ctx, earliestDate: "2026-12-03", latestDate: "2027-01-31" })).toEqual({});
  });

  it("refuses an earliest date in the past and a latest date before it", () => {
    expect(dateRangeProblems({ ...ctx, earliestDate: "2026-12-02", latestDate: "2026-12-10" })).toEqual({
      earliestDate: "The earliest date cannot be in the past.",
    });
    expect(dateRangeProblems({ ...ctx, earliestDate: "2026-12-10", latestDate: "2026-12-09" }).latestDate).toMatch(
      /on or after the earliest/,
    );
  });

  it("refuses dates beyond the booking window", () => {
    const p = dateRangeProblems({ ...ctx, earliestDate: "2027-02-01", latestDate: "2027-02-05" });
    expect(p.earliestDate).toMatch(/books up to 2027-01-31/);
    expect(p.latestDate).toMatch(/books up to 2027-01-31/);
  });
});

describe("the entry schema", () => {
  const schema = waitlistEntrySchema({ today: "2026-12-03", lastBookableDate: "2027-01-31" });
  const valid = {
    appointmentTypeId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    therapistId: "any",
    weekdays: ["3", "1", "1"],
    windows: [
      { start: "12:00", end: "14:00" },
      { start: "08:00", end: "12:00" },
    ],
    earliestDate: "2026-12-04",
    latestDate: "2026-12-31",
    note: "  ",
  };
  const fieldErrors = (input: unknown) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    return Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("turns form values into what is stored: any therapist is null, days sorted once, windows joined", () => {
    const r = schema.parse(valid);
    expect(r.therapistId).toBeNull();
    expect(r.weekdays).toEqual([1, 3]);
    expect(r.windows).toEqual([{ startMinute: 480, endMinute: 840 }]);
    expect(r.note).toBeNull();
    expect(r.priority).toBe("routine");
  });

  it("puts each problem on its own field", () => {
    expect(fieldErrors({ ...valid, weekdays: [] })).toEqual({ weekdays: "Choose at least one day of the week." });
    expect(fieldErrors({ ...valid, windows: [{ start: "10:00", end: "09:00" }] })).toEqual({
      windows: "The end must be after the start.",
    });
    expect(fieldErrors({ ...valid, windows: [{ start: "", end: "" }] })).toEqual({
      windows: "Enter times as HH:MM, e.g. 08:00 to 12:00.",
    });
    expect(fieldErrors({ ...valid, earliestDate: "2026-12-01" })).toEqual({
      earliestDate: "The earliest date cannot be in the past.",
    });
    expect(fieldErrors({ ...valid, therapistId: "someone" })).toHaveProperty("therapistId");
    expect(fieldErrors({ ...valid, note: "x".repeat(501) })).toEqual({ note: "Note can be at most 500 characters." });
  });
});
