/**
 * `npm run demo` (production build) and `npm run dev` (next dev): one command
 * from a fresh clone to a running Mend with demo data.
 *
 * Without DATABASE_URL it starts the project's embedded PostgreSQL (data under
 * .data/postgres), applies migrations, seeds the demo clinic once, and stops
 * the server when you press Ctrl+C. With DATABASE_URL it uses that server and
 * seeds only when asked (`--seed`, and only into an empty database).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { demoLoginsText, seedDemo } from "../prisma/seed/demo-data";
import { DEMO_DATA_DIR, DEMO_DATABASE } from "./db/database-url";
import {
  createDatabaseIfMissing,
  freePort,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "./db/embedded-postgres";
import { appSecret, mfaKeyMaterial } from "./db/app-secret";
import { applyMigrations, ROOT } from "./db/migrations";
import { prismaFor } from "./db/prisma-client";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.ts",
    "package-lock.json",
  ];
  return sources.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [cmd, ...cmdArgs], { cwd: ROOT, env, stdio: "inherit" });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main() {
  let server: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.log("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)…");
    server = await startEmbeddedPostgres({
      dataDir: DEMO_DATA_DIR,
      port: await freePort(Number(process.env.MEND_PG_PORT ?? 54329)),
    });
    await createDatabaseIfMissing(server.url("postgres"), DEMO_DATABASE);
    databaseUrl = server.url(DEMO_DATABASE);
    console.log(`PostgreSQL is listening on 127.0.0.1:${server.port}`);
  }

  let child: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await waitForExit(child);
    }
    await server?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const applied = await applyMigrations(databaseUrl);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

    const prisma = prismaFor(databaseUrl);
    const empty = (await prisma.clinic.count()) === 0;
    if (empty && (server || args.has("--seed"))) {
      await seedDemo(prisma, { mfaKeyMaterial: mfaKeyMaterial() });
      console.log("Loaded the demo clinic.");
    } else if (empty) {
      console.log("The database has no clinic. Run again with `-- --seed` to load the demo clinic.");
    }
    await prisma.$disconnect();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: appSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
      APP_URL: appUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // The same graceful shutdown as `npm start` (docs/decisions/060).
      ...(dev ? {} : { NEXT_MANUAL_SIG_HANDLE: "true" }),
    };

    if (!dev && (args.has("--build") || buildIsStale())) {
      console.log("Building Mend (production build; takes a minute or two the first time)…");
      const code = await waitForExit(run(nextBin, ["build"], env));
      if (code !== 0) return shutdown(code);
      // As `npm run build`: the service worker, from this build's files (docs/decisions/075).
      const sw = await waitForExit(run(tsxCli, ["scripts/build-service-worker.ts"], env));
      if (sw !== 0) return shutdown(sw);
    }

    child = run(nextBin, [dev ? "dev" : "start", "--port", String(port)], env);
    child.once("exit", (code) => void shutdown(code ?? 0));
    console.log(
      `\nMend is starting at ${appUrl}\n\n${demoLoginsText()}\n\nPress Ctrl+C to stop Mend${server ? " and its database" : ""}.\n`,
    );
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

void main();
