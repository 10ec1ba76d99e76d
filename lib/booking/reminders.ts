import "server-only";
import { textMessage } from "@/lib/notifications/enqueue-text";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMessages, type NewMessage } from "@/lib/notifications/enqueue-message";
import { reachableBy } from "@/lib/patients/message-channel-rules";
import { appointmentEmail, messageAppointmentSelect } from "./appointment-messages";
import { DEFAULT_REMINDER_RULES, type ReminderChannel } from "./reminder-rules";
import { reminderText } from "./reminder-text-rules";

const BATCH_SIZE = 200;
const DEFAULT_MAX_HOURS = Math.max(...DEFAULT_REMINDER_RULES.map((r) => r.hoursBefore));

export type ReminderPass = { queued: number; marked: number };

/**
 * Queues every reminder whose time (start minus a rule's hours) has come, for
 * each booked visit and each rule of its clinic's schedule (the default while
 * a clinic has saved none), in batches until none is left
 * (docs/decisions/085).
 *
 * A reminder is claimed by an AppointmentReminder row keyed by (visit, start,
 * channel, hours), written in the transaction that queues its message: at
 * most once per start, and a moved visit (new start) is due again. Each batch
 * locks its visits FOR UPDATE SKIP LOCKED, so passes on two servers split the
 * work; the claim's INSERT ... ON CONFLICT DO NOTHING decides a race the lock
 * did not (a pass that read before the other committed), and the outbox's
 * dedupeKey is a third guard.
 *
 * A rule whose time had passed when the visit was booked is skipped (the
 * confirmation just went out). A patient who cannot be reached on a rule's
 * channel (chose email only, no text consent, opted out) gets nothing on it;
 * the claim is kept with queued = false so the pass does not look again.
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
  let after: Cursor | null = null;
  for (let first = true; !options.signal?.aborted; first = false) {
    const at = options.now ?? new Date();
    const batch = await queueReminderBatch(at, await reminderHorizon(at), batchSize, after);
    after = batch.last;
    pass.queued += batch.queued;
    pass.marked += batch.marked;
    if (first && batch.candidates === batchSize) await options.onBacklog?.();
    // A short batch means nothing is left, or what is left is held by another pass
    // (or by a booking change, whose new start the next pass sees).
    if (batch.candidates < batchSize) break;
  }
  return pass;
}

/** The latest start any clinic's reminder can be due for now: lets the index scan stop there. */
async function reminderHorizon(now: Date): Promise<Date> {
  const [row] = await db.$queryRaw<Array<{ hours: number }>>`
    SELECT GREATEST(${DEFAULT_MAX_HOURS}::int, COALESCE(MAX("hoursBefore"), 0))::int AS hours FROM "ReminderRule"`;
  return new Date(now.getTime() + row!.hours * 3_600_000);
}

/** Every clinic's rules: its own, or the default for a clinic with none. */
const EFFECTIVE_RULES = Prisma.sql`
  SELECT r."clinicId", r."channel", r."hoursBefore" FROM "ReminderRule" r
  UNION ALL
  SELECT c.id, d.channel::"MessageChannel", d.hours
  FROM "Clinic" c
  CROSS JOIN (VALUES ${Prisma.join(
    DEFAULT_REMINDER_RULES.map((r) => Prisma.sql`(${r.channel}, ${r.hoursBefore}::int)`),
  )}) AS d(channel, hours)
  WHERE NOT EXISTS (SELECT 1 FROM "ReminderRule" x WHERE x."clinicId" = c.id)`;

type Due = { id: string; clinicId: string; startsAt: Date; channel: ReminderChannel; hoursBefore: number };
/** Where the previous batch of this pass stopped (start, visit, channel, hours). */
type Cursor = Pick<Due, "startsAt" | "id" | "channel" | "hoursBefore">;

/**
 * One batch: the next due (visit, rule) pairs after `after`. The cursor keeps a
 * long pass from re-reading the pairs its earlier batches claimed (each would
 * cost an anti-join probe, so 10,000 due reminders would cost ~250,000).
 */
