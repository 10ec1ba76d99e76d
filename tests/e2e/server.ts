/**
 * The app under test for Playwright: a fresh embedded Postgres (or
 * DATABASE_URL's server, in a new database), migrations, the demo clinic plus a
 * second clinic (for cross-clinic tests), and two production servers (`npm start`'s) on one
 * production build: the normal one on E2E_PORT and one with the proxy disabled
 * on E2E_PORT+1 (security tests prove the proxy is never the guard).
 * Started and stopped by playwright.config.ts; both servers' output is kept in
 * the log file named in the state file, for tests that inspect server logs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from "../../prisma/seed/demo-data";
import { sealSecret } from "../../lib/auth/mfa-crypto";
import { ARGON2_OPTIONS } from "../../lib/auth/password-params";
import { DEFAULT_MONITORING_THRESHOLDS } from "../../lib/episodes/monitoring-defaults";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { seedE2eRecoveryCodes } from "./fresh-app";
import { E2E_SECRET, E2E_TWILIO_AUTH_TOKEN, OTHER_CLINIC, e2eStateFile, type E2eState } from "./e2e-state";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { applyMigrations, ROOT } from "../../scripts/db/migrations";
import { prismaFor } from "../../scripts/db/prisma-client";
import { serverArgs } from "../../scripts/server-entry";

const port = Number(process.env.E2E_PORT ?? 3100);
const proxylessPort = port + 1;
const tsxCli = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server for ${url} did not become healthy`);
}

async function main() {
  let server: EmbeddedPostgres | undefined;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    serverUrl = u.toString();
  } else {
    const dataDir = path.join(ROOT, ".data", "e2e-postgres");
    rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({
      dataDir,
      settings: { fsync: "off", synchronous_commit: "off" },
      quiet: true,
    });
    serverUrl = server.url("postgres");
  }
  const database = `mend_e2e_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${database}`;
  const databaseUrl = dbUrl.toString();
  await applyMigrations(databaseUrl);
  const prisma = prismaFor(databaseUrl);
  await seedDemo(prisma, { mfaKeyMaterial: E2E_SECRET });
  await seedOtherClinic(prisma);
  await seedE2eRecoveryCodes(prisma, [...DEMO_STAFF.map((s) => s.email), OTHER_CLINIC.therapistEmail]);
  await prisma.$disconnect();

  const logFile = path.join(ROOT, ".data", `e2e-server-${port}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: "w" });
  const state: E2eState = {
    databaseUrl,
    baseUrl: `http://localhost:${port}`,
    proxylessBaseUrl: `http://localhost:${proxylessPort}`,
    logFile,
  };
  writeFileSync(e2eStateFile(port), JSON.stringify(state, null, 2));

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: E2E_SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    APP_URL: `http://localhost:${port}`,
    TWILIO_AUTH_TOKEN: E2E_TWILIO_AUTH_TOKEN,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    // `npm run build`: Next's build, the service worker, brotli copies, the server (docs/decisions/100).
    const build = spawnSync(process.execPath, [tsxCli, "scripts/build.ts"], { cwd: ROOT, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const start = (p: number, extra: Record<string, string>) => {
    const child = spawn(process.execPath, serverArgs(p), {
      cwd: ROOT,
      env: { ...env, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => {
      log.write(chunk);
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      log.write(chunk);
      process.stderr.write(chunk);
    });
    return child;
  };
  // The proxy-less instance comes up first: Playwright waits only for the main one.
  const proxyless = start(proxylessPort, { MEND_PROXY_DISABLED: "1", OUTBOX_WORKER: "off" });
  await waitForHealth(`${state.proxylessBaseUrl}/api/health`, proxyless);
  const app = start(port, {});

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const child of [app, proxyless]) {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    }
    log.end();
    if (!server) {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.end();
    }
    await server?.stop();
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  for (const child of [app, proxyless]) child.once("exit", (code) => void stop(code ?? 1));
}

/** A second clinic whose therapist must never reach the demo clinic's records. */
async function seedOtherClinic(prisma: PrismaClient) {
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const clinic = await prisma.clinic.create({
    data: {
      name: OTHER_CLINIC.name,
      address: "9 Shore Road, Bangor, ME",
      phone: "(207) 555-0190",
      timeZone: "America/New_York",
      monitoringThresholds: { create: [...DEFAULT_MONITORING_THRESHOLDS] },
    },
  });
  await prisma.user.create({
    data: {
      clinicId: clinic.id,
      email: OTHER_CLINIC.therapistEmail,
      name: "Lee Other, PT",
      role: "therapist",
      passwordHash,
      mfaSecret: sealSecret(OTHER_CLINIC.therapistTotpSecret, E2E_SECRET),
      mfaEnabledAt: new Date(),
    },
  });
  const user = await prisma.user.create({
    data: { clinicId: clinic.id, email: OTHER_CLINIC.patientEmail, name: "Pat Other", role: "patient", passwordHash },
  });
  await prisma.patient.create({
    data: {
      clinicId: clinic.id,
      firstName: "Pat",
      lastName: "Other",
      dateOfBirth: new Date("1970-01-01T00:00:00Z"),
      userId: user.id,
    },
  });
}

void main();
