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

/**
 * True when the list is already what mergeIntervals would make of it, as far
 * as the slot search cares: sorted, none empty, none overlapping. A
 * therapist's visits are (the database's exclusion constraint and the loaders'
 * ORDER BY), so the search skips re-sorting and copying them.
 */
function isSortedAndDisjoint(intervals: readonly Interval[]): boolean {
  let lastEnd = -Infinity;
  for (const i of intervals) {
    if (i.end <= i.start || i.start < lastEnd) return false;
    lastEnd = i.end;
  }
  return true;
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

/**
 * The local dates of a range with their weekdays. Calendar facts that never
 * change, remembered like instants: every search this week asks for one of a
 * few ranges, and each date costs Temporal a few microseconds. Bounded.
 */
const rangeDates = new Map<string, ReadonlyArray<{ date: LocalDate; weekday: number }>>();
const MAX_REMEMBERED_RANGES = 2_000;

function datesOf(from: LocalDate, days: number): ReadonlyArray<{ date: LocalDate; weekday: number }> {
  const key = `${from}|${days}`;
  let list = rangeDates.get(key);
  if (!list) {
    const out: Array<{ date: LocalDate; weekday: number }> = [];
    let weekday = weekdayOf(from);
    for (let d = 0, date = from; d <= days; d++, date = addDays(date, 1)) {
      out.push({ date, weekday });
      weekday = (weekday % 7) + 1;
    }
    list = Object.freeze(out);
    if (rangeDates.size >= MAX_REMEMBERED_RANGES) rangeDates.clear();
    rangeDates.set(key, list);
  }
  return list;
}

/**
 * A weekday's hours (work minus breaks) as instants on each date, per zone and
 * pattern of hours: like instants, they never change within a process, and
 * therapists mostly share a few patterns, so a search resolves each pattern
 * and date once rather than once per therapist and request. Busy times are
 * never remembered: they are read fresh by every search. Bounded.
 */
type WeekdayHours = { blocks: WeeklyBlock[]; key: string; byDate: Map<LocalDate, readonly Interval[]> };
const weekdayHours = new Map<string, WeekdayHours>();
const MAX_REMEMBERED_PATTERNS = 5_000;
const MAX_REMEMBERED_DATES_PER_PATTERN = 1_500;

function hoursFor(timeZone: string, blocks: WeeklyBlock[]): WeekdayHours {
  // One weekday's blocks, in their order: "1 w480-1080 b720-780" (workingIntervals reads the weekday).
  let key = `${blocks[0]!.weekday}`;
  for (const b of blocks) key += ` ${b.kind === "work" ? "w" : "b"}${b.startMinute}-${b.endMinute}`;
  const zoneKey = `${timeZone}|${key}`;
  let hours = weekdayHours.get(zoneKey);
  if (!hours) {
    hours = { blocks, key, byDate: new Map() };
    if (weekdayHours.size >= MAX_REMEMBERED_PATTERNS) weekdayHours.clear();
    weekdayHours.set(zoneKey, hours);
  }
  return hours;
}

function hoursOn(hours: WeekdayHours, date: LocalDate, weekday: number, timeZone: string, resolve: Resolve) {
  let blocks = hours.byDate.get(date);
  if (!blocks) {
    blocks = Object.freeze(workingIntervals({ weekly: hours.blocks, overrides: [] }, date, timeZone, resolve, weekday));
    if (hours.byDate.size >= MAX_REMEMBERED_DATES_PER_PATTERN) hours.byDate.clear();
    hours.byDate.set(date, blocks);
  }
  return blocks;
}

/** Free slots for every therapist, ordered by start then therapist. */
export function computeFreeSlots(query: SlotQuery, therapists: readonly TherapistSchedule[]): Slot[] {
  const days = daysBetween(query.from, query.to);
  if (days < 0) return [];
  if (days >= MAX_RANGE_DAYS) throw new RangeError(`At most ${MAX_RANGE_DAYS} days at once.`);
  if (query.durationMinutes <= 0 || query.stepMinutes <= 0 || query.bufferAfterMinutes < 0)
    throw new RangeError("Duration and step must be positive and the buffer not negative.");

  const timeZone = query.timeZone;
  const resolve = resolver(timeZone);
  const visitMs = query.durationMinutes * MINUTE;
  const blockedMs = (query.durationMinutes + query.bufferAfterMinutes) * MINUTE;
  const stepMs = query.stepMinutes * MINUTE;
  const earliest = query.earliestStart ?? -Infinity;
  const patientBusy = mergeIntervals(query.patientBusy ?? []);
  const dates = datesOf(query.from, days);

  // Per therapist, in id order: merged busy times, hours by weekday, overrides by date.
  const prepared = [...therapists]
    .sort((a, b) => (a.therapistId < b.therapistId ? -1 : 1))
    .map((therapist) => {
      const byWeekday = new Map<number, WeeklyBlock[]>();
      for (const b of therapist.weekly) {
        const list = byWeekday.get(b.weekday);
        if (list) list.push(b);
        else byWeekday.set(b.weekday, [b]);
      }
      const hours: Array<WeekdayHours | undefined> = [];
      for (const [weekday, blocks] of byWeekday) hours[weekday] = hoursFor(timeZone, blocks);
      let overrides: Map<LocalDate, DateOverride[]> | null = null;
      for (const o of therapist.overrides) {
        overrides ??= new Map();
        const list = overrides.get(o.date);
        if (list) list.push(o);
        else overrides.set(o.date, [o]);
      }
      const busy = isSortedAndDisjoint(therapist.busy) ? therapist.busy : mergeIntervals(therapist.busy);
      return { id: therapist.therapistId, busy, hours, overrides };
    });
  // A date with overrides is worked out per search (they are rare and per therapist).
  const withOverrides = new Map<string, Interval[]>();

  const slots: Slot[] = [];
  // Date by date, every therapist in id order: a stable sort of one date's slots by start then
  // gives "by start, then therapist" (a date's slots all start before the next date's).
  for (const { date, weekday } of dates) {
    if (query.lastBookableDate && date > query.lastBookableDate) break;
    const first = slots.length;
    for (const therapist of prepared) {
      const hours = therapist.hours[weekday];
      const overrides = therapist.overrides?.get(date);
      let blocks: readonly Interval[];
      if (!overrides) {
        if (!hours) continue;
        blocks = hoursOn(hours, date, weekday, timeZone, resolve);
      } else {
        const key = `${date}|${hours?.key ?? ""}|${JSON.stringify(overrides)}`;
        let computed = withOverrides.get(key);
        if (!computed) {
          computed = workingIntervals({ weekly: hours?.blocks ?? [], overrides }, date, timeZone, resolve, weekday);
          withOverrides.set(key, computed);
        }
        blocks = computed;
      }
      const busy = therapist.busy;
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
          slots.push({ therapistId: therapist.id, start, end: start + visitMs });
          k++;
        }
      }
    }
    if (slots.length - first > 1) {
      const day = slots.slice(first).sort((a, b) => a.start - b.start);
      for (let i = 0; i < day.length; i++) slots[first + i] = day[i]!;
    }
  }
  return slots;
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
