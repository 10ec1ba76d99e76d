import "server-only";
import { db } from "@/lib/db";
import { loadEpisodeVisitFacts } from "@/lib/episodes/load-episode-visits";
import { visitNumbers, type VisitNumber } from "@/lib/episodes/booking-authorization-rules";
import type { LocalDate } from "@/lib/time/calendar-rules";

export type EpisodeVisit = ({ kind: "within" } & VisitNumber) | { kind: "beyond"; reason: string | null } | null;

/**
 * Each shown visit's place in its episode's authorisation ("visit 5 of 12"),
 * for a whole calendar at once: the facts of every episode on screen in one
 * load (two queries), then one pass per episode. Internal: the caller has
 * authorised the actor and passes rows of its clinic.
 */
export async function episodeVisitsFor(
  clinicId: string,
  timeZone: string,
  rows: readonly { id: string; episodeId: string | null; overAuthorizationReason: string | null }[],
  today: LocalDate,
): Promise<Map<string, EpisodeVisit>> {
  const episodeIds = [...new Set(rows.flatMap((r) => (r.episodeId ? [r.episodeId] : [])))];
  const out = new Map<string, EpisodeVisit>();
  if (episodeIds.length === 0) return out;
  const facts = await loadEpisodeVisitFacts(db, clinicId, timeZone, episodeIds);
  const perEpisode = new Map(
    [...facts].map(([id, f]) => [
      id,
      { hasAuth: f.authorizations.length > 0, ...visitNumbers(f.authorizations, f.visits, today) },
    ]),
  );
  for (const r of rows) {
    const e = r.episodeId ? perEpisode.get(r.episodeId) : undefined;
    if (!e?.hasAuth) continue;
    const n = e.numbers.get(r.id);
    if (n) out.set(r.id, { kind: "within", ...n });
    // Cancelled visits and no-shows are in neither: they take no authorised visit.
    else if (e.beyond.has(r.id)) out.set(r.id, { kind: "beyond", reason: r.overAuthorizationReason });
  }
  return out;
}
