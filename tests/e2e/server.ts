/**
 * The app under test for Playwright: a fresh embedded Postgres (or
 * DATABASE_URL's server, in a new database), migrations, the demo clinic, and
 * `next start` on a production build. Started and stopped by playwright.config.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { rmSync } from "node:fs";
import pg from "pg";
import { DEMO_STAFF, seedDemo } from "../../prisma/seed/demo-data";
import { hashRecoveryCode } from "../../lib/auth/mfa-rules";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { E2E_RECOVERY_CODES_PER_USER, e2eRecoveryCode } from "./mfa-codes";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { applyMigrations, ROOT } from "../../scripts/db/migrations";
import { prismaFor } from "../../scripts/db/prisma-client";

const port = Number(process.env.E2E_PORT ?? 3100);
const E2E_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e";
const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

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
  await seedE2eRecoveryCodes(prisma);
  await prisma.$disconnect();

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: E2E_SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    APP_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const app = spawn(process.execPath, [nextBin, "start", "--port", String(port)], { cwd: ROOT, env, stdio: "inherit" });
  const stop = async () => {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    if (!server) {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.end();
    }
    await server?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  app.once("exit", (code) => {
    void server?.stop().then(() => process.exit(code ?? 1));
  });
}

/**
 * Staff sign in many times a minute across parallel tests, faster than TOTP
 * steps allow (a code works once). The fixture signs them in with single-use
 * recovery codes seeded here; TOTP itself has its own tests.
 */
async function seedE2eRecoveryCodes(prisma: PrismaClient) {
  for (const s of DEMO_STAFF) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: s.email } });
    await prisma.mfaRecoveryCode.createMany({
      data: Array.from({ length: E2E_RECOVERY_CODES_PER_USER }, (_, i) => ({
        userId: user.id,
        codeHash: hashRecoveryCode(e2eRecoveryCode(i)),
      })),
    });
  }
}

void main();
