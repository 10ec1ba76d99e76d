import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { beginEnrolment, completeEnrolment } from "@/lib/auth/mfa";
import { totpCode } from "@/lib/auth/mfa-rules";
import { verifyPassword } from "@/lib/auth/password";
import { resumeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { CLINIC_EXISTS_MESSAGE, createClinicWithAdmin } from "@/lib/clinics/create-clinic-with-admin";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { STARTER_EXERCISES } from "@/lib/exercises/starter-library";
import { prismaFor } from "../../scripts/db/prisma-client";

const ROOT = path.join(import.meta.dirname, "..", "..");
const PASSWORD = "a long admin passphrase";
const origin = { ip: "203.0.113.50", userAgent: "vitest" };

const setupInput = (overrides: { clinicName?: string; timeZone?: string } = {}) => ({
  clinic: {
    name: overrides.clinicName ?? "Riverbend Physio",
    address: "5 Mill Lane, Exeter",
    phone: "+44 1392 555010",
    email: "Hello@Riverbend.example",
    timeZone: overrides.timeZone ?? "Europe/London",
  },
  admin: { name: "Jo Okoro", email: "Jo@Riverbend.example", password: PASSWORD },
});

/** A database of its own: migrated (cloned from the template) or, for the command, completely empty. */
const opened: Array<{ name: string; client?: PrismaClient }> = [];
async function freshDatabase(kind: "migrated" | "empty" = "migrated") {
  const name = `mend_test_setup_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("pgServerUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${kind === "migrated" ? ` TEMPLATE "${inject("pgTemplate")}"` : ""}`);
  await admin.end();
  const url = new URL(inject("pgServerUrl"));
  url.pathname = `/${name}`;
  const entry: (typeof opened)[number] = { name };
  opened.push(entry);
  return {
    url: url.toString(),
    get client() {
      return (entry.client ??= prismaFor(url.toString()));
    },
  };
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: inject("pgServerUrl") });
  await admin.connect();
  for (const { name, client } of opened) {
    await client?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  await admin.end();
});

async function counts(client: PrismaClient) {
  const [clinics, users, audits, patients, appointments] = await Promise.all([
    client.clinic.count(),
    client.user.count(),
    client.auditEvent.count(),
    client.patient.count(),
    client.appointment.count(),
  ]);
  return { clinics, users, audits, patients, appointments };
}

