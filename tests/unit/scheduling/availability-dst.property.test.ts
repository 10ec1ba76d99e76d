/**
 * Property test for daylight-saving days (issue 5): several IANA zones, every
 * transition in two years, schedules starting every 30 minutes of the day,
 * with random lengths, visit lengths, buffers, steps, breaks and bookings.
 *
 * The engine (Temporal) is compared with an oracle that finds instants its own
 * way, from Intl's offsets and plain millisecond arithmetic, and with
 * invariants that need no oracle at all.
 */
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { computeFreeSlots, type Interval, type WeeklyBlock } from "@/lib/scheduling/availability-rules";

const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Sydney", // southern hemisphere: spring in October
  "America/Santiago", // changes at midnight: a local day can start at 01:00
  "Australia/Lord_Howe", // a 30-minute change
  "Pacific/Chatham", // a +12:45 / +13:45 offset
];
const FROM = "2026-01-01";
const TO = "2028-01-01";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// ---- the oracle: Intl offsets, no Temporal ----------------------------------
const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(timeZone: string, epochMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** RFC 5545: the earliest instant showing that wall time; in a gap, the wall time read with the offset before it. */
function oracleInstant(timeZone: string, date: string, minute: number): number {
  const [y, m, d] = date.split("-").map(Number);
  const naive = Date.UTC(y!, m! - 1, d!) + minute * MINUTE;
  const before = offsetMs(timeZone, naive - 30 * HOUR);
  const candidates = [before, offsetMs(timeZone, naive), offsetMs(timeZone, naive + 30 * HOUR)];
  const valid = [...new Set(candidates)].map((o) => naive - o).filter((i) => offsetMs(timeZone, i) === naive - i);
  return valid.length ? Math.min(...valid) : naive - before;
}

function oracleSlots(
  timeZone: string,
  dates: string[],
  c: { start: number; end: number; brk: [number, number] | null; duration: number; buffer: number; step: number },
  busy: Interval[],
): number[] {
  const out: number[] = [];
  for (const date of dates) {
    const ws = oracleInstant(timeZone, date, c.start);
    const we = oracleInstant(timeZone, date, c.end);
    let blocks: Interval[] = [{ start: ws, end: we }];
    if (c.brk) {
      const bs = oracleInstant(timeZone, date, c.brk[0]);
      const be = oracleInstant(timeZone, date, c.brk[1]);
      // A break lying wholly in a spring gap has no length: it removes nothing.
      if (be > bs)
        blocks = blocks.flatMap((b) =>
          [
            { start: b.start, end: Math.min(b.end, bs) },
            { start: Math.max(b.start, be), end: b.end },
          ].filter((x) => x.end > x.start),
        );
    }
    for (const b of blocks) {
      for (let s = b.start; s + c.duration * MINUTE <= b.end; s += c.step * MINUTE) {
        const e = s + (c.duration + c.buffer) * MINUTE;
        if (!busy.some((x) => x.start < e && s < x.end)) out.push(s);
      }
    }
  }
  return out;
}

// ---- the cases: every transition in two years ---------------------------------
function transitionDates(timeZone: string): string[] {
  const dates: string[] = [];
  let z: Temporal.ZonedDateTime | null = Temporal.PlainDate.from(FROM).toZonedDateTime({ timeZone });
  const end = Temporal.PlainDate.from(TO).toZonedDateTime({ timeZone });
  while ((z = z.getTimeZoneTransition("next")) && Temporal.ZonedDateTime.compare(z, end) < 0) {
    dates.push(z.toPlainDate().toString());
  }
  return dates;
}

const addDays = (date: string, n: number) => Temporal.PlainDate.from(date).add({ days: n }).toString();
const everyDay = (start: number, end: number, brk: [number, number] | null): WeeklyBlock[] =>
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, kind: "work" as const, startMinute: start, endMinute: end },
    ...(brk ? [{ weekday, kind: "break" as const, startMinute: brk[0], endMinute: brk[1] }] : []),
  ]);
const wallClock = (timeZone: string, ms: number) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);

// Thousands of cases per zone: generous time on a shared two-core machine.
describe("availability on daylight-saving days", { timeout: 120_000 }, () => {
  for (const timeZone of ZONES) {
    const transitions = transitionDates(timeZone);

    it(`${timeZone}: finds every transition (two a year)`, () => {
      expect(transitions.length).toBeGreaterThanOrEqual(4);
    });

    it(`${timeZone}: matches the oracle for schedules starting every 30 minutes on every transition day`, () => {
      for (const date of transitions) {
        const dates = [addDays(date, -1), date, addDays(date, 1)];
        for (let start = 0; start < 1440; start += 30) {
          fc.assert(
            fc.property(
              fc.integer({ min: 30, max: 720 }),
              fc.constantFrom(15, 30, 45, 60, 90),
              fc.constantFrom(0, 5, 10, 15, 30),
              fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
              fc.option(fc.tuple(fc.integer({ min: 0, max: 47 }), fc.constantFrom(15, 30, 60)), { nil: null }),
              fc.array(fc.tuple(fc.integer({ min: 0, max: 72 * 4 }), fc.integer({ min: 1, max: 8 })), { maxLength: 3 }),
              (length, duration, buffer, step, breakSpec, bookings) => {
                const end = Math.min(1440, start + length);
                const brk: [number, number] | null = breakSpec
                  ? [Math.min(1439, breakSpec[0] * 30), Math.min(1440, breakSpec[0] * 30 + breakSpec[1])]
                  : null;
                const dayStart = oracleInstant(timeZone, dates[0]!, 0);
                const busy = bookings.map(([q, n]) => ({
                  start: dayStart + q * 15 * MINUTE,
                  end: dayStart + (q + n) * 15 * MINUTE,
                }));
                const slots = computeFreeSlots(
                  {
                    timeZone,
                    from: dates[0]!,
                    to: dates[2]!,
                    durationMinutes: duration,
                    bufferAfterMinutes: buffer,
                    stepMinutes: step,
                  },
                  [{ therapistId: "t", weekly: everyDay(start, end, brk), overrides: [], busy }],
                );
                const starts = slots.map((s) => s.start);
                // Same instants as the independently computed oracle.
                expect(starts).toEqual(oracleSlots(timeZone, dates, { start, end, brk, duration, buffer, step }, busy));
                // Every visit lasts exactly its length in real time; starts strictly increase.
                for (let i = 0; i < slots.length; i++) {
                  expect(slots[i]!.end - slots[i]!.start).toBe(duration * MINUTE);
                  if (i) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
                }
                // No slot with its buffer touches a booking.
                for (const s of starts)
                  expect(busy.some((b) => b.start < s + (duration + buffer) * MINUTE && s < b.end)).toBe(false);
                return true;
              },
            ),
            { numRuns: 4, seed: start * 7919 + date.length },
          );
        }
      }
    });

    it(`${timeZone}: the days either side of every transition keep the same wall-clock slots`, () => {
      for (const date of transitions) {
        for (let start = 0; start < 1440; start += 30) {
          const end = Math.min(1440, start + 240);
          const day = (d: string) =>
            computeFreeSlots(
              { timeZone, from: d, to: d, durationMinutes: 45, bufferAfterMinutes: 15, stepMinutes: 15 },
              [{ therapistId: "t", weekly: everyDay(start, end, null), overrides: [], busy: [] }],
            ).map((s) => wallClock(timeZone, s.start));
          expect(day(addDays(date, 1))).toEqual(day(addDays(date, -1)));
          expect(day(addDays(date, 7))).toEqual(day(addDays(date, -7)));
        }
      }
    });
  }
});
