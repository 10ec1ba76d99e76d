import { describe, expect, it } from "vitest";
import {
  computeFreeSlots,
  fitsWorkingTime,
  mergeIntervals,
  subtractIntervals,
  type SlotQuery,
  type TherapistSchedule,
  type WeeklyBlock,
} from "@/lib/scheduling/availability-rules";
import { formatLocalTime } from "@/lib/time/format";
import { hhmmToMinute } from "@/lib/time/calendar-rules";

const NY = "America/New_York";
const h = (hhmm: string) => hhmmToMinute(hhmm)!;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

function therapist(weekly: WeeklyBlock[], extra: Partial<TherapistSchedule> = {}): TherapistSchedule {
  return { therapistId: "t1", weekly, overrides: [], busy: [], ...extra };
}
const workEveryDay = (start: string, end: string): WeeklyBlock[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, kind: "work", startMinute: h(start), endMinute: h(end) }));

function query(over: Partial<SlotQuery>): SlotQuery {
  return {
    timeZone: NY,
    from: "2026-06-15",
    to: "2026-06-15",
    durationMinutes: 60,
    bufferAfterMinutes: 0,
    stepMinutes: 15,
    ...over,
  };
}
const localTimes = (slots: { start: number }[]) => slots.map((s) => formatLocalTime(s.start, NY));

