/**
 * `npm run bench:jobs`: a benchmark, not a test (its figures depend on the
 * machine; it fails only on duplicates or missing reminders). Into a fresh
 * embedded Postgres it seeds 50 clinics (each with one email reminder rule, 2 to 72 hours before) with
 * 10,000 booked visits whose reminder times (start minus the clinic's lead)
 * are spread over the next few minutes, then starts two background-job
 * processes (scripts/bench/jobs-worker.ts: the servers' startBackgroundJobs(),
 * development mailbox) and watches until every reminder is queued and
 * delivered, or the time is up. It prints reminders queued and messages
 * delivered per second, the lateness of each reminder (queued at minus
 * reminder time), duplicates and missing reminders, and the load average.
 *
 * BENCH_VISITS (10000), BENCH_CLINICS (50), BENCH_SPREAD_SECONDS (180: over how
 * long the reminder times fall), BENCH_WORKERS (2).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabaseIfMissing } from "../db/embedded-postgres";
import { applyMigrations, ROOT } from "../db/migrations";
import { startBenchPostgres } from "./bench-clinic";

const VISITS = Number(process.env.BENCH_VISITS ?? 10_000);
const CLINICS = Number(process.env.BENCH_CLINICS ?? 50);
const SPREAD_S = Math.max(30, Number(process.env.BENCH_SPREAD_SECONDS ?? 180));
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const THERAPISTS_PER_CLINIC = 20;
const LEADS_HOURS = [24, 2, 48, 6, 72];
/** Time for the worker processes to start before the first reminder falls due. */
const FIRST_DUE_AFTER_S = 45;
/** The run stops itself this long after the last reminder time, finished or not. */
const GRACE_S = 240;

const perClinic = Math.ceil(VISITS / CLINICS);

async function seed(url: string, firstDue: Date): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let total = 0;
    for (let n = 0; n < CLINICS; n++) {
      const count = Math.min(perClinic, VISITS - total);
      if (count <= 0) break;
      const lead = LEADS_HOURS[n % LEADS_HOURS.length]!;
      const {
        rows: [clinic],
      } = await c.query(
        `INSERT INTO "Clinic" (id, name, address, phone, "timeZone", "updatedAt")
         VALUES (gen_random_uuid(), $1, '1 Bench St', '555-0100', 'America/New_York', now()) RETURNING id`,
        [`Bench Clinic ${String(n).padStart(2, "0")}`],
      );
      const clinicId = clinic.id as string;
      await c.query(
        `INSERT INTO "ReminderRule" (id, "clinicId", channel, "hoursBefore") VALUES (gen_random_uuid(), $1, 'email', $2)`,
        [clinicId, lead],
      );
      await c.query(
        `INSERT INTO "User" (id, "clinicId", email, name, role, "updatedAt")
         SELECT gen_random_uuid(), $1, 'therapist' || i || '-c' || $2 || '@bench.example', 'Therapist ' || i, 'therapist', now()
         FROM generate_series(1, ${THERAPISTS_PER_CLINIC}) i`,
        [clinicId, n],
      );
      await c.query(
        `INSERT INTO "Patient" (id, "clinicId", "firstName", "lastName", "dateOfBirth", email, "updatedAt")
         SELECT gen_random_uuid(), $1, 'Bench', 'Patient' || lpad(i::text, 5, '0'), date '1980-01-01' + i, 'p' || i || '-c' || $2 || '@bench.example', now()
         FROM generate_series(1, $3::int) i`,
        [clinicId, n, count],
      );
      const {
        rows: [type],
      } = await c.query(
        `INSERT INTO "AppointmentType" (id, "clinicId", name, "durationMinutes", "bufferAfterMinutes", colour, "onlineBookable", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'Follow-up', 45, 0, '#1d4ed8', true, now()) RETURNING id`,
        [clinicId],
      );
      // Visit i of clinic n is the (i * CLINICS + n)-th reminder overall, so every moment of the spread
      // has visits of every clinic. A therapist's visits are CLINICS * THERAPISTS_PER_CLINIC reminders
      // apart, seconds apart in time, so one-second visits never overlap.
      const inserted = await c.query(
        `WITH t AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM "User" WHERE "clinicId" = $1 AND role = 'therapist'),
              p AS (SELECT id, row_number() OVER (ORDER BY "lastName") - 1 AS n FROM "Patient" WHERE "clinicId" = $1),
              v AS (SELECT p.id AS patient, p.n,
                           $3::timestamptz + make_interval(secs => (p.n * $5::int + $6::int) * $4::float8 / $7::int)
                                           + make_interval(hours => $8::int) AS starts
                    FROM p)
         INSERT INTO "Appointment" (id, "clinicId", "therapistId", "patientId", "appointmentTypeId", "startsAt", "endsAt",
                                    "blockedUntil", status, "bookedById", "bookedVia", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1, t.id, v.patient, $2, v.starts, v.starts + interval '1 second', v.starts + interval '1 second',
                'booked', t.id, 'staff', now() - interval '10 days', now()
         FROM v JOIN t ON t.n = v.n % ${THERAPISTS_PER_CLINIC}`,
        [clinicId, type.id, firstDue, SPREAD_S, CLINICS, n, VISITS, lead],
      );
      total += inserted.rowCount ?? 0;
    }
    await c.query("ANALYZE");
    return total;
  } finally {
    await c.end();
  }
}

