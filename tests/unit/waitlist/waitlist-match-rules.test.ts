import { describe, expect, it } from "vitest";
import { matchEntries, visitFor, type EntryFacts } from "@/lib/waitlist/waitlist-match-rules";

const TZ = "America/New_York";
const now = new Date("2026-12-07T13:00:00Z"); // Mon 08:00 New York
// Tue 8 Dec 10:00-11:00 New York
const freed = {
  therapistId: "t1",
  startsAt: new Date("2026-12-08T15:00:00Z"),
  endsAt: new Date("2026-12-08T16:00:00Z"),
};

const entry = (over: Partial<EntryFacts> = {}): EntryFacts => ({
  id: "e1",
  patientId: "p1",
  therapistId: null,
  appointmentTypeId: "type",
  durationMinutes: 45,
  weekdays: [1, 2, 3, 4, 5],
  windows: [{ startMinute: 9 * 60, endMinute: 12 * 60 }],
  earliestDate: "2026-12-01",
  latestDate: "2026-12-31",
  priority: "routine",
  createdAt: new Date("2026-11-01T00:00:00Z"),
  ...over,
});

describe("visitFor", () => {
  it("offers the entry's visit length from the freed start", () => {
    expect(visitFor(entry(), freed, { timeZone: TZ, now })).toEqual({
      startsAt: new Date("2026-12-08T15:00:00Z"),
      endsAt: new Date("2026-12-08T15:45:00Z"),
    });
  });
  it("refuses another therapist, a visit too long, a wrong weekday, a window or dates that miss", () => {
    const ctx = { timeZone: TZ, now };
    expect(visitFor(entry({ therapistId: "t2" }), freed, ctx)).toBeNull();
    expect(visitFor(entry({ therapistId: "t1" }), freed, ctx)).not.toBeNull();
    expect(visitFor(entry({ durationMinutes: 75 }), freed, ctx)).toBeNull();
    expect(visitFor(entry({ weekdays: [1, 3] }), freed, ctx)).toBeNull();
    expect(visitFor(entry({ windows: [{ startMinute: 13 * 60, endMinute: 17 * 60 }] }), freed, ctx)).toBeNull();
    expect(visitFor(entry({ windows: [{ startMinute: 9 * 60, endMinute: 10 * 60 + 30 }] }), freed, ctx)).toBeNull();
    expect(visitFor(entry({ earliestDate: "2026-12-09" }), freed, ctx)).toBeNull();
    expect(visitFor(entry({ latestDate: "2026-12-07" }), freed, ctx)).toBeNull();
  });
  it("reads the window on the clinic's clock, not UTC", () => {
    // 10:00 in New York is 15:00 UTC: a 14:00-16:00 window would match in UTC but not locally.
    const ctx = { timeZone: TZ, now };
    expect(visitFor(entry({ windows: [{ startMinute: 14 * 60, endMinute: 16 * 60 }] }), freed, ctx)).toBeNull();
  });
  it("offers nothing less than 2 hours away", () => {
    expect(visitFor(entry(), freed, { timeZone: TZ, now: new Date("2026-12-08T13:30:00Z") })).toBeNull();
    expect(visitFor(entry(), freed, { timeZone: TZ, now: new Date("2026-12-08T13:00:00Z") })).not.toBeNull();
  });
});

describe("matchEntries", () => {
  it("puts urgent first, then the oldest, and leaves out entries that do not match", () => {
    const entries = [
      entry({ id: "new", createdAt: new Date("2026-11-20T00:00:00Z") }),
      entry({ id: "old", createdAt: new Date("2026-11-02T00:00:00Z") }),
      entry({ id: "urgent", priority: "urgent", createdAt: new Date("2026-11-30T00:00:00Z") }),
      entry({ id: "other-therapist", therapistId: "t9" }),
    ];
    const order = matchEntries(entries, freed, { timeZone: TZ, now }).map((m) => m.entry.id);
    expect(order).toEqual(["urgent", "old", "new"]);
  });
});