describe("first run: creating the clinic and its first admin", () => {
  // This file's own database starts empty too: the sign-in code below reads it through the app's db.
  it("creates the clinic, an admin with a hashed password and the starter library, audited as the setup, no demo data", async () => {
    const created = await createClinicWithAdmin(db as unknown as PrismaClient, setupInput());
    const clinic = await db.clinic.findUniqueOrThrow({ where: { id: created.clinicId } });
    expect(clinic).toMatchObject({
      name: "Riverbend Physio",
      email: "hello@riverbend.example",
      timeZone: "Europe/London",
    });
    const admin = await db.user.findUniqueOrThrow({
      where: { id: created.adminId },
      select: { email: true, role: true, clinicId: true, passwordHash: true, mfaEnabledAt: true, active: true },
    });
    expect(admin).toMatchObject({ email: "jo@riverbend.example", role: "admin", clinicId: clinic.id, active: true });
    expect(admin.mfaEnabledAt).toBeNull();
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admin.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(admin.passwordHash!, PASSWORD)).toBe(true);
    expect(await db.exercise.count({ where: { clinicId: clinic.id, starter: true } })).toBe(STARTER_EXERCISES.length);
    // Remote-monitoring thresholds are clinic data: the new clinic starts with the usual one, source included.
    expect(
      await db.monitoringThreshold.findMany({
        where: { clinicId: clinic.id },
        select: { label: true, minDays: true, periodDays: true, source: true },
      }),
    ).toEqual([
      { label: "RTM device supply", minDays: 16, periodDays: 30, source: expect.stringMatching(/CMS 2026 PFS/) },
    ]);
    expect(await db.patient.count()).toBe(0);
    expect(await db.appointment.count()).toBe(0);

    const audits = await db.auditEvent.findMany({ where: { clinicId: clinic.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorRole, a.actorId, a.recordId])).toEqual([
      ["clinic.create", "system", null, clinic.id],
      ["staff.create", "system", null, created.adminId],
    ]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(PASSWORD);
  });

  it("lets that admin sign in, then makes them enrol an authenticator before anything else", async () => {
    const { sessionId } = await signInWithPassword({ email: "jo@riverbend.example", password: PASSWORD }, origin);
    const pending = await resumeSession(sessionId, origin);
    if (!("mfaPending" in pending)) throw new Error(`expected the second step, got ${JSON.stringify(pending)}`);
    expect(pending.mfaPending.enrolled).toBe(false);
    const { secret } = await beginEnrolment(pending.mfaPending);
    await completeEnrolment(pending.mfaPending, { code: totpCode(secret, Date.now()) }, origin);
    const resumed = await resumeSession(sessionId, origin);
    if (!("actor" in resumed)) throw new Error("expected a full session after enrolment");
    expect(resumed.actor).toMatchObject({ role: "admin", name: "Jo Okoro" });
  });

  it("refuses once a clinic exists and writes nothing", async () => {
    const { client } = await freshDatabase();
    await createClinicWithAdmin(client, setupInput());
    const before = await counts(client);
    await expect(
      createClinicWithAdmin(client, {
        ...setupInput({ clinicName: "Second" }),
        admin: { ...setupInput().admin, email: "b@x.example" },
      }),
    ).rejects.toMatchObject({ code: "conflict", message: CLINIC_EXISTS_MESSAGE });
    expect(await counts(client)).toEqual(before);
  });

  it("makes exactly one clinic when several setups run at once", async () => {
    const { client } = await freshDatabase();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) =>
        createClinicWithAdmin(client, {
          ...setupInput({ clinicName: `Race ${i}` }),
          admin: { ...setupInput().admin, email: `admin${i}@race.example` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await client.clinic.count()).toBe(1);
    expect(await client.user.count()).toBe(1);
  });

  it("rejects a time zone the runtime does not know, with a field error, and writes nothing", async () => {
    const { client } = await freshDatabase();
    const attempt = createClinicWithAdmin(client, {
      ...setupInput({ timeZone: "Mars/Olympus_Mons" }),
      admin: { name: "", email: "nope", password: "short" },
    });
    await expect(attempt).rejects.toMatchObject({ code: "validation" });
    const fields = (await attempt.catch((e: { fieldErrors: Record<string, string[]> }) => e.fieldErrors)) as Record<
      string,
      string[]
    >;
    expect(Object.keys(fields).sort()).toEqual(["admin.email", "admin.name", "admin.password", "clinic.timeZone"]);
    expect(fields["clinic.timeZone"]![0]).toMatch(/Choose a time zone from the list/);
    expect(await counts(client)).toMatchObject({ clinics: 0, users: 0, audits: 0 });
  });
});

function runSetup(args: string[], env: Record<string, string>, stdin = "") {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.MEND_ADMIN_PASSWORD) delete childEnv.MEND_ADMIN_PASSWORD;
    const child = spawn("npm", ["run", "setup", "--silent", "--", ...args], { cwd: ROOT, env: childEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("npm run setup (the command)", () => {
  const flags = (timeZone: string) => [
    "--clinic-name",
    "Lakeshore Physical Therapy",
    "--clinic-address",
    "12 Dock Road, Duluth, MN",
    "--clinic-phone",
    "(218) 555-0170",
    "--clinic-email",
    "desk@lakeshore.example",
    "--time-zone",
    timeZone,
    "--admin-name",
    "Sam Lake",
    "--admin-email",
    "sam@lakeshore.example",
  ];

  it(
    "migrates an empty database, creates the clinic from flags, then refuses a second run; bad input exits 2",
    { timeout: 180_000 },
    async () => {
      const { url, client } = await freshDatabase("empty");
      const env = { DATABASE_URL: url, APP_URL: "https://mend.lakeshore.example" };

      const bad = await runSetup([...flags("Mars/Olympus_Mons"), "--admin-password-stdin"], env, "short\n");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--time-zone: Choose a time zone from the list");
      expect(bad.stderr).toContain("Use at least 10 characters.");

      const onCommandLine = await runSetup([...flags("America/Chicago"), "--admin-password", "a-password-123"], env);
      expect(onCommandLine.code).toBe(2);
      expect(onCommandLine.stderr).toContain("Never put a password on the command line");

      const ok = await runSetup([...flags("america/chicago"), "--admin-password-stdin"], env, `${PASSWORD}\n`);
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain("https://mend.lakeshore.example/sign-in");
      expect(ok.stdout).toContain("two-step sign-in");
      expect(ok.stdout).not.toContain(PASSWORD);
      expect(await client.clinic.findFirstOrThrow()).toMatchObject({
        name: "Lakeshore Physical Therapy",
        timeZone: "America/Chicago",
      });
      const admin = await client.user.findFirstOrThrow({ select: { email: true, role: true, passwordHash: true } });
      expect(admin).toMatchObject({ email: "sam@lakeshore.example", role: "admin" });
      expect(await verifyPassword(admin.passwordHash!, PASSWORD)).toBe(true);

      const again = await runSetup(flags("America/Chicago"), { ...env, MEND_ADMIN_PASSWORD: "another passphrase" });
      expect(again.code).toBe(3);
      expect(again.stderr).toContain("already has a clinic");
      expect(await counts(client)).toMatchObject({ clinics: 1, users: 1 });
    },
  );
});
