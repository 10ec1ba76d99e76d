/**
 * `npm run sim:waitlist`: a simulation, not a test (its figures depend on the
 * random seed and the patients' modelled behaviour). Into a fresh embedded
 * Postgres it seeds a clinic of 20 therapists (Mon-Fri 8:00-18:00, lunch
 * 12-13, 45-minute visits with a 15-minute buffer) booked for 4 weeks, cancels
 * 10% of the visits at random lead times, and lets 200 waitlist patients
 * (random days, time windows, therapist or "any", some urgent) answer offers
 * after random delays (some never answer, some decline, nobody reads an offer
 * at night before 07:30). It drives the REAL code on a simulated clock: the
 * cancellation records its freed time as lib/booking/cancel-appointment.ts
 * does (recordFreedTime), then the offer pass runs at once (as the wake-up
 * job would) and every 15 simulated minutes (as the recurring job does);
 * patients answer through acceptWaitlistOffer / declineWaitlistOffer with the
 * token read from the offer message in the outbox. Prints the freed times,
 * the share refilled (all, and freed at least a day ahead) and the median time
 * to fill.
 *
 * SIM_SEED (42), SIM_WAITLIST (200), SIM_CANCEL_SHARE (0.1), SIM_VISITS_WANTED
 * (1: how many visits each waitlist patient wants over the 4 weeks; with
 * more, a patient booked from the list is added again until they have them all).
 */
import pg from "pg";
import { createDatabaseIfMissing } from "../db/embedded-postgres";
import { applyMigrations } from "../db/migrations";
import { seedBenchClinic, startBenchPostgres } from "../bench/bench-clinic";

const SEED = Number(process.env.SIM_SEED ?? 42);
const WAITLIST = Number(process.env.SIM_WAITLIST ?? 200);
const CANCEL_SHARE = Number(process.env.SIM_CANCEL_SHARE ?? 0.1);
const VISITS_WANTED = Number(process.env.SIM_VISITS_WANTED ?? 1);
const THERAPISTS = 20;
const REGULARS = 400;
const ZONE = "America/New_York";
/** The four simulated weeks (no clock change inside them in New York). */
const FIRST_DAY = "2027-01-04";
const WEEKS = 4;
/** Visits start on the hour (45 min + 15 min buffer); 12:00 is lunch. */
const SLOT_HOURS = [8, 9, 10, 11, 13, 14, 15, 16, 17];
/** Share of the therapists' hours booked before any cancellation. */
const BOOKED_SHARE = 0.9;
const TICK_MS = 15 * 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small seeded generator, so a run can be repeated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const between = (lo: number, hi: number) => lo + random() * (hi - lo);

type Behaviour = { answers: boolean; acceptShare: number; wanted: number };
type SimEvent =
  | { at: number; kind: "cancel"; appointmentId: string }
  | { at: number; kind: "reply"; token: string; patientId: string; accept: boolean };

async function main() {
  const started = Date.now();
  const { server } = await startBenchPostgres("sim-waitlist", 55542);
  try {
    await createDatabaseIfMissing(server.url("postgres"), "mend_sim_waitlist");
    const url = server.url("mend_sim_waitlist");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET ??= "sim-secret-sim-secret-sim-secret-sim";
    process.env.APP_URL ??= "https://mend.example";
    await run(url, started);
  } catch (error) {
    console.error("sim:waitlist failed:", error);
    process.exitCode = 1;
  } finally {
    const { disconnectDb } = await import("../../lib/db");
    await disconnectDb().catch(() => undefined);
    await server.stop();
  }
}

