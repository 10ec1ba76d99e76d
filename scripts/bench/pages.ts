/**
 * `npm run bench:pages`: a benchmark, not a test (it asserts nothing but that
 * the pages answer; its figures depend on the machine). Into a fresh embedded
 * Postgres it loads the demo clinic (the same data as `npm run demo`), starts
 * the production build, signs in as the demo patient Alex Rivera and measures
 * with autocannon, 20 connections each:
 *   Today (/portal/exercises), /portal, the intake link (Jordan Lee's, no
 *   session) and /api/health,
 * printing req/s, latency, the server's CPU per request, the HTML size and
 * the server's resident memory after each run. BENCH_ROUNDS (2) repeats the
 * list, so memory that keeps growing shows up as a rising column.
 * Traffic goes to 127.0.0.1 only; every run is bounded in time.
 *
 * BENCH_SECONDS (10) per run, after BENCH_WARMUP_SECONDS (3) of unmeasured
 * traffic on each page; BENCH_ONLY=today,portal,intake,health runs only
 * those; BENCH_HEAP=1 adds the server's heap in use after a full garbage
 * collection (through the inspector), which tells a leak from a lazy heap;
 * BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU profile of the server;
 * BENCH_SAVE_DIR=dir keeps each page's HTML as first served (to see what it sends).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed/demo-data";
import { DEMO_INTAKE_TOKEN } from "../../prisma/seed/intake-demo";
import { createDatabaseIfMissing } from "../db/embedded-postgres";
import { applyMigrations } from "../db/migrations";
import { prismaFor } from "../db/prisma-client";
import {
  cpuPerRequest,
  dbCpuPerRequest,
  loadText,
  measure,
  rssMbOf,
  signIn,
  startApp,
  statusText,
  table,
  type AppServer,
} from "./bench-kit";
import { startBenchPostgres } from "./bench-clinic";

const SECRET = "bench-secret-bench-secret-bench-secret";
const PATIENT_EMAIL = "alex.rivera@example.com";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const CONNECTIONS = 20;
const port = Number(process.env.BENCH_PORT ?? process.env.PORT ?? 3403);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;

type Target = { key: string; name: string; path: string; signedIn: boolean };
const TARGETS: Target[] = [
  { key: "today", name: "Today /portal/exercises", path: "/portal/exercises", signedIn: true },
  { key: "portal", name: "/portal", path: "/portal", signedIn: true },
  { key: "intake", name: "intake link /intake/…", path: `/intake/${DEMO_INTAKE_TOKEN}`, signedIn: false },
  { key: "health", name: "/api/health", path: "/api/health", signedIn: false },
];

async function main() {
  const { server: pgServer } = await startBenchPostgres("bench-pages-postgres");
  let app: AppServer | undefined;
  try {
    await createDatabaseIfMissing(pgServer.url("postgres"), "mend_bench_pages");
    const url = pgServer.url("mend_bench_pages");
    await applyMigrations(url);
    const prisma = prismaFor(url);
    await seedDemo(prisma, { mfaKeyMaterial: SECRET });
    await prisma.$disconnect();

    app = await startApp(port, {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      APP_URL: `http://127.0.0.1:${port}`,
      OUTBOX_WORKER: "off",
    });
    const cookie = await signIn(app.base, PATIENT_EMAIL, DEMO_PASSWORD);
    const targets = TARGETS.filter((t) => !only || only.has(t.key));

    // One request each first: it checks the page renders for this session (not a redirect to
    // sign-in) and loads the route's code, which would otherwise land in the first measured run.
    const htmlBytes = new Map<string, number>();
    for (const t of targets) {
      const res = await fetch(app.base + t.path, { headers: t.signedIn ? { cookie } : {}, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status} on warm-up.`);
      htmlBytes.set(t.key, Buffer.byteLength(body));
      if (process.env.BENCH_SAVE_DIR) {
        mkdirSync(process.env.BENCH_SAVE_DIR, { recursive: true });
        writeFileSync(path.join(process.env.BENCH_SAVE_DIR, `${t.key}.html`), body);
      }
    }

    // The first seconds of traffic compile the hot paths (JIT); unmeasured, so that whichever
    // page runs first is not charged for it.
    for (const t of targets)
      await measure(app.pid, {
        url: app.base + t.path,
        connections: CONNECTIONS,
        duration: WARMUP_S,
        headers: t.signedIn ? { cookie } : {},
      });

    const rssAtStart = rssMbOf(app.pid);
    const loadAtStart = loadavg();
    const rows: string[][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const t of targets) {
        const m = await measure(
          app.pid,
          {
            url: app.base + t.path,
            connections: CONNECTIONS,
            duration: DURATION_S,
            headers: t.signedIn ? { cookie } : {},
          },
          pgServer.dataDir,
        );
        const cpu = cpuPerRequest(m);
        rows.push([
          ROUNDS > 1 ? `${t.name} (${round})` : t.name,
          String(m.result.requests.total),
          (Math.round(m.result.requests.average * 10) / 10).toFixed(1),
          String(m.result.latency.p50),
          String(m.result.latency.p97_5),
          cpu === null ? "-" : cpu.toFixed(1),
          dbCpuPerRequest(m)?.toFixed(1) ?? "-",
          (htmlBytes.get(t.key)! / 1024).toFixed(1),
          String(rssMbOf(app.pid) ?? "-"),
          String((await app.heapAfterGcMb()) ?? "-"),
          loadText().split(" ")[0]!,
          statusText(m.statuses),
        ]);
      }
    }
    console.log(
      `\nbench:pages (${CONNECTIONS} connections, ${DURATION_S} s each; latency in ms; app CPU and db CPU = the server's and Postgres's CPU ms per request;` +
        ` body = the page's HTML, RSC payload included; RSS after the run; heap = V8 heap in use after a full GC, with BENCH_HEAP=1)\n` +
        `load average at start ${loadText(loadAtStart)}, at end ${loadText()}; server RSS before the first run ${rssAtStart} MB\n`,
    );
    console.log(
      table(
        [
          "page",
          "requests",
          "req/s",
          "p50",
          "p97.5",
          "app CPU",
          "db CPU",
          "body kB",
          "RSS MB",
          "heap MB",
          "load 1m",
          "statuses",
        ],
        rows,
      ),
    );
    console.log("Target from the issue: Today at least at /portal's rate. Figures vary with machine load.");
  } finally {
    await app?.stop();
    await pgServer.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
