import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { todayIn, type LocalDate } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { loadReevaluationRule } from "./episode-settings";
import { FOLLOW_UP_REASONS } from "./follow-up-reasons";
import { followUpFindings, nextReminderAllowedAt, type FollowUpFinding } from "./follow-up-rules";
import { followUpPlanOf } from "./follow-up-plan";
import { loadEpisodeVisitFacts } from "./load-episode-visits";

/**
 * One row of the follow-up list: who, how to reach them, the schedule facts
 * and why they are on it. Never the episode's reason, ICD-10-CM code, goals
 * or scores: the front desk reads this list ("minimum necessary").
 */
export type FollowUpRow = {
  episodeId: string;
  patientId: string;
  patientName: string;
  phone: string | null;
  email: string | null;
  /** Clinic-local dates. */
  lastVisit: LocalDate | null;
  nextVisit: LocalDate | null;
  plannedEndDate: LocalDate;
  findings: FollowUpFinding[];
  lastRemindedAt: string | null;
  /** When Remind may be pressed again (null: now). */
  remindAllowedFrom: string | null;
};

export type FollowUpList = { today: LocalDate; timeZone: string; rows: FollowUpRow[] };

const order = (r: FollowUpRow) => Math.min(...r.findings.map((f) => FOLLOW_UP_REASONS.indexOf(f.reason)));

/**
 * The clinic's active episodes that need the front desk: dropped out,
 * under-scheduled, authorisation ending, re-evaluation due (follow-up-rules).
 * On-hold and discharged episodes never appear; a row leaves the list as soon
 * as its conditions clear, because nothing is stored: it is computed per read.
 */
export async function listFollowUps(actor: Actor, options: { now?: Date } = {}): Promise<FollowUpList> {
  await assertCan(actor, "follow-up:manage");
  const now = options.now ?? new Date();
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } });
  const today = todayIn(clinic.timeZone, now);
  const [episodes, rule] = await Promise.all([
    db.episode.findMany({
      where: { clinicId: actor.clinicId, status: "active", patient: { active: true } },
      select: {
        id: true,
        visitsPerWeek: true,
        startDate: true,
        plannedEndDate: true,
        lastReevaluatedOn: true,
        lastNudgedAt: true,
        patient: {
          select: { id: true, firstName: true, lastName: true, preferredName: true, phone: true, email: true },
        },
      },
    }),
    loadReevaluationRule(db, actor.clinicId),
  ]);
  const facts = await loadEpisodeVisitFacts(
    db,
    actor.clinicId,
    clinic.timeZone,
    episodes.map((e) => e.id),
  );
  const rows: FollowUpRow[] = [];
  for (const e of episodes) {
    const { visits, authorizations } = facts.get(e.id)!;
    const findings = followUpFindings({
      today,
      plan: followUpPlanOf(e),
      visits,
      authorizations,
      reevaluation: rule,
    });
    if (findings.length === 0) continue;
    const p = e.patient;
    const past = visits.filter((v) => v.counted).map((v) => v.date);
    const ahead = visits.filter((v) => !v.counted && v.date >= today).map((v) => v.date);
    const nextAllowed = nextReminderAllowedAt(e.lastNudgedAt);
    rows.push({
      episodeId: e.id,
      patientId: p.id,
      patientName: `${p.preferredName ?? p.firstName} ${p.lastName}`,
      phone: p.phone,
      email: p.email,
      lastVisit: past.at(-1) ?? null,
      nextVisit: ahead[0] ?? null,
      plannedEndDate: localDateOfDateColumn(e.plannedEndDate),
      findings,
      lastRemindedAt: e.lastNudgedAt?.toISOString() ?? null,
      remindAllowedFrom: nextAllowed && nextAllowed > now ? nextAllowed.toISOString() : null,
    });
  }
  rows.sort((a, b) => order(a) - order(b) || a.patientName.localeCompare(b.patientName));
  await recordAudit(actor, {
    action: "follow_up.list",
    recordType: "Episode",
    details: { rows: rows.length },
  });
  return { today, timeZone: clinic.timeZone, rows };
}
