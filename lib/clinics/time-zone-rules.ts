/**
 * Which IANA time zones a clinic may be in: the runtime's own list
 * (`Intl.supportedValuesOf("timeZone")`), because every date the app shows or
 * computes goes through that same runtime. Aliases the runtime knows (a
 * different spelling, "US/Eastern", a renamed zone) are stored as the list's
 * own name for them, so one zone is always written one way.
 */

let cached: readonly string[] | undefined;

export function supportedTimeZones(): readonly string[] {
  cached ??= Object.freeze([...Intl.supportedValuesOf("timeZone")].sort());
  return cached;
}

/** The list's name for `value`, or null when the runtime does not know it as a zone. */
export function canonicalTimeZone(value: string): string | null {
  const zones = supportedTimeZones();
  if (zones.includes(value)) return value;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (zones.includes(resolved)) return resolved;
  // A newer runtime keeps the caller's spelling in resolvedOptions: match the list case-insensitively.
  return zones.find((z) => z.toLowerCase() === resolved.toLowerCase()) ?? null;
}

/** Zones grouped by their area ("America", "Europe", ...) for a select with optgroups. */
export function timeZonesByArea(zones: readonly string[]): Array<{ area: string; zones: string[] }> {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const area = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    (groups.get(area) ?? groups.set(area, []).get(area)!).push(zone);
  }
  return [...groups].map(([area, list]) => ({ area, zones: list }));
}