type Progress = { queued: number; delivered: number };

async function progress(c: pg.Client): Promise<Progress> {
  const { rows } = await c.query(
    `SELECT count(*)::int AS queued, count(*) FILTER (WHERE status = 'sent')::int AS delivered
     FROM "OutboxMessage" WHERE kind = 'appointment.reminder'`,
  );
  return rows[0] as Progress;
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? "-" : n.toFixed(digits));

async function report(c: pg.Client) {
  const lateness = (
    await c.query(
      `WITH r AS (
         SELECT a.id, o."createdAt" AS queued_at, o."sentAt" AS sent_at,
                a."startsAt" - make_interval(hours => s."hoursBefore") AS due_at
         FROM "ReminderRule" s
         JOIN "Appointment" a ON a."clinicId" = s."clinicId"
         JOIN "OutboxMessage" o ON o."dedupeKey" = 'appointment-reminder:' || a.id || ':' || to_char(a."startsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ':' || s.channel || ':' || s."hoursBefore"
         WHERE o.kind = 'appointment.reminder')
       SELECT count(*)::int AS n,
              percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM queued_at - due_at)) AS queued_p,
              min(extract(epoch FROM queued_at - due_at))::float8 AS queued_min,
              max(extract(epoch FROM queued_at - due_at))::float8 AS queued_max,
              count(*) FILTER (WHERE queued_at - due_at > interval '2 minutes')::int AS over_2_min,
              percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) AS sent_p,
              max(extract(epoch FROM sent_at - due_at))::float8 AS sent_max
       FROM r`,
    )
  ).rows[0];
  const counts = (
    await c.query(
      `SELECT (SELECT count(*)::int FROM "Appointment") AS visits,
              (SELECT count(*)::int FROM (SELECT split_part("dedupeKey", ':', 2) FROM "OutboxMessage"
                 WHERE kind = 'appointment.reminder' GROUP BY 1 HAVING count(*) > 1) d) AS duplicated_visits,
              (SELECT count(*)::int FROM "OutboxMessage" WHERE kind = 'appointment.reminder')
                - (SELECT count(DISTINCT split_part("dedupeKey", ':', 2))::int FROM "OutboxMessage" WHERE kind = 'appointment.reminder') AS extra_copies,
              (SELECT count(*)::int FROM "Appointment" a WHERE NOT EXISTS (
                 SELECT 1 FROM "OutboxMessage" o WHERE o.kind = 'appointment.reminder' AND split_part(o."dedupeKey", ':', 2) = a.id::text)) AS missing,
              (SELECT count(*)::int FROM "DevMailboxMessage") AS mailbox,
              (SELECT count(*)::int FROM (SELECT "toAddress", subject FROM "DevMailboxMessage" GROUP BY 1, 2 HAVING count(*) > 1) d) AS mailbox_duplicates`,
    )
  ).rows[0];
  // Rates while the work was being done: the seconds in which at least one reminder was queued
  // (resp. delivered), so the idle time between the spread-out reminder times does not count.
  const rates = (
    await c.query(
      `SELECT (SELECT count(*)::int FROM "OutboxMessage" WHERE kind = 'appointment.reminder') AS queued,
              (SELECT extract(epoch FROM max("createdAt") - min("createdAt"))::float8 FROM "OutboxMessage" WHERE kind = 'appointment.reminder') AS queue_span,
              (SELECT max(n)::int FROM (SELECT count(*) AS n FROM "OutboxMessage" WHERE kind = 'appointment.reminder' GROUP BY date_trunc('second', "createdAt")) x) AS queue_peak,
              (SELECT count(*)::int FROM "OutboxMessage" WHERE status = 'sent') AS sent,
              (SELECT count(DISTINCT date_trunc('second', "sentAt"))::int FROM "OutboxMessage" WHERE status = 'sent') AS sent_busy_seconds,
              (SELECT max(n)::int FROM (SELECT count(*) AS n FROM "OutboxMessage" WHERE status = 'sent' GROUP BY date_trunc('second', "sentAt")) x) AS sent_peak,
              (SELECT count(*)::int FROM graphile_worker.jobs) AS jobs_left`,
    )
  ).rows[0];
  return { lateness, counts, rates };
}

