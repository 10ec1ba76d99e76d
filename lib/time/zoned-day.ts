/**
 * The UTC instant at which a calendar day starts in an IANA zone (plus
 * `addDays`), for filters typed as local dates. Intl gives the zone's offset at
 * a guessed instant; two refinements settle days with a DST change.
 */
export function zonedDayStart(isoDate: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const localMidnightAsUtc = Date.UTC(y, m - 1, d + addDays);
  let guess = localMidnightAsUtc;
  for (let i = 0; i < 2; i++) guess = localMidnightAsUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
