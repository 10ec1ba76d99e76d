import "server-only";
import { db } from "@/lib/db";
import { enqueueAppointmentEmail, messageAppointmentSelect } from "./appointment-messages";
import { DEFAULT_BOOKING_SETTINGS } from "./booking-settings";
import { describeErrorForLog } from "@/lib/http/log-safe-error";

/**
 * Queues the reminder for every booked appointment whose reminder time
 * (start minus the clinic's lead) has come. Idempotent through the outbox's
 * dedupeKey, which names the appointment and its start: running twice, or on
 * two servers, queues one reminder; a moved appointment gets a fresh one.
 * Visits booked after their reminder time would have been are skipped: the
 * confirmation just went out.
 */
/** Returns how many reminders were newly queued. */
export async function enqueueDueReminders(now = new Date()): Promise<number> {
  const due = await db.$queryRaw<Array<{ id: string }>>`
    SELECT a."id"
    FROM "Appointment" a
    LEFT JOIN "BookingSettings" s ON s."clinicId" = a."clinicId"
    WHERE a."status" = 'booked'
      AND a."startsAt" > ${now}
      AND a."startsAt" <= ${now}::timestamptz + make_interval(hours => COALESCE(s."reminderLeadHours", ${DEFAULT_BOOKING_SETTINGS.reminderLeadHours}::int))
      AND a."createdAt" <= a."startsAt" - make_interval(hours => COALESCE(s."reminderLeadHours", ${DEFAULT_BOOKING_SETTINGS.reminderLeadHours}::int))
    ORDER BY a."startsAt"
    LIMIT 500`;
  let queued = 0;
  for (const { id } of due) {
    const queuedId = await db.$transaction(async (tx) => {
      const a = await tx.appointment.findUniqueOrThrow({
        where: { id },
        select: {
          ...messageAppointmentSelect,
          clinicId: true,
        },
      });
      const clinic = await tx.clinic.findUniqueOrThrow({
        where: { id: a.clinicId },
        select: { id: true, name: true, address: true, phone: true, email: true, timeZone: true },
      });
      return enqueueAppointmentEmail(tx, "reminder", a, clinic, {
        dedupeKey: `appointment-reminder:${a.id}:${a.startsAt.toISOString()}`,
      });
    });
    if (queuedId) queued++;
  }
  return queued;
}

export type RunningJob = { stop(): Promise<void> };

/** Runs in the server process beside the outbox worker; one pass a minute, never two at once. */
export function startReminderJob(intervalMs = 60_000): RunningJob {
  let stopping = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopping) return;
    current = enqueueDueReminders()
      .catch((e) => console.error("[reminders] pass failed:", describeErrorForLog(e)))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 1_000);
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