async function queueReminderBatch(now: Date, horizon: Date, batchSize: number, after: Cursor | null) {
  return db.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<Due[]>`
        WITH rules AS (${EFFECTIVE_RULES})
        SELECT a."id"::text AS id, a."clinicId"::text AS "clinicId", a."startsAt",
               r."channel"::text AS channel, r."hoursBefore"
        FROM "Appointment" a
        JOIN rules r ON r."clinicId" = a."clinicId"
        WHERE a."status" = 'booked'
          AND a."startsAt" > ${now}
          AND a."startsAt" <= ${horizon}
          AND a."startsAt" <= ${now}::timestamptz + make_interval(hours => r."hoursBefore")
          AND a."createdAt" <= a."startsAt" - make_interval(hours => r."hoursBefore")
          AND NOT EXISTS (
            SELECT 1 FROM "AppointmentReminder" ar
            WHERE ar."clinicId" = a."clinicId" AND ar."appointmentId" = a."id" AND ar."startsAt" = a."startsAt"
              AND ar."channel" = r."channel" AND ar."hoursBefore" = r."hoursBefore")
          AND ${
            after
              ? // The first term alone lets the index scan on startsAt begin at the cursor.
                Prisma.sql`a."startsAt" >= ${after.startsAt} AND (a."startsAt", a."id", r."channel"::text, r."hoursBefore") > (${after.startsAt}::timestamptz, ${after.id}::uuid, ${after.channel}::text, ${after.hoursBefore}::int)`
              : Prisma.sql`true`
          }
        ORDER BY a."startsAt", a."id", r."channel"::text, r."hoursBefore"
        LIMIT ${batchSize}
        FOR UPDATE OF a SKIP LOCKED`;
      if (due.length === 0) return { queued: 0, marked: 0, candidates: 0, last: after };
      const messages = await reminderMessages(tx, due, now);
      const claimed = await claim(tx, due, messages);
      const queued = await enqueueMessages(
        tx,
        claimed.flatMap((c) => {
          const m = messages.get(keyOf(c));
          return m ? [m] : [];
        }),
      );
      return { queued, marked: claimed.length, candidates: due.length, last: due.at(-1)! };
    },
    // A batch renders and inserts a few hundred messages; on a busy machine that outlasts the 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

const keyOf = (d: Pick<Due, "id" | "startsAt" | "channel" | "hoursBefore">) =>
  `appointment-reminder:${d.id}:${d.startsAt.toISOString()}:${d.channel}:${d.hoursBefore}`;

/** Inserts the claims; returns those this pass won (another pass may have claimed some since it read). */
async function claim(tx: Tx, due: Due[], messages: Map<string, NewMessage>): Promise<Due[]> {
  const won = await tx.$queryRaw<
    Array<{ appointmentId: string; startsAt: Date; channel: ReminderChannel; hoursBefore: number }>
  >`
    INSERT INTO "AppointmentReminder" ("clinicId", "appointmentId", "startsAt", "channel", "hoursBefore", "queued")
    SELECT * FROM unnest(
      ${due.map((d) => d.clinicId)}::uuid[], ${due.map((d) => d.id)}::uuid[], ${due.map((d) => d.startsAt)}::timestamptz[],
      ${due.map((d) => d.channel)}::"MessageChannel"[], ${due.map((d) => d.hoursBefore)}::int[],
      ${due.map((d) => messages.has(keyOf(d)))}::boolean[])
    ON CONFLICT DO NOTHING
    RETURNING "appointmentId"::text AS "appointmentId", "startsAt", "channel"::text AS channel, "hoursBefore"`;
  const byKey = new Map(due.map((d) => [keyOf(d), d]));
  return won.map((w) => byKey.get(keyOf({ id: w.appointmentId, ...w }))!);
}

/** The message for each due reminder the patient can be reached by, keyed like the outbox's dedupeKey. */
async function reminderMessages(tx: Tx, due: Due[], now: Date): Promise<Map<string, NewMessage>> {
  const appointments = new Map(
    (
      await tx.appointment.findMany({
        where: { id: { in: [...new Set(due.map((d) => d.id))] } },
        select: {
          ...messageAppointmentSelect,
          clinicId: true,
          patient: {
            select: {
              ...messageAppointmentSelect.patient.select,
              phone: true,
              messageChannels: true,
              textConsentAt: true,
              textOptedOutAt: true,
            },
          },
        },
      })
    ).map((a) => [a.id, a]),
  );
  const clinics = new Map(
    (
      await tx.clinic.findMany({
        where: { id: { in: [...new Set(due.map((d) => d.clinicId))] } },
        select: { id: true, name: true, address: true, phone: true, email: true, timeZone: true },
      })
    ).map((c) => [c.id, c]),
  );
  const appUrl = env().APP_URL;
  const messages = new Map<string, NewMessage>();
  for (const d of due) {
    const a = appointments.get(d.id)!;
    const clinic = clinics.get(d.clinicId)!;
    const reachable = reachableBy(a.patient);
    const dedupeKey = keyOf(d);
    if (d.channel === "email" && reachable.email) {
      const message = appointmentEmail(
        "reminder",
        { ...a, patient: { ...a.patient, email: reachable.email } },
        clinic,
        {
          dedupeKey,
        },
      );
      if (message) messages.set(dedupeKey, message);
    }
    if (d.channel === "sms" && reachable.sms)
      messages.set(
        dedupeKey,
        textMessage({
          clinicId: clinic.id,
          clinicTimeZone: clinic.timeZone,
          kind: "appointment.reminder",
          to: reachable.sms,
          text: reminderText({
            firstName: a.patient.preferredName ?? a.patient.firstName,
            clinicName: clinic.name,
            startsAt: a.startsAt,
            timeZone: clinic.timeZone,
            appUrl,
          }),
          patientId: a.patient.id,
          visitStartsAt: a.startsAt,
          dedupeKey,
          now,
        }),
      );
  }
  return messages;
}
