/**
 * The availability engine: free slots for an appointment type, per therapist,
 * over a range of local dates in the clinic's zone. Pure: the caller loads
 * hours, overrides and busy times and passes the clock.
 *
 * How a day is built (docs/decisions/030):
 * 1. weekly working blocks for that weekday, minus weekly breaks;
 * 2. plus the date's extra hours (they win over a break);
 * 3. minus the date's time off (a whole-day time off empties the day).
 * Each block's ends are turned into instants once (see local-time-rules), and
 * candidate starts step through real elapsed time from the block's start, so
 * a spring gap or an autumn repeat neither duplicates nor loses a slot, and
 * the days around a change keep their usual wall-clock times.
 *
 * A candidate [start, start + duration) must lie inside a block; the therapist
 * is then busy until start + duration + buffer, and that whole span must not
 * touch another appointment's span (exactly what the database's exclusion
 * constraint checks), so a buffer can never be squeezed by the slot grid.
 */
import { addDays, daysBetween, instantOfLocal, weekdayOf, type LocalDate } from "@/lib/time/calendar-rules";

export type WeeklyBlock = { weekday: number; kind: "work" | "break"; startMinute: number; endMinute: number };
export type DateOverride = {
  date: LocalDate;
  kind: "time_off" | "extra_hours";
  /** Both null: the whole day (time off only). */
  startMinute: number | null;
  endMinute: number | null;
};
/** Half-open [start, end) in epoch ms. */
export type Interval = { start: number; end: number };

export type TherapistSchedule = {
  therapistId: string;
  weekly: readonly WeeklyBlock[];
  overrides: readonly DateOverride[];
  /** Existing active appointments as [startsAt, blockedUntil): visit plus its buffer. */
  busy: readonly Interval[];
};

export type SlotQuery = {
  timeZone: string;
  /** Inclusive local dates. */
  from: LocalDate;
  to: LocalDate;
  durationMinutes: number;
  bufferAfterMinutes: number;
  stepMinutes: number;
  /** No slot may start before this instant (now + minimum notice, or now). */
  earliestStart?: number;
  /** The booking window's last local date, inclusive. */
  lastBookableDate?: LocalDate;
  /** The patient's own active visits: a slot must not overlap them (no buffer: the buffer is the therapist's). */
  patientBusy?: readonly Interval[];
};

export type Slot = { therapistId: string; start: number; end: number };

const MINUTE = 60_000;
/** Guards the loops: nobody asks for more than two years of slots at once. */
export const MAX_RANGE_DAYS = 731;

/** Sorted, merged union of intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** `from` minus every interval in `cut` (both may be unsorted). */
export function subtractIntervals(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const holes = mergeIntervals(cut);
  const out: Interval[] = [];
  for (const block of mergeIntervals(from)) {
    let cursor = block.start;
    for (const h of holes) {
      if (h.end <= cursor || h.start >= block.end) continue;
      if (h.start > cursor) out.push({ start: cursor, end: Math.min(h.start, block.end) });
      cursor = Math.max(cursor, h.end);
      if (cursor >= block.end) break;
    }
    if (cursor < block.end) out.push({ start: cursor, end: block.end });
  }
  return out;
}

type Resolve = (date: LocalDate, minute: number) => number;

/**
 * Local time → instant, remembered across calls: therapists mostly share their
 * hours and every search asks for the same few weeks, so nearly every lookup
 * repeats, and each Temporal conversion costs microseconds. The answer for a
 * zone, date and minute never changes within a process; the map is bounded.
 */
const instants = new Map<string, number>();
const MAX_REMEMBERED_INSTANTS = 50_000;

function resolver(timeZone: string): Resolve {
  return (date, minute) => {
    const key = `${timeZone}|${date}|${minute}`;
    let v = instants.get(key);
    if (v === undefined) {
      v = instantOfLocal(date, minute, timeZone);
      if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
      instants.set(key, v);
    }
    return v;
  };
}

/** The therapist's working time on one local date, as sorted disjoint instants. */
export function workingIntervals(
  schedule: Pick<TherapistSchedule, "weekly" | "overrides">,
  date: LocalDate,
  timeZone: string,
  resolve: Resolve = resolver(timeZone),
  weekday: number = weekdayOf(date),
): Interval[] {
  const toInterval = (s: number, e: number): Interval => ({ start: resolve(date, s), end: resolve(date, e) });
  const todays = schedule.weekly.filter((b) => b.weekday === weekday);
  const overrides = schedule.overrides.filter((o) => o.date === date);

  let blocks = subtractIntervals(
    todays.filter((b) => b.kind === "work").map((b) => toInterval(b.startMinute, b.endMinute)),
    todays.filter((b) => b.kind === "break").map((b) => toInterval(b.startMinute, b.endMinute)),
  );
  const extra = overrides.filter((o) => o.kind === "extra_hours" && o.startMinute !== null && o.endMinute !== null);
  if (extra.length) blocks = mergeIntervals([...blocks, ...extra.map((o) => toInterval(o.startMinute!, o.endMinute!))]);
  const off = overrides.filter((o) => o.kind === "time_off");
  if (off.some((o) => o.startMinute === null || o.endMinute === null)) return [];
  if (off.length)
    blocks = subtractIntervals(
      blocks,
      off.map((o) => toInterval(o.startMinute!, o.endMinute!)),
    );
  return blocks;
}

