import { visitCountLabel } from "@/lib/episodes/authorization-rules";
import { formatIsoDateOnly } from "@/lib/time/format";
import type { EpisodeViewWire } from "./episode-api";

/** "visit 5 of 12 authorised, until Jan 15, 2027": the count every episode screen shows. */
export function visitStanding(episode: Pick<EpisodeViewWire, "current" | "visitsCounted">): string {
  return visitCountLabel(episode.current, episode.visitsCounted, formatIsoDateOnly);
}

/** "Re-evaluation due (10 visits since Dec 1, 2026)" or when it will be. */
export function reevaluationText(r: EpisodeViewWire["reevaluation"]): string {
  const since = formatIsoDateOnly(r.since);
  if (r.due)
    return r.because === "visits"
      ? `Re-evaluation due: ${r.visitsSince} visits since ${since}`
      : `Re-evaluation due: ${r.daysSince} days since ${since}`;
  return `Re-evaluation after ${r.rule.everyVisits} visits or ${r.rule.everyDays} days (${r.visitsSince} visits, ${r.daysSince} days since ${since})`;
}
