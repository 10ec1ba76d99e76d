/**
 * Epoch milliseconds as an ISO-8601 UTC string, exactly as
 * `Date.prototype.toISOString` writes it, for the slot search's answer. A
 * month of slots for a clinic whose therapists start at different times has
 * thousands of distinct start times, two strings each; toISOString costs
 * about a microsecond a call on the server (more under Next, which wraps
 * `Date`), which made formatting the answer cost more than finding the slots.
 * Slots come in time order, so the date part is worked out once per day.
 */
const DAY_MS = 86_400_000;
/** 0000-01-01 and 10000-01-01: outside them toISOString writes a six-digit year. */
const FIRST_MS = -62_167_219_200_000;
const END_MS = 253_402_300_800_000;

let lastDay = NaN;
let lastDayPrefix = "";

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

export function isoInstant(ms: number): string {
  if (!Number.isInteger(ms) || ms < FIRST_MS || ms >= END_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    lastDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    lastDay = day;
  }
  const t = ms - day * DAY_MS;
  const hours = Math.floor(t / 3_600_000);
  const minutes = Math.floor(t / 60_000) % 60;
  const seconds = Math.floor(t / 1000) % 60;
  return `${lastDayPrefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${three(t % 1000)}Z`;
}