/** Index of the first interval in the sorted, merged list that ends after `at`. */
function firstEndingAfter(sorted: readonly Interval[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Free slots for every therapist, ordered by start then therapist. */
export function computeFreeSlots(query: SlotQuery, therapists: readonly TherapistSchedule[]): Slot[] {
  const days = daysBetween(query.from, query.to);
  if (days < 0) return [];
  if (days >= MAX_RANGE_DAYS) throw new RangeError(`At most ${MAX_RANGE_DAYS} days at once.`);
  if (query.durationMinutes <= 0 || query.stepMinutes <= 0 || query.bufferAfterMinutes < 0)
    throw new RangeError("Duration and step must be positive and the buffer not negative.");

  const resolve = resolver(query.timeZone);
  const visitMs = query.durationMinutes * MINUTE;
  const blockedMs = (query.durationMinutes + query.bufferAfterMinutes) * MINUTE;
  const stepMs = query.stepMinutes * MINUTE;
  const earliest = query.earliestStart ?? -Infinity;
  const patientBusy = mergeIntervals(query.patientBusy ?? []);
  const slots: Slot[] = [];

  // Dates, weekdays and each distinct day pattern's working time are worked out once per
  // query, not once per therapist: clinics mostly share a few patterns of hours.
  const dates: Array<{ date: LocalDate; weekday: number }> = [];
  for (let d = 0, date = query.from; d <= days; d++, date = addDays(date, 1)) {
    if (query.lastBookableDate && date > query.lastBookableDate) break;
    dates.push({ date, weekday: weekdayOf(date) });
  }
  const patterns = new Map<string, Interval[]>();

  // Therapists in id order, each one's slots in time order: a stable sort by start alone then
  // gives "by start, then therapist" without comparing ids per slot.
  const ordered = [...therapists].sort((a, b) => (a.therapistId < b.therapistId ? -1 : 1));
  for (const therapist of ordered) {
    const busy = mergeIntervals(therapist.busy);
    const weeklyByDay = new Map<number, { blocks: WeeklyBlock[]; key: string }>();
    for (const b of therapist.weekly) {
      const day = weeklyByDay.get(b.weekday) ?? { blocks: [], key: "" };
      day.blocks.push(b);
      weeklyByDay.set(b.weekday, day);
    }
    for (const day of weeklyByDay.values()) day.key = JSON.stringify(day.blocks);
    const overridesByDate = new Map<LocalDate, DateOverride[]>();
    for (const o of therapist.overrides) {
      const list = overridesByDate.get(o.date);
      if (list) list.push(o);
      else overridesByDate.set(o.date, [o]);
    }

    for (const { date, weekday } of dates) {
      const weekly = weeklyByDay.get(weekday);
      const overrides = overridesByDate.get(date);
      if (!weekly && !overrides) continue;
      const key = `${date}|${weekly?.key ?? ""}|${overrides ? JSON.stringify(overrides) : ""}`;
      let blocks = patterns.get(key);
      if (!blocks) {
        blocks = workingIntervals(
          { weekly: weekly?.blocks ?? [], overrides: overrides ?? [] },
          date,
          query.timeZone,
          resolve,
          weekday,
        );
        patterns.set(key, blocks);
      }
      for (const block of blocks) {
        // Candidates are block.start + k * step. Whenever one is refused (too early, or
        // overlapping an interval), every candidate before that interval's end is refused
        // too, so jump straight to the first grid point at or after it.
        let b = firstEndingAfter(busy, block.start);
        let p = patientBusy.length ? firstEndingAfter(patientBusy, block.start) : 0;
        let k = earliest > block.start ? Math.ceil((earliest - block.start) / stepMs) : 0;
        for (let start = block.start + k * stepMs; start + visitMs <= block.end; start = block.start + k * stepMs) {
          while (b < busy.length && busy[b]!.end <= start) b++;
          if (b < busy.length && busy[b]!.start < start + blockedMs) {
            k = Math.max(k + 1, Math.ceil((busy[b]!.end - block.start) / stepMs));
            continue;
          }
          while (p < patientBusy.length && patientBusy[p]!.end <= start) p++;
          if (p < patientBusy.length && patientBusy[p]!.start < start + visitMs) {
            k = Math.max(k + 1, Math.ceil((patientBusy[p]!.end - block.start) / stepMs));
            continue;
          }
          slots.push({ therapistId: therapist.therapistId, start, end: start + visitMs });
          k++;
        }
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/**
 * Whether one proposed visit fits the therapist's working time on its local
 * date (used to check a booking or a move before writing it; the busy check is
 * the database's). Minutes past the last block are allowed for the buffer only.
 */
export function fitsWorkingTime(
  schedule: Pick<TherapistSchedule, "weekly" | "overrides">,
  timeZone: string,
  date: LocalDate,
  start: number,
  end: number,
): boolean {
  return workingIntervals(schedule, date, timeZone).some((b) => b.start <= start && end <= b.end);
}
