/**
 * `npm run bench:slots`: a benchmark, not a test (it asserts nothing and its
 * figures depend on the machine). It seeds 20 therapists with two years of
 * history (~30 visits per therapist per week) into a fresh embedded Postgres,
 * starts the production build, signs in as the front desk, and measures with
 * autocannon (20 connections):
 *   1. GET /api/booking/slots for a 4-week window, every therapist ("any");
 *   2. GET /api/booking/slots for a 4-week window, one therapist;
 *   3. POST /api/booking/appointments on distinct free slots (after 40
 *      unmeasured warm-up bookings).
 * Traffic goes to 127.0.0.1 only; every run is bounded in time and count.
 *
 * BENCH_ONLY=health,one,all,single,book runs only those measurements;
 * BENCH_HOLD=1 keeps the database and server up afterwards (until Ctrl+C)
 * for profiling by hand; BENCH_SECONDS (15) per measurement, after BENCH_WARMUP_SECONDS (3) of
 * unmeasured traffic on each endpoint;
 * BENCH_SERVER_NODE_ARGS passes flags to the app server's node, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU profile of the server.
 */
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { ARGON2_OPTIONS } from "../../lib/auth/password-params";
import { addDays, todayIn } from "../../lib/time/calendar-rules";
import { createDatabaseIfMissing } from "../db/embedded-postgres";
import { applyMigrations } from "../db/migrations";
import {
  cpuPerRequest,
  dbCpuPerRequest,
  loadText,
  measure,
  signIn,
  startApp,
  statusText,
  table,
  type AppServer,
  type Measured,
} from "./bench-kit";
import { seedBenchClinic, startBenchPostgres } from "./bench-clinic";

const ZONE = "America/New_York";
const THERAPISTS = 20;
const PATIENTS = 3000;
const PASSWORD = "bench-password-123";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const port = Number(process.env.BENCH_PORT ?? process.env.PORT ?? 3402);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const wanted = (section: string) => !only || only.has(section);

