import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { todayIn } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { summarizeAuthorizations } from "./authorization-rules";
import { loadEpisodeVisitFacts } from "./load-episode-visits";
import { reevaluationStatus } from "./reevaluation-rules";
import { episodeIdSchema, type DischargeReasonValue } from "./schema";

/** What a clinic's episode rules are when it has saved none (decision 089). */
export const DEFAULT_EPISODE_SETTINGS = { reevalEveryVisits: 10, reevalEveryDays: 30 } as const;

const episodeSelect = {
  id: true,
  patientId: true,
  status: true,
  visitsPerWeek: true,
  weeks: true,
  startDate: true,
  plannedEndDate: true,
  lastReevaluatedOn: true,
  dischargedOn: true,
  dischargedAt: true,
  dischargeReason: true,
  dischargeNote: true,
  reason: true,
  icd10Code: true,
  goals: true,
  startBackRisk: true,
  openedFromIntakeId: true,
  version: true,
  createdAt: true,
  therapist: { select: { id: true, name: true } },
} as const;

type Client = Db | Tx;

/**
 * The episode as this actor may reach it: staff of its clinic only. Anything
 * else is a 404 (audited), so ids cannot be probed.
 */
export async function findEpisodeRow(actor: Actor, episodeId: unknown, client: Client = db) {
  const id = parseInput(episodeIdSchema, episodeId);
  const row =
    actor.role === "patient"
      ? null
      : await client.episode.findFirst({ where: { id, clinicId: actor.clinicId }, select: episodeSelect });
  if (!row) {
    await recordAudit(actor, { action: "access.denied", outcome: "denied", recordType: "Episode", recordId: id });
    throw notFound("That episode");
  }
  return row;
}

type EpisodeRow = Awaited<ReturnType<typeof findEpisodeRow>>;

/** "This episode was discharged on 3 Dec 2026; open a new one." */
export function dischargedMessage(dischargedOn: Date | null): string {
  const day = dischargedOn
    ? new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
        dischargedOn,
      )
    : "an earlier day";
  return `This episode was discharged on ${day}; open a new one.`;
}

/**
 * The episode as screens and the API show it. Schedule facts (status, plan
 * dates and frequency, authorisations, visits and their count) for everyone
 * with episode:read:schedule; the clinical part (reason, ICD-10-CM, goals,
 * STarT Back group, discharge reason and note, linked intakes and program)
 * only with episode:read, so the front desk never receives it.
 */
export async function episodeView(
  client: Client,
  clinicId: string,
  row: EpisodeRow,
  opts: { timeZone: string; now: Date; clinical: boolean },
) {
  const { timeZone, now } = opts;
  const today = todayIn(timeZone, now);
  const [facts, settings] = await Promise.all([
    loadEpisodeVisitFacts(client, clinicId, timeZone, [row.id]),
    client.episodeSettings.findUnique({ where: { clinicId } }),
  ]);
  const { authorizations, visits } = facts.get(row.id)!;
  const summary = summarizeAuthorizations(authorizations, visits, today);
  const startDate = localDateOfDateColumn(row.startDate);
  const lastReevaluatedOn = row.lastReevaluatedOn ? localDateOfDateColumn(row.lastReevaluatedOn) : null;
  const rule = {
    everyVisits: settings?.reevalEveryVisits ?? DEFAULT_EPISODE_SETTINGS.reevalEveryVisits,
    everyDays: settings?.reevalEveryDays ?? DEFAULT_EPISODE_SETTINGS.reevalEveryDays,
  };
  const reevaluation = reevaluationStatus(rule, {
    since: lastReevaluatedOn ?? startDate,
    countedVisitDates: visits.filter((v) => v.counted).map((v) => v.date),
    today,
  });
  const references = new Map(
    (
      await client.payerAuthorization.findMany({
        where: { clinicId, episodeId: row.id },
        select: { id: true, reference: true },
      })
    ).map((a) => [a.id, a.reference]),
  );
  const beyond = new Set(summary.beyondAuthorization);
  const clinical = opts.clinical ? await clinicalPart(client, clinicId, row) : null;
  return {
    id: row.id,
    patientId: row.patientId,
    status: row.status,
    therapist: row.therapist,
    visitsPerWeek: row.visitsPerWeek,
    weeks: row.weeks,
    startDate,
    plannedEndDate: localDateOfDateColumn(row.plannedEndDate),
    lastReevaluatedOn,
    dischargedOn: row.dischargedOn ? localDateOfDateColumn(row.dischargedOn) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    visitsCounted: summary.visitsCounted,
    current: summary.current ? { ...summary.current, reference: references.get(summary.current.id) ?? null } : null,
    authorizations: summary.standings.map((s) => ({ ...s, reference: references.get(s.id) ?? null })),
    beyondAuthorization: summary.beyondAuthorization.length,
    visits: visits.map((v) => ({
      id: v.id,
      startsAt: v.startsAt.toISOString(),
      date: v.date,
      status: v.status,
      counted: v.counted,
      authorizationId: summary.allocation.get(v.id) ?? null,
      beyondAuthorization: beyond.has(v.id),
    })),
    reevaluation: { ...reevaluation, rule, since: lastReevaluatedOn ?? startDate },
    clinical,
  };
}
export type EpisodeView = Awaited<ReturnType<typeof episodeView>>;

async function clinicalPart(client: Client, clinicId: string, row: EpisodeRow) {
  const [intakes, programs] = await Promise.all([
    client.intake.findMany({
      where: { clinicId, episodeId: row.id },
      select: { id: true, kind: true, status: true, submittedAt: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    client.program.findMany({
      where: { clinicId, episodeId: row.id },
      select: { id: true, status: true, currentVersion: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    reason: row.reason,
    icd10Code: row.icd10Code,
    goals: row.goals,
    startBackRisk: row.startBackRisk,
    openedFromIntakeId: row.openedFromIntakeId,
    dischargeReason: row.dischargeReason as DischargeReasonValue | null,
    dischargeNote: row.dischargeNote,
    intakes: intakes.map((i) => ({
      id: i.id,
      kind: i.kind,
      status: i.status,
      submittedAt: i.submittedAt?.toISOString() ?? null,
      createdAt: i.createdAt.toISOString(),
    })),
    programs: programs.map((p) => ({
      id: p.id,
      status: p.status,
      version: p.currentVersion,
      createdAt: p.createdAt.toISOString(),
    })),
  };
}