async function run(url: string, started: number) {
  // Imported after DATABASE_URL is set: lib/db reads it on first use.
  const { instantOfLocal, addDays, localDateOf, localMinuteOf } = await import("../../lib/time/calendar-rules");
  const { db } = await import("../../lib/db");
  const { recordFreedTime } = await import("../../lib/waitlist/freed-times");
  const { runOfferPass } = await import("../../lib/waitlist/offer-pass");
  const { acceptWaitlistOffer, declineWaitlistOffer } = await import("../../lib/waitlist/respond-to-offer");

  const c = new pg.Client({ connectionString: url });
  // The server stops when the run ends, whatever happened; its goodbye is not an error here.
  c.on("error", () => undefined);
  await c.connect();
  const { clinicId, typeId } = await seedBenchClinic(c, {
    zone: ZONE,
    therapists: THERAPISTS,
    patients: REGULARS,
    passwordHash: "not-a-hash",
  });
  const therapists = (
    await c.query(`SELECT id FROM "User" WHERE "clinicId" = $1 AND role = 'therapist' ORDER BY email`, [clinicId])
  ).rows.map((r) => r.id as string);
  const desk = (await c.query(`SELECT id FROM "User" WHERE "clinicId" = $1 AND role = 'front_desk'`, [clinicId]))
    .rows[0].id as string;
  const regulars = (
    await c.query(`SELECT id FROM "Patient" WHERE "clinicId" = $1 ORDER BY "lastName"`, [clinicId])
  ).rows.map((r) => r.id as string);

  // The booked weeks: patient (slot * therapists + therapist) mod regulars, so nobody is in two places at once.
  const days = Array.from({ length: WEEKS * 7 }, (_, i) => addDays(FIRST_DAY, i)).filter(
    (d) => new Date(`${d}T12:00:00Z`).getUTCDay() % 6 !== 0,
  );
  const visits: Array<{ therapistId: string; patientId: string; startsAt: Date }> = [];
  let slotIndex = 0;
  for (const day of days)
    for (const hour of SLOT_HOURS) {
      therapists.forEach((therapistId, t) => {
        if (random() < BOOKED_SHARE)
          visits.push({
            therapistId,
            patientId: regulars[(slotIndex * THERAPISTS + t) % REGULARS]!,
            startsAt: new Date(instantOfLocal(day, hour * 60, ZONE)),
          });
      });
      slotIndex++;
    }
  const appointmentIds: string[] = [];
  for (let i = 0; i < visits.length; i += 500) {
    const chunk = visits.slice(i, i + 500);
    const { rows } = await c.query(
      `INSERT INTO "Appointment" (id, "clinicId", "therapistId", "patientId", "appointmentTypeId", "startsAt", "endsAt", "blockedUntil", "bookedById", "bookedVia", "updatedAt")
       SELECT gen_random_uuid(), $1, t, p, $2, s, s + interval '45 minutes', s + interval '60 minutes', $3, 'staff', now()
       FROM unnest($4::uuid[], $5::uuid[], $6::timestamptz[]) AS v(t, p, s)
       RETURNING id, "startsAt"`,
      [
        clinicId,
        typeId,
        desk,
        chunk.map((v) => v.therapistId),
        chunk.map((v) => v.patientId),
        chunk.map((v) => v.startsAt),
      ],
    );
    appointmentIds.push(...rows.map((r) => r.id as string));
  }
  const startOf = new Map(visits.map((v, i) => [appointmentIds[i]!, v.startsAt.getTime()]));

  // The waitlist: 200 patients with an email each, wanting a visit sooner on some days and times.
  const clockStart = instantOfLocal(addDays(FIRST_DAY, -14), 0, ZONE);
  const clockEnd = instantOfLocal(addDays(FIRST_DAY, WEEKS * 7), 0, ZONE);
  const behaviour = new Map<string, Behaviour>();
  const windowsChoice = [
    [{ startMinute: 480, endMinute: 720 }],
    [{ startMinute: 780, endMinute: 1080 }],
    [{ startMinute: 480, endMinute: 1080 }],
    [{ startMinute: 480, endMinute: 1080 }],
  ];
  const waitlistPatients: string[] = [];
  for (let i = 0; i < WAITLIST; i++) {
    const { rows } = await c.query(
      `INSERT INTO "Patient" (id, "clinicId", "firstName", "lastName", "dateOfBirth", email, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Wait', $2, date '1975-01-01' + $3::int, $4, now()) RETURNING id`,
      [clinicId, `Patient${String(i).padStart(3, "0")}`, i, `wait${i}@sim.example`],
    );
    const patientId = rows[0].id as string;
    waitlistPatients.push(patientId);
    behaviour.set(patientId, {
      answers: random() >= 0.2,
      acceptShare: 0.8,
      wanted: 1 + Math.floor(random() * VISITS_WANTED),
    });
  }
  const addEntry = async (patientId: string, createdAt: Date, earliest: string) => {
    const weekdays = [1, 2, 3, 4, 5].filter(() => random() < 0.6);
    if (weekdays.length === 0) weekdays.push(1 + Math.floor(random() * 5));
    await db.waitlistEntry.create({
      data: {
        clinicId,
        patientId,
        appointmentTypeId: typeId,
        therapistId: random() < 0.25 ? pick(therapists) : null,
        weekdays,
        windows: pick(windowsChoice),
        earliestDate: new Date(`${earliest}T00:00:00Z`),
        latestDate: new Date(`${addDays(FIRST_DAY, WEEKS * 7 - 1)}T00:00:00Z`),
        priority: random() < 0.1 ? "urgent" : "routine",
        createdVia: "front_desk",
        createdById: desk,
        createdAt,
      },
    });
  };
  for (const patientId of waitlistPatients)
    await addEntry(patientId, new Date(clockStart - between(0, 14) * DAY), FIRST_DAY);

  // 10% of the visits cancelled; lead times log-uniform between 1 hour and 14 days.
  const events: SimEvent[] = [];
  for (const [appointmentId, startsAt] of startOf) {
    if (random() >= CANCEL_SHARE) continue;
    const leadMs = Math.exp(between(Math.log(HOUR), Math.log(14 * DAY)));
    events.push({ at: Math.round(Math.max(clockStart, startsAt - leadMs)), kind: "cancel", appointmentId });
  }
  const push = (e: SimEvent) => {
    // Kept sorted by time: few events, so insertion is cheap enough.
    let i = events.length;
    while (i > 0 && events[i - 1]!.at > e.at) i--;
    events.splice(i, 0, e);
  };
  events.sort((a, b) => a.at - b.at);
  const cancellations = events.length;

  /** When a patient reads a message sent at `at`: at once by day, from about 07:30-08:30 if it came at night. */
  const seenAt = (at: number) => {
    const minute = localMinuteOf(at, ZONE);
    if (minute >= 7 * 60 + 30 && minute < 22 * 60) return at;
    const day = minute >= 22 * 60 ? addDays(localDateOf(at, ZONE), 1) : localDateOf(at, ZONE);
    return instantOfLocal(day, Math.round(between(450, 510)), ZONE);
  };
  /** Minutes to answer once seen: most within the 15-minute hold, some too late. */
  const replyDelayMs = () => {
    const r = random();
    const minutes = r < 0.5 ? between(1, 5) : r < 0.8 ? between(5, 15) : between(15, 180);
    return Math.round(minutes * 60_000);
  };
  const stats = { passes: 0, offers: 0, accepted: 0, declined: 0, late: 0, taken: 0 };
  const booked = new Map<string, number>();

  /** Reads the offer links the pass just queued, as the patients' inboxes would, and schedules their answers. */
  const deliverOffers = async (at: number) => {
    const { rows } = await c.query(
      `DELETE FROM "OutboxMessage" WHERE "clinicId" = $1 AND kind IN ('waitlist.offer', 'waitlist.taken', 'appointment.confirmation')
       RETURNING kind, "patientId", "textBody"`,
      [clinicId],
    );
    for (const row of rows) {
      if (row.kind !== "waitlist.offer") continue;
      const token = /\/waitlist\/offer\/([A-Za-z0-9_-]{43})/.exec(row.textBody as string)?.[1];
      const patientId = row.patientId as string;
      const b = behaviour.get(patientId);
      if (!token || !b) continue;
      stats.offers++;
      if (!b.answers) continue;
      push({ at: seenAt(at) + replyDelayMs(), kind: "reply", token, patientId, accept: random() < b.acceptShare });
    }
  };
  const pass = async (at: number) => {
    stats.passes++;
    await runOfferPass({ now: new Date(at), clinicId });
    await deliverOffers(at);
  };
  const origin = { ip: null, userAgent: "sim:waitlist" };

  let nextTick = clockStart;
  while (events.length > 0 || nextTick < clockEnd) {
    const event = events[0];
    if (!event || nextTick <= event.at) {
      if (nextTick >= clockEnd) break;
      const [open] = await db.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM "FreedTime" WHERE "clinicId" = ${clinicId}::uuid AND "status" = 'open'`;
      if (open!.n > 0) await pass(nextTick);
      nextTick += TICK_MS;
      continue;
    }
    events.shift();
    if (event.at >= clockEnd) continue;
    if (event.kind === "cancel") {
      const at = new Date(event.at);
      await db.$transaction(async (tx) => {
        const [row] = await tx.appointment.updateManyAndReturn({
          where: { id: event.appointmentId, status: "booked" },
          data: {
            status: "cancelled",
            cancelledAt: at,
            cancelledById: desk,
            cancelledByRole: "front_desk",
            cancelReason: "Simulated cancellation",
          },
          select: { therapistId: true, startsAt: true, blockedUntil: true },
        });
        if (row && row.startsAt > at)
          await recordFreedTime(tx, {
            clinicId,
            therapistId: row.therapistId,
            startsAt: row.startsAt,
            endsAt: row.blockedUntil,
            sourceKey: `cancel:${event.appointmentId}:${row.startsAt.toISOString()}`,
            freedAt: at,
          });
      });
      await pass(event.at);
    } else {
      const at = new Date(event.at);
      const answer = event.accept
        ? await acceptWaitlistOffer(event.token, origin, at)
        : await declineWaitlistOffer(event.token, origin, at);
      if (answer.state === "accepted" && event.accept) {
        stats.accepted++;
        const count = (booked.get(event.patientId) ?? 0) + 1;
        booked.set(event.patientId, count);
        // A patient who wants more visits than this one is added to the list again by the front desk.
        if (count < behaviour.get(event.patientId)!.wanted)
          await addEntry(event.patientId, at, addDays(localDateOf(at, ZONE), 2));
      } else if (answer.state === "declined") stats.declined++;
      else if (answer.state === "expired") stats.late++;
      else if (answer.state === "taken") stats.taken++;
      await pass(event.at);
    }
  }

  const [figures] = await db.$queryRaw<
    Array<{
      freed: number;
      filled: number;
      ahead: number;
      ahead_filled: number;
      median_all: number | null;
      median_ahead: number | null;
      p90_all: number | null;
    }>
  >`
    SELECT count(*)::int AS freed,
           count(*) FILTER (WHERE status = 'filled')::int AS filled,
           count(*) FILTER (WHERE "startsAt" - "createdAt" >= interval '1 day')::int AS ahead,
           count(*) FILTER (WHERE status = 'filled' AND "startsAt" - "createdAt" >= interval '1 day')::int AS ahead_filled,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "filledAt" - "createdAt") / 60) FILTER (WHERE status = 'filled'))::float8 AS median_all,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "filledAt" - "createdAt") / 60) FILTER (WHERE status = 'filled' AND "startsAt" - "createdAt" >= interval '1 day'))::float8 AS median_ahead,
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "filledAt" - "createdAt") / 60) FILTER (WHERE status = 'filled'))::float8 AS p90_all
    FROM "FreedTime" WHERE "clinicId" = ${clinicId}::uuid`;
  const [overlaps] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "Appointment" a JOIN "Appointment" b
      ON a."therapistId" = b."therapistId" AND a.id < b.id
     AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")
    WHERE a.status = 'booked' AND b.status = 'booked'`;
  await c.end();
  const f = figures!;
  const pct = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)}%`);
  const mins = (m: number | null) => (m === null ? "-" : m < 120 ? `${m.toFixed(0)} min` : `${(m / 60).toFixed(1)} h`);
  console.log(`
sim:waitlist (seed ${SEED}): ${THERAPISTS} therapists, ${WEEKS} weeks, ${visits.length} visits booked, ${cancellations} cancelled (${(CANCEL_SHARE * 100).toFixed(0)}%), ${WAITLIST} waitlist patients (up to ${VISITS_WANTED} visits each)
offer passes run       ${stats.passes} (simulated clock; every 15 min while a time is open, and after every cancellation and answer)
offers sent            ${stats.offers}   accepted ${stats.accepted}   declined ${stats.declined}   answered too late ${stats.late}   answered after it was taken ${stats.taken}
freed times            ${f.freed}   refilled from the waitlist ${f.filled} (${pct(f.filled, f.freed)})
freed >= 1 day ahead   ${f.ahead}   refilled ${f.ahead_filled} (${pct(f.ahead_filled, f.ahead)})
time to fill           median ${mins(f.median_all)} (freed >= 1 day ahead: ${mins(f.median_ahead)}), 90th percentile ${mins(f.p90_all)}
therapist overlaps     ${overlaps!.n}
wall time              ${((Date.now() - started) / 1000).toFixed(0)} s
`);
}

await main();
process.exit(process.exitCode ?? 0);
