/**
 * What a waitlist entry may ask for (operations.md, "Reminders, text
 * messages, waitlist"): days the clinic could offer, windows inside the
 * clinic's working day on the 15-minute grid the calendar uses, and a date
 * range starting no earlier than today and ending inside the booking window,
 * so no offer could be made for a time the clinic would refuse to book.
 */
// Types only from calendar-rules: the add form imports this file, and Temporal stays out of the browser (decision 076).
import type { LocalDate } from "@/lib/time/calendar-rules";
import type { TimeWindow } from "./waitlist-match-rules";

/** "any" in the form and the API; null in the row. */
export const ANY_THERAPIST = "any";
export const WAITLIST_PRIORITIES = ["routine", "urgent"] as const;

export const MAX_WINDOWS = 4;
export const WINDOW_STEP_MINUTES = 15;
/** 06:00 to 22:00: no clinic day starts earlier or ends later. */
export const DAY_OPENS_MINUTE = 6 * 60;
export const DAY_CLOSES_MINUTE = 22 * 60;
export const MAX_NOTE_LENGTH = 500;

/** The windows a patient picks from in the portal (the front desk may type any). */
export const WINDOW_PRESETS = [
  { key: "morning", label: "Morning (8:00–12:00)", startMinute: 8 * 60, endMinute: 12 * 60 },
  { key: "midday", label: "Midday (12:00–14:00)", startMinute: 12 * 60, endMinute: 14 * 60 },
  { key: "afternoon", label: "Afternoon (14:00–18:00)", startMinute: 14 * 60, endMinute: 18 * 60 },
  { key: "evening", label: "Evening (18:00–21:00)", startMinute: 18 * 60, endMinute: 21 * 60 },
] as const;
export type WindowPresetKey = (typeof WINDOW_PRESETS)[number]["key"];

export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** The first thing wrong with the windows, in words for the person filling the form; null when they are fine. */
export function windowsProblem(windows: readonly TimeWindow[]): string | null {
  if (windows.length === 0) return "Choose at least one time of day.";
  for (const [i, w] of windows.entries()) {
    // "Time 2: the end…" when there are several; "The end…" for one.
    const say = (m: string) => (windows.length > 1 ? `Time ${i + 1}: ${m}` : m[0]!.toUpperCase() + m.slice(1));
    if (w.startMinute % WINDOW_STEP_MINUTES || w.endMinute % WINDOW_STEP_MINUTES)
      return say("use times on the quarter hour (e.g. 08:00, 08:15, 08:30).");
    if (w.startMinute < DAY_OPENS_MINUTE || w.endMinute > DAY_CLOSES_MINUTE)
      return say(`choose times between ${hhmm(DAY_OPENS_MINUTE)} and ${hhmm(DAY_CLOSES_MINUTE)}.`);
    if (w.startMinute >= w.endMinute) return say("the end must be after the start.");
  }
  // Counted once joined: morning and midday together are one stretch of the day, not two.
  if (normalizeWindows(windows).length > MAX_WINDOWS) return `Choose at most ${MAX_WINDOWS} separate times of day.`;
  return null;
}

/** Sorted, with overlapping or touching windows joined: the same times, stored once. */
export function normalizeWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => a.startMinute - b.startMinute);
  const out: TimeWindow[] = [];
  for (const w of sorted) {
    const last = out.at(-1);
    if (last && w.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, w.endMinute);
    else out.push({ ...w });
  }
  return out;
}

export type DateRangeFacts = {
  earliestDate: LocalDate;
  latestDate: LocalDate;
  /** Today in the clinic's zone. */
  today: LocalDate;
  /** The last date the clinic's booking window reaches. */
  lastBookableDate: LocalDate;
};

/** Problems with the date range, by field. */
export function dateRangeProblems(f: DateRangeFacts): { earliestDate?: string; latestDate?: string } {
  const out: { earliestDate?: string; latestDate?: string } = {};
  if (f.earliestDate < f.today) out.earliestDate = "The earliest date cannot be in the past.";
  else if (f.earliestDate > f.lastBookableDate)
    out.earliestDate = `The clinic books up to ${f.lastBookableDate}: choose an earlier date.`;
  if (f.latestDate < f.earliestDate) out.latestDate = "The latest date must be on or after the earliest date.";
  else if (f.latestDate > f.lastBookableDate)
    out.latestDate = `The clinic books up to ${f.lastBookableDate}: choose that date or an earlier one.`;
  return out;
}
