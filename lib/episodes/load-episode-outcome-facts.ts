/**
 * Everything the outcome summary counts from, for many episodes at once:
 * submitted intakes with their scores, authorisations and visits, and each
 * program's plan with its logs inside the episode's dates. A fixed number of
 * queries whatever the number of episodes. Internal: callers have authorised
 * the actor for the clinic; clinicId scopes every row.
 */
import "server-only";
import { db } from "@/lib/db";
import { logFactSelect, planVersionSelect, toFacts, toPlan } from "@/lib/programs/load-plan";
import { localDateOf, type LocalDate } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";
import { scoreValuesOf, type EpisodeOutcomeFacts } from "./discharge-summary-rules";
import { loadEpisodeVisitFacts } from "./load-episode-visits";

export type EpisodeDates = {
  id: string;
  startDate: LocalDate;
  dischargedOn: LocalDate | null;
  openedFromIntakeId: string | null;
};

export async function loadEpisodeOutcomeFacts(
  clinicId: string,
  timeZone: string,
  episodes: readonly EpisodeDates[],
  today: LocalDate,
): Promise<Map<string, EpisodeOutcomeFacts>> {
  const ids = episodes.map((e) => e.id);
  const earliest = episodes.reduce<LocalDate>((min, e) => (e.startDate < min ? e.startDate : min), today);
  const latest = episodes.reduce<LocalDate>(
    (max, e) => ((e.dischargedOn ?? today) > max ? (e.dischargedOn ?? today) : max),
    earliest,
  );
  const [visitFacts, intakes, programs] = await Promise.all([
    loadEpisodeVisitFacts(db, clinicId, timeZone, ids),
    db.intake.findMany({
      where: { clinicId, episodeId: { in: ids }, status: "submitted", submittedAt: { not: null } },
      select: { id: true, episodeId: true, submittedAt: true, scores: true },
    }),
    db.program.findMany({
      where: { clinicId, episodeId: { in: ids } },
      select: { id: true, episodeId: true, endedOn: true, versions: { select: planVersionSelect } },
    }),
  ]);
  const logs = programs.length
    ? await db.exerciseLog.findMany({
        where: {
          clinicId,
          programId: { in: programs.map((p) => p.id) },
          localDate: { gte: dateColumnOf(earliest), lte: dateColumnOf(latest) },
        },
        select: { ...logFactSelect, programId: true },
      })
    : [];
  const out = new Map<string, EpisodeOutcomeFacts>();
  for (const e of episodes) {
    const visits = visitFacts.get(e.id)!;
    out.set(e.id, {
      startDate: e.startDate,
      dischargedOn: e.dischargedOn,
      openedFromIntakeId: e.openedFromIntakeId,
      intakes: intakes
        .filter((i) => i.episodeId === e.id)
        .map((i) => ({
          id: i.id,
          submittedAt: i.submittedAt!.getTime(),
          submittedOn: localDateOf(i.submittedAt!, timeZone),
          scores: scoreValuesOf(i.scores),
        })),
      authorizations: visits.authorizations,
      visits: visits.visits.map((v) => ({ id: v.id, date: v.date, counted: v.counted })),
      programs: programs
        .filter((p) => p.episodeId === e.id)
        .map((p) => ({ plan: toPlan(p), logs: toFacts(logs.filter((l) => l.programId === p.id)) })),
    });
  }
  return out;
}
