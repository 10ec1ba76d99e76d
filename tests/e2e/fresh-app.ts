/**
 * A brand-new Mend for one spec: a new database on the e2e run's Postgres,
 * migrations applied, optionally the demo clinic, and N production servers (`npm start`'s)
 * on the production build the e2e web server already made (nothing is built
 * here). Every server runs its background jobs (outbox, reminders, audit
 * sealer), as in production; each connects with its own `application_name`
 * so a test can find its connections in pg_stat_activity.
 *
 *   const app = await startFreshApp({ ports: [4010, 4011], seed: false });
 *   ... app.urls[0], app.databaseUrl, app.servers[1].stop() ...
 *   await app.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DEMO_STAFF, seedDemo } from "../../prisma/seed/demo-data";
import { hashRecoveryCode } from "../../lib/auth/mfa-rules";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { applyMigrations, ROOT } from "../../scripts/db/migrations";
import { prismaFor } from "../../scripts/db/prisma-client";
import { serverArgs } from "../../scripts/server-entry";
import { E2E_SECRET, readE2eState } from "./e2e-state";
import { E2E_RECOVERY_CODES_PER_USER, e2eRecoveryCode } from "./mfa-codes";

export type FreshAppOptions = {
  /** One server per port. */
  ports: number[];
  /**
   * true: the demo clinic, plus the e2e recovery codes for its staff so the
   * `signIn` fixture works (as on the main e2e server). false: an empty,
   * migrated database, as a clinic has before `npm run setup`.
   */
  seed: boolean;
  /** Runs after migrations (and the seed), before any server starts: rows the servers must find at start-up. */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Extra environment for every server (e.g. OUTBOX_WORKER: "off"). */
  env?: Record<string, string>;
};

export type FreshServer = {
  port: number;
  url: string;
  /** Its connections' application_name in pg_stat_activity. */
  applicationName: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** SIGTERM, then waits for the exit (SIGKILL after 20 s). */
  stop(): Promise<number | string>;
};

export type FreshApp = {
  urls: string[];
  databaseUrl: string;
  servers: FreshServer[];
  /** Stops every server still running and drops the database. */
  stop(): Promise<void>;
};

export async function startFreshApp(options: FreshAppOptions): Promise<FreshApp> {
  const serverUrl = new URL(readE2eState().databaseUrl);
  serverUrl.pathname = "/postgres";
  const database = `mend_fresh_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl.toString(), `CREATE DATABASE "${database}"`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${database}`;
  const databaseUrl = dbUrl.toString();

  const servers: FreshServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await adminQuery(serverUrl.toString(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
  try {
    await applyMigrations(databaseUrl);
    if (options.seed) {
      const prisma = prismaFor(databaseUrl);
      try {
        await seedDemo(prisma, { mfaKeyMaterial: E2E_SECRET });
        await seedE2eRecoveryCodes(
          prisma,
          DEMO_STAFF.map((s) => s.email),
        );
      } finally {
        await prisma.$disconnect();
      }
    }
    await options.prepare?.(databaseUrl);

    // Behind one proxy every server has the same public address: the first one stands in for it.
    const appUrl = `http://localhost:${options.ports[0]}`;
    for (const port of options.ports) servers.push(startServer(port, databaseUrl, appUrl, options.env ?? {}));
    await Promise.all(servers.map(waitUntilReady));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: servers.map((s) => s.url), databaseUrl, servers, stop };
}

function startServer(port: number, databaseUrl: string, appUrl: string, extra: Record<string, string>): FreshServer {
  const applicationName = `mend-fresh-${port}`;
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", applicationName);
  // Not the test runner's environment: nothing of the main e2e server's configuration leaks in.
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: url.toString(),
    NEXTAUTH_SECRET: E2E_SECRET,
    NEXTAUTH_URL: appUrl,
    APP_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
  const child = spawn(process.execPath, serverArgs(port), {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return {
    port,
    url: `http://localhost:${port}`,
    applicationName,
    process: child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(killer);
      }
      return exited;
    },
  };
}

async function waitUntilReady(server: FreshServer): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (server.process.exitCode !== null) {
      throw new Error(`server on ${server.port} exited with ${server.process.exitCode}:\n${server.output()}`);
    }
    const response = await fetch(`${server.url}/api/health/ready`).catch(() => null);
    if (response?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${server.port} never became ready:\n${server.output()}`);
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Staff sign in many times a minute across parallel tests, faster than TOTP
 * steps allow (a code works once). The fixture signs them in with single-use
 * recovery codes seeded here; TOTP itself has its own tests.
 */
export async function seedE2eRecoveryCodes(prisma: PrismaClient, emails: string[]): Promise<void> {
  for (const email of emails) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    await prisma.mfaRecoveryCode.createMany({
      data: Array.from({ length: E2E_RECOVERY_CODES_PER_USER }, (_, i) => ({
        userId: user.id,
        codeHash: hashRecoveryCode(e2eRecoveryCode(i)),
      })),
    });
  }
}
