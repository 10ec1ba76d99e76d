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
import { SERVER_BUNDLE, serverArgs } from "./server-entry";

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
  if (!existsSync(buildId) || !existsSync(SERVER_BUNDLE)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "proxy.ts",
    "server.ts",
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
    };

    if (!dev && (args.has("--build") || buildIsStale())) {
      console.log("Building Mend (production build; takes a minute or two the first time)…");
      // `npm run build`: Next's build, the service worker, brotli copies, the server (docs/decisions/100).
      const code = await waitForExit(run(tsxCli, ["scripts/build.ts"], env));
      if (code !== 0) return shutdown(code);
    }

    // The production server is `npm start`'s (server.ts); development stays on `next dev`.
    const [serverBundle, ...serverFlags] = serverArgs(port);
    child = dev ? run(nextBin, ["dev", "--port", String(port)], env) : run(serverBundle!, serverFlags, env);
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