async function main() {
  const { server } = await startBenchPostgres("bench-jobs-postgres");
  const workers: ChildProcess[] = [];
  const stopWorkers = async () => {
    await Promise.all(
      workers
        .filter((w) => w.exitCode === null)
        .map(
          (w) =>
            new Promise((resolve) => {
              w.once("exit", resolve);
              w.kill("SIGTERM");
            }),
        ),
    );
  };
  try {
    await createDatabaseIfMissing(server.url("postgres"), "mend_bench_jobs");
    const url = server.url("mend_bench_jobs");
    await applyMigrations(url);
    const seedStarted = Date.now();
    const firstDue = new Date(Date.now() + FIRST_DUE_AFTER_S * 1000);
    const lastDue = new Date(firstDue.getTime() + SPREAD_S * 1000);
    const visits = await seed(url, firstDue);
    console.log(
      `Seeded ${visits} visits in ${CLINICS} clinics in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s; reminder times from ${firstDue.toISOString()} to ${lastDue.toISOString()}.`,
    );
    const loadAtStart = loadavg();
    // No SMTP_URL: messages go to the development mailbox, so deliveries can be counted.
    const { SMTP_URL: _smtp, ...inherited } = process.env;
    const env = {
      ...inherited,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      OUTBOX_WORKER: "on",
    };
    for (let i = 0; i < WORKERS; i++) {
      const w = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "bench", "jobs-worker.ts")],
        { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit", "ipc"] },
      );
      workers.push(w);
    }
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))));
    console.log(
      `${WORKERS} job processes running; watching (stops by itself at ${GRACE_S} s after the last reminder time).`,
    );
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const deadline = lastDue.getTime() + GRACE_S * 1000;
    let last = { queued: -1, delivered: -1 };
    for (;;) {
      const p = await progress(c);
      if (p.queued !== last.queued || p.delivered !== last.delivered)
        console.log(
          `  ${new Date().toISOString().slice(11, 19)}  queued ${String(p.queued).padStart(5)}  delivered ${String(p.delivered).padStart(5)}`,
        );
      last = p;
      if ((p.queued >= visits && p.delivered >= visits) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const loadAtEnd = loadavg();
    await stopWorkers();
    const { lateness, counts, rates } = await report(c);
    await c.end();
    const [q50, q95, q99] = (lateness.queued_p as number[] | null) ?? [];
    const [s50, s95, s99] = (lateness.sent_p as number[] | null) ?? [];
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
    console.log(`
bench:jobs: ${visits} visits, ${CLINICS} clinics, reminder times spread over ${SPREAD_S} s, ${WORKERS} job processes
load average at start ${load(loadAtStart)}, at end ${load(loadAtEnd)}

reminders queued        ${rates.queued} of ${counts.visits}   missing ${counts.missing}   visits with more than one reminder ${counts.duplicated_visits} (extra copies ${counts.extra_copies})
queueing rate           ${fmt(rates.queued / Math.max(1, rates.queue_span ?? 1))} /s over the ${fmt(rates.queue_span)} s from first to last, bounded by reminders falling due at ${fmt(visits / SPREAD_S)} /s (peak ${rates.queue_peak} in one second)
lateness, queued        p50 ${fmt(q50)} s  p95 ${fmt(q95)} s  p99 ${fmt(q99)} s  max ${fmt(lateness.queued_max)} s  (min ${fmt(lateness.queued_min)} s; ${lateness.over_2_min} over 2 minutes)
delivered (dev mailbox) ${rates.sent}   mailbox rows ${counts.mailbox}   duplicate deliveries ${counts.mailbox_duplicates}
delivery rate           ${fmt(rates.sent / Math.max(1, rates.sent_busy_seconds))} /s in the ${rates.sent_busy_seconds} s with deliveries (peak ${rates.sent_peak} in one second)
lateness, delivered     p50 ${fmt(s50)} s  p95 ${fmt(s95)} s  p99 ${fmt(s99)} s  max ${fmt(lateness.sent_max)} s
jobs left in the queue  ${rates.jobs_left} (the next reminder pass and seal, scheduled)`);
    if (counts.missing > 0 || counts.duplicated_visits > 0 || counts.mailbox_duplicates > 0) process.exitCode = 1;
  } finally {
    await stopWorkers();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
