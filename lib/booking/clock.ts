import { todayIn } from "@/lib/time/calendar-rules";
import { zoneDisplayName } from "@/lib/time/format";

/** Reads of the clock for pages (the rules take the clock as an argument; pages ask here). */
export function clinicToday(timeZone: string): string {
  return todayIn(timeZone, Date.now());
}

export function zoneNameNow(timeZone: string): string {
  return zoneDisplayName(timeZone, Date.now());
}
