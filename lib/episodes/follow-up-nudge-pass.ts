import "server-only";
import { db } from "@/lib/db";
import { enqueueMessages } from "@/lib/notifications/enqueue-message";
import { todayIn } from "@/lib/time/calendar-rules";
import { loadReevaluationRule } from "./episode-settings";
import { messageClinicSelect, messagePatientSelect } from "@/lib/notifications/message-recipient";
import { followUpMessages } from "./follow-up-messages";
import { followUpFindings, REMIND_EVERY_DAYS, wantsBookingNudge } from "./follow-up-rules";
import { followUpPlanOf } from "./follow-up-plan";
import { loadEpisodeVisitFacts } from "./load-episode-visits";
import { claimReminder } from "./remind-follow-up";

export const FOLLOW_UP_NUDGE_TASK = "episodes:follow-up-nudges";

/**
 * An episode opened in the last 2 days gets no automatic nudge: its first
 * visits are usually booked at the desk on the way out, and a "please book"
 * text on the way home would be noise (decision 094).
 */
export const NUDGE_GRACE_MS = 2 * 86_400_000;

export type NudgePass = { considered: number; nudged: number };

/**
 * One pass of automatic "please book your next visit" messages: every active
 * episode that is dropped out or under-scheduled (follow-up-rules) and was not
 * reminded in the last 7 days. Each is claimed with the conditional UPDATE of
 * lastNudgedAt in the transaction that queues its messages, so two servers
 * running the pass at once send one message, and the front desk's Remind and
 * this pass share one weekly limit.
 */
export async function runFollowUpNudgePass(options: { now?: Date; clinicId?: string } = {}): Promise<NudgePass> {
  const now = options.now ?? new Date();
  const weekAgo = new Date(now.getTime() - REMIND_EVERY_DAYS * 86_400_000);
  const pass: NudgePass = { considered: 0, nudged: 0 };
  const candidates = await db.episode.findMany({
    where: {
      status: "active",
      patient: { active: true },
      createdAt: { lte: new Date(now.getTime() - NUDGE_GRACE_MS) },
      OR: [{ lastNudgedAt: null }, { lastNudgedAt: { lt: weekAgo } }],
      ...(options.clinicId ? { clinicId: options.clinicId } : {}),
    },
    select: {
      id: true,
      clinicId: true,
      visitsPerWeek: true,
      startDate: true,
      plannedEndDate: true,
      lastReevaluatedOn: true,
      patient: { select: messagePatientSelect },
    },
  });
  const byClinic = new Map<string, typeof candidates>();
  for (const e of candidates) byClinic.set(e.clinicId, [...(byClinic.get(e.clinicId) ?? []), e]);
  for (const [clinicId, episodes] of byClinic) {
    const clinic = await db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: messageClinicSelect });
    const today = todayIn(clinic.timeZone, now);
    const [facts, rule] = await Promise.all([
      loadEpisodeVisitFacts(
        db,
        clinicId,
        clinic.timeZone,
        episodes.map((e) => e.id),
      ),
      loadReevaluationRule(db, clinicId),
    ]);
    for (const e of episodes) {
      pass.considered += 1;
      const { visits, authorizations } = facts.get(e.id)!;
      const findings = followUpFindings({
        today,
        plan: followUpPlanOf(e),
        visits,
        authorizations,
        reevaluation: rule,
      });
      if (!wantsBookingNudge(findings)) continue;
      const messages = followUpMessages({ patient: e.patient, clinic, episodeId: e.id }, now);
      // Nobody to write to: left unclaimed, so the front desk still sees the row and can call.
      if (messages.length === 0) continue;
      const sent = await db.$transaction(async (tx) => {
        if (!(await claimReminder(tx, clinicId, e.id, now))) return false;
        await enqueueMessages(tx, messages);
        return true;
      });
      if (sent) pass.nudged += 1;
    }
  }
  return pass;
}