async function seed(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const passwordHash = await hash(PASSWORD, ARGON2_OPTIONS);
  const started = Date.now();
  const { clinicId, typeId } = await seedBenchClinic(c, {
    zone: ZONE,
    therapists: THERAPISTS,
    patients: PATIENTS,
    passwordHash,
  });
  // Six visits a weekday per therapist (30 a week), from two years ago to four weeks ahead. At each
  // time every therapist sees a different patient, and visits 75 minutes apart never overlap.
  const today = todayIn(ZONE, Date.now());
  const from = addDays(today, -7 * 104);
  const to = addDays(today, 28);
  const inserted = await c.query(
    `WITH t AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM "User" WHERE "clinicId" = $1 AND role = 'therapist'),
          p AS (SELECT id, row_number() OVER (ORDER BY "lastName") - 1 AS n FROM "Patient" WHERE "clinicId" = $1),
          slots AS (
            SELECT d::date AS day, s.minute, s.k, t.id AS therapist, t.n AS tn,
                   ((d::date + make_interval(mins => s.minute)) AT TIME ZONE $2) AS starts
            FROM generate_series($3::date, $4::date, interval '1 day') d
            CROSS JOIN (VALUES (480, 0), (555, 1), (630, 2), (780, 3), (855, 4), (930, 5)) s(minute, k)
            CROSS JOIN t
            WHERE extract(isodow FROM d) BETWEEN 1 AND 5)
     INSERT INTO "Appointment" (id, "clinicId", "therapistId", "patientId", "appointmentTypeId", "startsAt", "endsAt", "blockedUntil",
                                status, "bookedById", "bookedVia", "updatedAt", "cancelledAt", "cancelReason")
     SELECT gen_random_uuid(), $1, slots.therapist, p.id, $5, slots.starts, slots.starts + interval '45 minutes', slots.starts + interval '60 minutes',
            (CASE WHEN slots.starts > now() THEN 'booked' WHEN (slots.tn + slots.k) % 20 = 0 THEN 'cancelled' ELSE 'completed' END)::"AppointmentStatus",
            slots.therapist, 'staff', now(),
            CASE WHEN slots.starts <= now() AND (slots.tn + slots.k) % 20 = 0 THEN slots.starts - interval '1 day' END,
            CASE WHEN slots.starts <= now() AND (slots.tn + slots.k) % 20 = 0 THEN 'bench' END
     FROM slots JOIN p ON p.n = ((slots.k * ${THERAPISTS} + slots.tn) + (slots.day - $3::date) * 7) % ${PATIENTS}`,
    [clinicId, ZONE, from, to, typeId],
  );
  await c.query("ANALYZE");
  const { rows: therapists } = await c.query(
    `SELECT id FROM "User" WHERE "clinicId" = $1 AND role = 'therapist' ORDER BY email`,
    [clinicId],
  );
  const { rows: patients } = await c.query(`SELECT id FROM "Patient" WHERE "clinicId" = $1`, [clinicId]);
  await c.end();
  console.log(
    `Seeded ${inserted.rowCount} appointments (${THERAPISTS} therapists, ${from} to ${to}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return {
    typeId,
    therapistIds: therapists.map((r) => r.id as string),
    patientIds: patients.map((r) => r.id as string),
    today,
  };
}

type Row = { name: string; m: Measured };

async function main() {
  const { server } = await startBenchPostgres("bench-postgres", 55432);
  let app: AppServer | undefined;
  try {
    await createDatabaseIfMissing(server.url("postgres"), "mend_bench");
    const url = server.url("mend_bench");
    await applyMigrations(url);
    const seeded = await seed(url);
    app = await startApp(port, {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      APP_URL: `http://127.0.0.1:${port}`,
      OUTBOX_WORKER: "off",
    });
    const { base, pid } = app;
    const cookie = await signIn(base, "desk@bench.example", PASSWORD);
    // Staff sessions stay half-open until the second factor; the MFA flow has its own tests,
    // so the bench marks its one session as verified rather than driving TOTP here.
    {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(
        `UPDATE "AuthSession" SET "mfaVerifiedAt" = now() WHERE "endedAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = 'desk@bench.example')`,
      );
      await c.end();
    }
    const headers = { cookie, accept: "application/json" };
    const from = seeded.today;
    const to = addDays(from, 27);
    const slotsAll = `/api/booking/slots?appointmentTypeId=${seeded.typeId}&from=${from}&to=${to}`;
    const slotsOne = `${slotsAll}&therapistId=${seeded.therapistIds[0]}`;
    const warm = await fetch(base + slotsAll, { headers });
    if (!warm.ok) throw new Error(`Warm-up slot search answered ${warm.status}: ${await warm.text()}`);
    const warmBody = (await warm.json()) as {
      therapists: Array<{ id: string }>;
      slots: Array<{ start: string; therapistIndexes: number[] }>;
    };
    console.log(
      `Warm-up: ${warm.status}, ${warmBody.slots.length} distinct start times over 4 weeks, ${JSON.stringify(warmBody).length} bytes.`,
    );

    // The first seconds of traffic compile the hot paths (JIT); unmeasured, so that whichever
    // measurement runs first is not charged for it.
    for (const p of ["/api/health", slotsOne, slotsAll])
      await measure(pid, { url: base + p, connections: 20, duration: WARMUP_S, headers });

    const rows: Row[] = [];
    const loadAtStart = loadavg();
    // Baselines that say how loaded the machine is: the health check (one query, no session)
    // under the same 20 connections, and the slot search one request at a time.
    if (wanted("health")) {
      rows.push({
        name: "baseline: /api/health, 20 conn.",
        m: await measure(pid, { url: `${base}/api/health`, connections: 20, duration: 5 }, server.dataDir),
      });
    }
    if (wanted("one")) {
      rows.push({
        name: "baseline: slots one therapist, 1 conn.",
        m: await measure(pid, { url: base + slotsOne, connections: 1, duration: 5, headers }, server.dataDir),
      });
    }
    for (const [section, name, p] of [
      ["all", "slots, 4 weeks, all 20 therapists", slotsAll],
      ["single", "slots, 4 weeks, one therapist", slotsOne],
    ] as const) {
      if (!wanted(section)) continue;
      rows.push({
        name,
        m: await measure(pid, { url: base + p, connections: 20, duration: DURATION_S, headers }, server.dataDir),
      });
    }

    if (wanted("book")) {
      // Distinct, non-overlapping free slots: per therapist, starts at least an hour apart; one patient each.
      const lastStart = new Map<string, number>();
      const bodies: string[] = [];
      for (const s of warmBody.slots) {
        for (const t of s.therapistIndexes.map((i) => warmBody.therapists[i]!.id)) {
          const start = Date.parse(s.start);
          if (start - (lastStart.get(t) ?? 0) < 60 * 60_000) continue;
          lastStart.set(t, start);
          const patientId = seeded.patientIds[bodies.length % seeded.patientIds.length]!;
          bodies.push(
            JSON.stringify({ appointmentTypeId: seeded.typeId, therapistId: t, patientId, startsAt: s.start }),
          );
        }
      }
      // The first bookings load and compile the booking route and its transaction path (the slot
      // search had its warm-up request); measured from a cold start they said more about start-up
      // than about booking. So the first WARM_BOOKINGS slots warm the server up, unmeasured.
      const WARM_BOOKINGS = 40;
      const book = (list: string[]) => {
        let next = 0;
        return measure(
          pid,
          {
            url: base,
            connections: 20,
            amount: list.length,
            timeout: 30,
            requests: [
              {
                method: "POST",
                path: "/api/booking/appointments",
                setupRequest: (req) => ({
                  ...req,
                  body: list[next++ % list.length]!,
                  headers: { ...headers, "content-type": "application/json", "idempotency-key": randomUUID() },
                }),
              },
            ],
          },
          server.dataDir,
        );
      };
      const warmUp = await book(bodies.slice(0, WARM_BOOKINGS));
      if (warmUp.statuses[201] !== WARM_BOOKINGS)
        throw new Error(`Warm-up bookings answered ${JSON.stringify(warmUp.statuses)}`);
      const measured = bodies.slice(WARM_BOOKINGS, WARM_BOOKINGS + 2000);
      const amount = measured.length;
      rows.push({ name: `book, ${amount} distinct slots`, m: await book(measured) });
    }

    const healthCpu = rows.find((r) => r.name.includes("/api/health"));
    const healthMs = healthCpu ? cpuPerRequest(healthCpu.m) : null;
    console.log(
      `\nbench:slots (20 connections; latency in ms; app CPU = the server's CPU ms per request; × health = that CPU over /api/health's; db CPU = Postgres's CPU ms per request)\nload average at start ${loadText(loadAtStart)}, at end ${loadText()}\n`,
    );
    const cells = rows.map(({ name, m }) => {
      const cpu = cpuPerRequest(m);
      return [
        name,
        String(m.result.requests.total),
        (Math.round(m.result.requests.average * 10) / 10).toFixed(1),
        String(m.result.latency.p50),
        String(m.result.latency.p97_5),
        String(m.result.latency.p99),
        cpu === null ? "-" : cpu.toFixed(1),
        cpu === null || !healthMs ? "-" : (cpu / healthMs).toFixed(2),
        dbCpuPerRequest(m)?.toFixed(1) ?? "-",
        statusText(m.statuses),
      ];
    });
    console.log(
      table(
        ["endpoint", "requests", "req/s", "p50", "p97.5", "p99", "app CPU", "× health", "db CPU", "statuses"],
        cells,
      ),
    );
    console.log(
      "Targets from the issue: 4-week slot search p97.5 ≤ 150 ms; booking p97.5 < 250 ms. Figures vary with machine load.",
    );
    if (process.env.BENCH_HOLD === "1") {
      // For profiling by hand: the seeded database and the server stay up until Ctrl+C.
      console.log(`\nHolding: ${base}${slotsAll}\nDATABASE_URL=${server.url("mend_bench")}\nCtrl+C stops both.`);
      await new Promise((resolve) => process.once("SIGINT", resolve));
    }
  } finally {
    await app?.stop();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
