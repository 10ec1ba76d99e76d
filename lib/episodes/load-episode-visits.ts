/**
 * The facts every episode screen counts from: its authorisations and its
 * visits (cancelled and no-shows left out), with clinic-local dates. Internal:
 * callers have already authorised the actor for the clinic; clinicId scopes
 * every row.
 */
import type { Db, Tx } from "@/lib/db";
import { localDateOf } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import type { AuthorizationFact, EpisodeVisitFact } from "./authorization-rules";

export type EpisodeVisitFacts = {
  authorizations: AuthorizationFact[];
  visits: (EpisodeVisitFact & { startsAt: Date; status: "booked" | "checked_in" | "completed" })[];
};

export async function loadEpisodeVisitFacts(
  client: Db | Tx,
  clinicId: string,
  timeZone: string,
  episodeIds: readonly string[],
): Promise<Map<string, EpisodeVisitFacts>> {
  const out = new Map<string, EpisodeVisitFacts>(episodeIds.map((id) => [id, { authorizations: [], visits: [] }]));
  if (episodeIds.length === 0) return out;
  const ids = [...new Set(episodeIds)];
  const [auths, visits] = await Promise.all([
    client.payerAuthorization.findMany({
      where: { clinicId, episodeId: { in: ids } },
      select: { id: true, episodeId: true, payerName: true, visitsAuthorized: true, validFrom: true, validUntil: true },
    }),
    client.appointment.findMany({
      where: { clinicId, episodeId: { in: ids }, status: { in: ["booked", "checked_in", "completed"] } },
      select: { id: true, episodeId: true, startsAt: true, status: true },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  for (const a of auths) {
    out.get(a.episodeId)!.authorizations.push({
      id: a.id,
      payerName: a.payerName,
      visitsAuthorized: a.visitsAuthorized,
      validFrom: localDateOfDateColumn(a.validFrom),
      validUntil: localDateOfDateColumn(a.validUntil),
    });
  }
  for (const v of visits) {
    const status = v.status as "booked" | "checked_in" | "completed";
    out.get(v.episodeId!)!.visits.push({
      id: v.id,
      date: localDateOf(v.startsAt, timeZone),
      counted: status !== "booked",
      startsAt: v.startsAt,
      status,
    });
  }
  return out;
}
