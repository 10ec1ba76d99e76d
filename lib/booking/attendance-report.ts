import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import {
  addCounts,
  attendanceFigures,
  NO_COUNTS,
  REMINDER_GROUPS,
  reminderGroup,
  type AttendanceCounts,
  type AttendanceFigures,
  type ReminderGroup,
} from "./attendance-rules";

export const ATTENDANCE_PERIOD_DAYS = [30, 90] as const;
const DAY_MS = 86_400_000;

export type AttendanceRow<K> = { key: K; label: string; figures: AttendanceFigures };
export type AttendancePeriod = {
  days: number;
  from: Date;
  to: Date;
  total: AttendanceFigures;
  byTherapist: Array<AttendanceRow<string>>;
  byReminder: Array<AttendanceRow<ReminderGroup>>;
};

type CountRow = {
  therapistId: string;
  therapistName: string;
  sentEmail: boolean;
  sentText: boolean;
} & { [K in keyof AttendanceCounts]: number };

const REMINDER_LABEL: Record<ReminderGroup, string> = {
  none: "No reminder",
  email: "Email only",
  text: "Text only",
  both: "Email and text",
};

/**
 * The clinic's attendance over the last 30 and 90 days (docs/decisions/084),
 * per therapist and per reminder channel (the reminders actually queued for
 * each visit's final start). Counts only, no patient, but still a reading of
 * visit outcomes, so it is audited like other reports.
 */
export async function getAttendanceReport(actor: Actor, options: { now?: Date } = {}): Promise<AttendancePeriod[]> {
  await assertCan(actor, "clinic:configure");
  const to = options.now ?? new Date();
  const periods = await Promise.all(ATTENDANCE_PERIOD_DAYS.map((days) => period(actor.clinicId, days, to)));
  await recordAudit(actor, {
    action: "attendance_report.view",
    recordType: "Appointment",
    details: { periodsDays: [...ATTENDANCE_PERIOD_DAYS], to: to.toISOString() },
  });
  return periods;
}

async function period(clinicId: string, days: number, to: Date): Promise<AttendancePeriod> {
  const from = new Date(to.getTime() - days * DAY_MS);
  const rows = await db.$queryRaw<CountRow[]>`
    WITH v AS (
      SELECT a."therapistId", a."status", a."lateCancellation",
             EXISTS (SELECT 1 FROM "AppointmentReminder" r
                     WHERE r."clinicId" = a."clinicId" AND r."appointmentId" = a."id" AND r."startsAt" = a."startsAt"
                       AND r."queued" AND r."channel" = 'email') AS "sentEmail",
             EXISTS (SELECT 1 FROM "AppointmentReminder" r
                     WHERE r."clinicId" = a."clinicId" AND r."appointmentId" = a."id" AND r."startsAt" = a."startsAt"
                       AND r."queued" AND r."channel" = 'sms') AS "sentText"
      FROM "Appointment" a
      WHERE a."clinicId" = ${clinicId}::uuid AND a."startsAt" >= ${from} AND a."startsAt" < ${to}
    )
    SELECT v."therapistId"::text AS "therapistId", u."name" AS "therapistName", v."sentEmail", v."sentText",
           count(*) FILTER (WHERE v."status" IN ('completed', 'checked_in'))::int AS attended,
           count(*) FILTER (WHERE v."status" = 'no_show')::int AS "noShows",
           count(*) FILTER (WHERE v."status" = 'cancelled' AND v."lateCancellation")::int AS "lateCancellations",
           count(*) FILTER (WHERE v."status" = 'cancelled' AND NOT v."lateCancellation")::int AS "earlyCancellations",
           count(*) FILTER (WHERE v."status" = 'booked')::int AS unrecorded
    FROM v JOIN "User" u ON u."id" = v."therapistId" AND u."clinicId" = ${clinicId}::uuid
    GROUP BY 1, 2, 3, 4`;

  const byTherapist = new Map<string, { name: string; counts: AttendanceCounts }>();
  const byReminder = new Map<ReminderGroup, AttendanceCounts>(REMINDER_GROUPS.map((g) => [g, NO_COUNTS]));
  let total = NO_COUNTS;
  for (const r of rows) {
    const counts: AttendanceCounts = {
      attended: r.attended,
      noShows: r.noShows,
      lateCancellations: r.lateCancellations,
      earlyCancellations: r.earlyCancellations,
      unrecorded: r.unrecorded,
    };
    const t = byTherapist.get(r.therapistId) ?? { name: r.therapistName, counts: NO_COUNTS };
    byTherapist.set(r.therapistId, { name: t.name, counts: addCounts(t.counts, counts) });
    const group = reminderGroup([
      ...(r.sentEmail ? (["email"] as const) : []),
      ...(r.sentText ? (["sms"] as const) : []),
    ]);
    byReminder.set(group, addCounts(byReminder.get(group)!, counts));
    total = addCounts(total, counts);
  }
  return {
    days,
    from,
    to,
    total: attendanceFigures(total),
    byTherapist: [...byTherapist.entries()]
      .map(([key, t]) => ({ key, label: t.name, figures: attendanceFigures(t.counts) }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key)),
    byReminder: REMINDER_GROUPS.map((g) => ({
      key: g,
      label: REMINDER_LABEL[g],
      figures: attendanceFigures(byReminder.get(g)!),
    })),
  };
}
