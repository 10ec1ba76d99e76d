import { formatIsoDateOnly } from "@/lib/time/format";
import { WEEKDAY_NAMES } from "@/lib/waitlist/entry-rules";
import type { WaitlistEntryView } from "./waitlist-api";

/** "Mon, Wed, Fri"; every day reads "Any day". */
export function daysLabel(weekdays: readonly number[]): string {
  if (weekdays.length === 7) return "Any day";
  return weekdays.map((d) => WEEKDAY_NAMES[d - 1]?.slice(0, 3)).join(", ");
}

export function windowsLabel(windows: WaitlistEntryView["windows"]): string {
  return windows.map((w) => `${w.start}–${w.end}`).join(", ");
}

export function datesLabel(e: Pick<WaitlistEntryView, "earliestDate" | "latestDate">): string {
  return `${formatIsoDateOnly(e.earliestDate)} – ${formatIsoDateOnly(e.latestDate)}`;
}
