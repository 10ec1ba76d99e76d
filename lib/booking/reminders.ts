import "server-only";
import { db } from "@/lib/db";
import { enqueueMessages } from "@/lib/notifications/enqueue-message";
import { appointmentEmail, messageAppointmentSelect } from "./appointment-messages";
import { DEFAULT_BOOKING_SETTINGS } from "./booking-settings";

const DEFAULT_LEAD_HOURS = DEFAULT_BOOKING_SETTINGS.reminderLeadHours;
const BATCH_SIZE = 200;

export type ReminderPass = { queued: number; marked: number };

/**
 * Queues the reminder for every booked appointment whose reminder time
 * (start minus the clinic's lead) has come, in batches until none is left.
 *
 * The visit remembers the start its reminder was queued for
 * (`reminderQueuedFor`), so a pass reads only visits not yet reminded (a
 * partial index) instead of re-reading the earliest ones: 10,000 due visits
 * are all queued in one pass. A moved visit no longer matches its marker and
 * gets a fresh reminder. Each batch claims its visits with FOR UPDATE SKIP
 * LOCKED and marks them in the transaction that queues their messages, so
 * passes on two servers split the work and never queue one twice; the
 * outbox's dedupeKey (appointment and start) is a second guard.
 *
 * Visits booked after their reminder time would have been are skipped: the
 * confirmation just went out.
 */
export async function enqueueDueReminders(now = new Date()): Promise<number> {
  return (await runReminderPass({ now })).queued;
}

export type ReminderPassOptions = {
  /** Fixed clock (tests). Without it each batch reads the clock afresh, so a long pass also takes visits that fell due while it ran. */
  now?: Date;
  batchSize?: number;
  /** Called once if the first batch is full: there is a backlog others could help with. */
  onBacklog?: () => Promise<void>;
  /** Stops between batches (server shutdown); what is left waits for the next pass. */
  signal?: AbortSignal;
};

export async function runReminderPass(options: ReminderPassOptions = {}): Promise<ReminderPass> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const pass: ReminderPass = { queued: 0, marked: 0 };
  for (let first = true; !options.signal?.aborted; first = false) {
    const at = options.now ?? new Date();
    const batch = await queueReminderBatch(at, await reminderHorizon(at), batchSize);
    pass.queued += batch.queued;
    pass.marked += batch.marked;
    if (first && batch.marked === batchSize) await options.onBacklog?.();
    // A short batch means nothing is left, or what is left is held by another pass
    // (or by a booking change, whose new start the next pass sees).
    if (batch.marked < batchSize) break;
  }
  return pass;
}

/** The latest start any clinic's reminder can be due for now: lets the index scan stop there. */
async function reminderHorizon(now: Date): Promise<Date> {
  const [row] = await db.$queryRaw<Array<{ hours: number }>>`
    SELECT GREATEST(${DEFAULT_LEAD_HOURS}::int, COALESCE(MAX("reminderLeadHours"), 0))::int AS hours FROM "BookingSettings"`;
  return new Date(now.getTime() + row!.hours * 3_600_000);
}

async function queueReminderBatch(now: Date, horizon: Date, batchSize: number) {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<Array<{ id: string; startsAt: Date }>>`
        UPDATE "Appointment" SET "reminderQueuedFor" = "startsAt"
        WHERE "id" IN (
          SELECT a."id"
          FROM "Appointment" a
          LEFT JOIN "BookingSettings" s ON s."clinicId" = a."clinicId"
          WHERE a."status" = 'booked'
            AND a."reminderQueuedFor" IS DISTINCT FROM a."startsAt"
            AND a."startsAt" > ${now}
            AND a."startsAt" <= ${horizon}
            AND a."startsAt" <= ${now}::timestamptz + make_interval(hours => COALESCE(s."reminderLeadHours", ${DEFAULT_LEAD_HOURS}::int))
            AND a."createdAt" <= a."startsAt" - make_interval(hours => COALESCE(s."reminderLeadHours", ${DEFAULT_LEAD_HOURS}::int))
          ORDER BY a."startsAt"
          LIMIT ${batchSize}
          FOR UPDATE OF a SKIP LOCKED)
        RETURNING "id", "startsAt"`;
      if (claimed.length === 0) return { queued: 0, marked: 0 };
      const appointments = await tx.appointment.findMany({
        where: { id: { in: claimed.map((c) => c.id) } },
        select: { ...messageAppointmentSelect, clinicId: true },
      });
      const clinics = new Map(
        (
          await tx.clinic.findMany({
            where: { id: { in: [...new Set(appointments.map((a) => a.clinicId))] } },
            select: { id: true, name: true, address: true, phone: true, email: true, timeZone: true },
          })
        ).map((c) => [c.id, c]),
      );
      const messages = appointments.flatMap((a) => {
        const message = appointmentEmail("reminder", a, clinics.get(a.clinicId)!, {
          dedupeKey: `appointment-reminder:${a.id}:${a.startsAt.toISOString()}`,
        });
        return message ? [message] : [];
      });
      const queued = await enqueueMessages(tx, messages);
      return { queued, marked: claimed.length };
    },
    // A batch renders and inserts a few hundred messages; on a busy machine that outlasts the 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
}
