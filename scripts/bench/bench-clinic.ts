/**
 * The clinic the booking benchmarks measure against, and the throwaway
 * embedded Postgres they run on: one front-desk account, N therapists working
 * Mon-Fri 8:00-18:00 with lunch 12:00-13:00, M patients and one 45-minute
 * visit type. Each bench then adds the visits its question needs.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { freePort, startEmbeddedPostgres } from "../db/embedded-postgres";
import { ROOT } from "../db/migrations";

/** A fresh embedded Postgres in .data/<name> (any earlier one is deleted), tuned for speed over durability. */
export async function startBenchPostgres(name: string, preferredPort = 55532) {
  const dataDir = path.join(ROOT, ".data", name);
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(preferredPort),
    settings: { fsync: "off", synchronous_commit: "off" },
    quiet: true,
  });
  return { server, dataDir };
}

export async function seedBenchClinic(
  c: pg.Client,
  options: { zone: string; therapists: number; patients: number; passwordHash: string },
): Promise<{ clinicId: string; typeId: string }> {
  const {
    rows: [clinic],
  } = await c.query(
    `INSERT INTO "Clinic" (id, name, address, phone, "timeZone", "updatedAt") VALUES (gen_random_uuid(), 'Bench Clinic', '1 Bench St', '555-0100', $1, now()) RETURNING id`,
    [options.zone],
  );
  const clinicId = clinic.id as string;
  await c.query(`INSERT INTO "BookingSettings" ("clinicId", "updatedAt") VALUES ($1, now())`, [clinicId]);
  await c.query(
    `INSERT INTO "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'desk@bench.example', 'Bench Desk', 'front_desk', $2, now())`,
    [clinicId, options.passwordHash],
  );
  await c.query(
    `INSERT INTO "User" (id, "clinicId", email, name, role, "updatedAt")
     SELECT gen_random_uuid(), $1, 'therapist' || i || '@bench.example', 'Therapist ' || lpad(i::text, 2, '0'), 'therapist', now()
     FROM generate_series(1, $2::int) i`,
    [clinicId, options.therapists],
  );
  await c.query(
    `INSERT INTO "Patient" (id, "clinicId", "firstName", "lastName", "dateOfBirth", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Bench', 'Patient' || i, date '1980-01-01' + i, now() FROM generate_series(1, $2::int) i`,
    [clinicId, options.patients],
  );
  const {
    rows: [type],
  } = await c.query(
    `INSERT INTO "AppointmentType" (id, "clinicId", name, "durationMinutes", "bufferAfterMinutes", colour, "onlineBookable", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Follow-up', 45, 15, '#1d4ed8', true, now()) RETURNING id`,
    [clinicId],
  );
  await c.query(
    `INSERT INTO "WeeklyScheduleBlock" (id, "clinicId", "therapistId", weekday, kind, "startMinute", "endMinute")
     SELECT gen_random_uuid(), $1, u.id, w, k.kind::"ScheduleBlockKind", k.s, k.e
     FROM "User" u, generate_series(1, 5) w, (VALUES ('work', 480, 1080), ('break', 720, 780)) k(kind, s, e)
     WHERE u."clinicId" = $1 AND u.role = 'therapist'`,
    [clinicId],
  );
  return { clinicId, typeId: type.id as string };
}
