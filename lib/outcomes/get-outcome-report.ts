import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { summarizeEpisodeOutcome } from "@/lib/episodes/discharge-summary-rules";
import { loadEpisodeOutcomeFacts } from "@/lib/episodes/load-episode-outcome-facts";
import { parseInput } from "@/lib/validation";
import { addDays, todayIn, type LocalDate } from "@/lib/time/calendar-rules";
import { dateColumnOf, localDateOfDateColumn } from "@/lib/time/date-column";
import { buildOutcomeReport, type OutcomeReport, type ReportEpisode } from "./outcome-report-rules";
import { outcomeReportQuerySchema } from "./schema";

export type OutcomeReportResult = OutcomeReport & { from: LocalDate; to: LocalDate; timeZone: string };

/** Without a filter the report covers the last 12 months of discharges. */
export const DEFAULT_REPORT_DAYS = 365;

/**
 * The clinic's outcome report over episodes discharged between `from` and
 * `to` (clinic-local, inclusive). Therapists and admins (outcome-report:read);
 * only the actor's clinic. Small groups arrive already suppressed
 * (outcome-report-rules), so no caller can show them. Audited with the range
 * and the number of episodes, never a patient.
 */
export async function getOutcomeReport(
  actor: Actor,
  input: unknown,
  options: { now?: Date } = {},
): Promise<OutcomeReportResult> {
  await assertCan(actor, "outcome-report:read");
  const query = parseInput(outcomeReportQuerySchema, input ?? {});
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } });
  const today = todayIn(clinic.timeZone, options.now ?? new Date());
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? addDays(to, -DEFAULT_REPORT_DAYS);
  const episodes = await db.episode.findMany({
    where: {
      clinicId: actor.clinicId,
      status: "discharged",
      dischargedOn: { gte: dateColumnOf(from), lte: dateColumnOf(to) },
    },
    select: {
      id: true,
      startDate: true,
      dischargedOn: true,
      openedFromIntakeId: true,
      startBackRisk: true,
      therapist: { select: { id: true, name: true } },
    },
  });
  const facts = await loadEpisodeOutcomeFacts(
    actor.clinicId,
    clinic.timeZone,
    episodes.map((e) => ({
      id: e.id,
      startDate: localDateOfDateColumn(e.startDate),
      dischargedOn: localDateOfDateColumn(e.dischargedOn!),
      openedFromIntakeId: e.openedFromIntakeId,
    })),
    today,
  );
  const rows: ReportEpisode[] = episodes.map((e) => ({
    episodeId: e.id,
    therapist: e.therapist,
    risk: e.startBackRisk,
    outcome: summarizeEpisodeOutcome(facts.get(e.id)!, today),
  }));
  await recordAudit(actor, { action: "outcome_report.read", details: { from, to, episodes: rows.length } });
  return { ...buildOutcomeReport(rows), from, to, timeZone: clinic.timeZone };
}