describe("interval helpers", () => {
  it("merges touching and overlapping intervals and drops empty ones", () => {
    expect(
      mergeIntervals([
        { start: 5, end: 7 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 6, end: 9 },
        { start: 10, end: 10 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
  it("subtracts holes, including ones that cover a whole block or stick out of it", () => {
    expect(
      subtractIntervals(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [
          { start: 2, end: 4 },
          { start: 8, end: 22 },
          { start: 29, end: 40 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
      { start: 22, end: 29 },
    ]);
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: -5, end: 50 }])).toEqual([]);
  });
});

describe("computeFreeSlots on an ordinary day (Monday 15 June 2026, New York)", () => {
  it("steps every 15 minutes and keeps the whole visit inside the hours", () => {
    const slots = computeFreeSlots(query({}), [therapist(workEveryDay("09:00", "12:00"))]);
    expect(localTimes(slots)).toEqual([
      "9:00 AM",
      "9:15 AM",
      "9:30 AM",
      "9:45 AM",
      "10:00 AM",
      "10:15 AM",
      "10:30 AM",
      "10:45 AM",
      "11:00 AM",
    ]);
    expect(iso(slots[0]!.start)).toBe("2026-06-15T13:00:00.000Z"); // EDT is UTC-4
    expect(slots.every((s) => s.end - s.start === 60 * 60_000)).toBe(true);
  });

  it("applies the buffer after a visit so the grid cannot squeeze it (half-open: touching is fine)", () => {
    const busy = [{ start: at("2026-06-15T14:30:00Z"), end: at("2026-06-15T15:30:00Z") }]; // 10:30-11:30 local
    const withBuffer = computeFreeSlots(query({ bufferAfterMinutes: 15 }), [
      therapist(workEveryDay("09:00", "12:00"), { busy }),
    ]);
    // 9:15 + 60 min + 15 min buffer ends exactly at 10:30; 9:30 would run into the booked visit.
    expect(localTimes(withBuffer)).toEqual(["9:00 AM", "9:15 AM"]);
    const noBuffer = computeFreeSlots(query({}), [therapist(workEveryDay("09:00", "12:00"), { busy })]);
    expect(localTimes(noBuffer)).toEqual(["9:00 AM", "9:15 AM", "9:30 AM"]);
  });

  it("a buffer of an earlier visit blocks the start of the next slot", () => {
    // Existing visit 9:00-10:00 with a 30-minute buffer: busy until 10:30.
    const busy = [{ start: at("2026-06-15T13:00:00Z"), end: at("2026-06-15T14:30:00Z") }];
    const slots = computeFreeSlots(query({}), [therapist(workEveryDay("09:00", "12:00"), { busy })]);
    expect(localTimes(slots)).toEqual(["10:30 AM", "10:45 AM", "11:00 AM"]);
  });

  it("leaves out breaks and restarts the grid after them", () => {
    const weekly: WeeklyBlock[] = [
      { weekday: 1, kind: "work", startMinute: h("08:00"), endMinute: h("17:00") },
      { weekday: 1, kind: "break", startMinute: h("12:00"), endMinute: h("12:50") },
    ];
    const slots = computeFreeSlots(query({ durationMinutes: 45 }), [therapist(weekly)]);
    const times = localTimes(slots);
    expect(times).toContain("11:15 AM");
    expect(times).not.toContain("11:30 AM");
    expect(times[times.indexOf("11:15 AM") + 1]).toBe("12:50 PM");
    expect(times.at(-1)).toBe("4:05 PM");
  });

  it("honours whole-day time off, part-day time off and extra hours (which win over a break)", () => {
    const weekly: WeeklyBlock[] = [
      { weekday: 1, kind: "work", startMinute: h("09:00"), endMinute: h("13:00") },
      { weekday: 1, kind: "break", startMinute: h("11:00"), endMinute: h("12:00") },
    ];
    const day = (overrides: TherapistSchedule["overrides"]) =>
      localTimes(computeFreeSlots(query({ stepMinutes: 60 }), [therapist(weekly, { overrides })]));
    expect(day([])).toEqual(["9:00 AM", "10:00 AM", "12:00 PM"]);
    expect(day([{ date: "2026-06-15", kind: "time_off", startMinute: null, endMinute: null }])).toEqual([]);
    expect(day([{ date: "2026-06-16", kind: "time_off", startMinute: null, endMinute: null }])).toEqual([
      "9:00 AM",
      "10:00 AM",
      "12:00 PM",
    ]);
    expect(day([{ date: "2026-06-15", kind: "time_off", startMinute: h("09:30"), endMinute: h("10:00") }])).toEqual([
      "10:00 AM",
      "12:00 PM",
    ]);
    expect(day([{ date: "2026-06-15", kind: "extra_hours", startMinute: h("11:00"), endMinute: h("15:00") }])).toEqual([
      "9:00 AM",
      "10:00 AM",
      "11:00 AM",
      "12:00 PM",
      "1:00 PM",
      "2:00 PM",
    ]);
    // Extra hours on a day with no weekly hours at all (Saturday 20 June).
    const saturday = computeFreeSlots(query({ from: "2026-06-20", to: "2026-06-20", stepMinutes: 60 }), [
      therapist(weekly, {
        overrides: [{ date: "2026-06-20", kind: "extra_hours", startMinute: h("09:00"), endMinute: h("11:00") }],
      }),
    ]);
    expect(localTimes(saturday)).toEqual(["9:00 AM", "10:00 AM"]);
  });

  it("drops slots inside the minimum notice (a slot starting exactly at the limit stays)", () => {
    const slots = computeFreeSlots(query({ earliestStart: at("2026-06-15T14:15:00Z") }), [
      therapist(workEveryDay("09:00", "12:00")),
    ]);
    expect(localTimes(slots)[0]).toBe("10:15 AM");
  });

  it("stops at the last bookable date of the window", () => {
    const slots = computeFreeSlots(query({ to: "2026-06-20", lastBookableDate: "2026-06-17", stepMinutes: 60 }), [
      therapist(workEveryDay("09:00", "10:00")),
    ]);
    expect(slots.map((s) => iso(s.start).slice(0, 10))).toEqual(["2026-06-15", "2026-06-16", "2026-06-17"]);
  });

  it("keeps the patient out of two places at once (their visits, without buffers)", () => {
    const patientBusy = [{ start: at("2026-06-15T14:00:00Z"), end: at("2026-06-15T15:00:00Z") }];
    const slots = computeFreeSlots(query({ stepMinutes: 60, patientBusy }), [
      therapist(workEveryDay("09:00", "12:00")),
    ]);
    expect(localTimes(slots)).toEqual(["9:00 AM", "11:00 AM"]);
  });

  it("lists every therapist's slots, ordered by time", () => {
    const slots = computeFreeSlots(query({ stepMinutes: 60 }), [
      { ...therapist(workEveryDay("10:00", "12:00")), therapistId: "b" },
      { ...therapist(workEveryDay("09:00", "11:00")), therapistId: "a" },
    ]);
    expect(slots.map((s) => `${formatLocalTime(s.start, NY)} ${s.therapistId}`)).toEqual([
      "9:00 AM a",
      "10:00 AM a",
      "10:00 AM b",
      "11:00 AM b",
    ]);
  });

  it("refuses nonsense queries instead of looping", () => {
    expect(() => computeFreeSlots(query({ stepMinutes: 0 }), [])).toThrow(RangeError);
    expect(() => computeFreeSlots(query({ from: "2026-01-01", to: "2028-06-01" }), [])).toThrow(RangeError);
    expect(
      computeFreeSlots(query({ from: "2026-06-16", to: "2026-06-15" }), [therapist(workEveryDay("09:00", "12:00"))]),
    ).toEqual([]);
  });
});

describe("computeFreeSlots across daylight-saving changes (New York, 2026)", () => {
  const night = workEveryDay("00:00", "06:00");

  it("spring gap (8 March): 6 wall-clock hours are 5 real hours, no slot is lost or doubled", () => {
    const slots = computeFreeSlots(query({ from: "2026-03-08", to: "2026-03-08", stepMinutes: 60 }), [
      therapist(night),
    ]);
    expect(slots.map((s) => iso(s.start))).toEqual([
      "2026-03-08T05:00:00.000Z", // 0:00 EST
      "2026-03-08T06:00:00.000Z", // 1:00 EST
      "2026-03-08T07:00:00.000Z", // 3:00 EDT: the clock skipped 2:00-2:59
      "2026-03-08T08:00:00.000Z",
      "2026-03-08T09:00:00.000Z", // 5:00 EDT, ends at 6:00 EDT
    ]);
    expect(slots.map((s) => formatLocalTime(s.start, NY, true))).toEqual([
      "12:00 AM EST",
      "1:00 AM EST",
      "3:00 AM EDT",
      "4:00 AM EDT",
      "5:00 AM EDT",
    ]);
  });

  it("autumn repeat (1 November): the repeated hour gives two distinct slots, told apart by the zone", () => {
    const slots = computeFreeSlots(query({ from: "2026-11-01", to: "2026-11-01", stepMinutes: 60 }), [
      therapist(workEveryDay("00:00", "04:00")),
    ]);
    expect(slots.map((s) => formatLocalTime(s.start, NY, true))).toEqual([
      "12:00 AM EDT",
      "1:00 AM EDT",
      "1:00 AM EST",
      "2:00 AM EST",
      "3:00 AM EST",
    ]);
    expect(new Set(slots.map((s) => s.start)).size).toBe(5);
  });

  it("a working block starting inside the gap starts when the clock would have read it (RFC 5545)", () => {
    const slots = computeFreeSlots(query({ from: "2026-03-08", to: "2026-03-08", stepMinutes: 30 }), [
      therapist(workEveryDay("02:30", "05:00")),
    ]);
    expect(formatLocalTime(slots[0]!.start, NY, true)).toBe("3:30 AM EDT");
    expect(slots.map((s) => formatLocalTime(s.start, NY))).toEqual(["3:30 AM", "4:00 AM"]);
  });

  it("office hours on the days around a change keep their wall-clock times (no one-hour shift)", () => {
    const slots = computeFreeSlots(query({ from: "2026-03-06", to: "2026-03-10", stepMinutes: 60 }), [
      therapist(workEveryDay("09:00", "10:00")),
    ]);
    expect(slots.map((s) => iso(s.start))).toEqual([
      "2026-03-06T14:00:00.000Z", // EST
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z", // EDT from the 8th
      "2026-03-09T13:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
    ]);
  });
});

describe("fitsWorkingTime", () => {
  const weekly: WeeklyBlock[] = [
    { weekday: 1, kind: "work", startMinute: h("09:00"), endMinute: h("17:00") },
    { weekday: 1, kind: "break", startMinute: h("12:00"), endMinute: h("13:00") },
  ];
  it("accepts a visit inside a block and refuses one across a break or outside hours", () => {
    const s = { weekly, overrides: [] };
    expect(fitsWorkingTime(s, NY, "2026-06-15", at("2026-06-15T13:00:00Z"), at("2026-06-15T14:00:00Z"))).toBe(true);
    expect(fitsWorkingTime(s, NY, "2026-06-15", at("2026-06-15T15:30:00Z"), at("2026-06-15T16:30:00Z"))).toBe(false);
    expect(fitsWorkingTime(s, NY, "2026-06-15", at("2026-06-15T20:30:00Z"), at("2026-06-15T21:30:00Z"))).toBe(false);
  });
});
