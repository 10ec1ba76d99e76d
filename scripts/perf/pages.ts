/**
 * `npm run perf:pages`: Lighthouse (mobile preset: simulated slow 4G and a
 * 4x slower CPU) on the pages a patient opens on a phone, 3 runs each, and a
 * table of the medians. A command, not a test: its figures depend on the
 * machine, so it prints the load average beside them.
 *
 * Without PERF_URL it starts the e2e server (tests/e2e/server.ts: a fresh
 * embedded Postgres with the demo clinic and `npm start`'s server on the current
 * production build; PERF_BUILD=1 builds first). With PERF_URL=http://host:port
 * it measures that server, which must hold the demo data (`npm run demo`).
 * PERF_RUNS changes the number of runs; PERF_PAGES=sign-in,today picks pages;
 * PERF_SAVE=dir keeps each run's Lighthouse report (JSON) there for a closer look.
 * Chromium: CHROME_PATH, else the one the e2e tests use (tests/e2e/chromium.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { DEMO_INTAKE_TOKEN } from "../../prisma/seed/intake-demo";
import { CHROMIUM_ARGS, chromiumPath } from "../../tests/e2e/chromium";
import { firstLoadSizes, FIRST_LOAD_BUDGET_KIB, type RouteBundle } from "./js-budget-rules";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const RUNS = Number(process.env.PERF_RUNS ?? 3);
const PATIENT = "alex.rivera@example.com";

type Page = { key: string; path: string; route: string; signedIn: boolean };
const PAGES: Page[] = [
  { key: "sign-in", path: "/sign-in", route: "/sign-in", signedIn: false },
  { key: "intake", path: `/intake/${DEMO_INTAKE_TOKEN}`, route: "/intake/[token]", signedIn: false },
  { key: "portal", path: "/portal", route: "/portal", signedIn: true },
  { key: "today", path: "/portal/exercises", route: "/portal/exercises", signedIn: true },
  { key: "history", path: "/portal/exercises/history", route: "/portal/exercises/history", signedIn: true },
  { key: "appointments", path: "/portal/appointments", route: "/portal/appointments", signedIn: true },
];

type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbtMs: number;
  cls: number;
  lcpMs: number;
  jsKib: number;
  consoleErrors: string[];
};

async function waitForHealth(url: string, child: ChildProcess | null) {
  for (let i = 0; i < 1200; i++) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become healthy`);
}

/** next-auth's credentials sign-in, as its client does it: CSRF cookie and token, then the POST. */
async function sessionCookie(baseUrl: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: baseUrl,
      cookie: jar.join("; "),
    },
    body: new URLSearchParams({ email: PATIENT, password: DEMO_PASSWORD, csrfToken, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`signing in as ${PATIENT} failed (${res.status})`);
  return session.split(";")[0]!;
}

async function measure(url: string, port: number, cookie: string | null, saveAs: string | null): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (saveAs) writeFileSync(saveAs, JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const requests =
    (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] })
      ?.items ?? [];
  const js = requests.filter((r) => r.resourceType === "Script").reduce((s, r) => s + (r.transferSize ?? 0), 0);
  const errors = (lhr.audits["errors-in-console"]?.details as { items?: { description?: string }[] })?.items ?? [];
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    tbtMs: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    lcpMs: value("largest-contentful-paint"),
    jsKib: js / 1024,
    consoleErrors: errors.map((e) => e.description ?? "").filter(Boolean),
  };
}

/** A loaded machine sometimes loses Lighthouse's trace (NO_NAVSTART, NO_FCP): such a run is repeated, twice at most. */
async function measureWithRetry(url: string, port: number, cookie: string | null, saveAs: string | null): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(url, port, cookie, saveAs);
    } catch (e) {
      if (attempt >= 3) throw e;
      console.warn(`\n${e instanceof Error ? e.message : String(e)}: running it again`);
    }
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * First-load JS of each route as the build lists it, when the build is local:
 * brotli (the budget check's figure: the build's .br copies, what the server
 * sends) and gzip (what `next start` sent, for comparison).
 */
function buildSizes(): Map<string, { br: number | null; gzip: number }> {
  const file = path.join(ROOT, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) return new Map();
  const stats = JSON.parse(readFileSync(file, "utf8")) as RouteBundle[];
  const budgets = Object.fromEntries(PAGES.map((p) => [p.route, FIRST_LOAD_BUDGET_KIB[p.route] ?? 150]));
  const gzip = firstLoadSizes(stats, (c) => gzipSync(readFileSync(path.join(ROOT, c))).length, budgets);
  const hasBr = (c: string) => existsSync(path.join(ROOT, `${c}.br`));
  const br = firstLoadSizes(stats, (c) => (hasBr(c) ? readFileSync(path.join(ROOT, `${c}.br`)).length : NaN), budgets);
  return new Map(
    gzip
      .filter((l) => l.kib !== null)
      .map((l, i) => {
        const b = br[i]?.kib;
        return [l.route, { gzip: l.kib!, br: b === undefined || b === null || Number.isNaN(b) ? null : b }];
      }),
  );
}

async function main() {
  const loadBefore = loadavg();
  let server: ChildProcess | null = null;
  let baseUrl = process.env.PERF_URL?.replace(/\/$/, "");
  if (!baseUrl) {
    const port = Number(process.env.PERF_PORT ?? 3450);
    baseUrl = `http://localhost:${port}`;
    const env = { ...process.env, E2E_PORT: String(port), E2E_SKIP_BUILD: process.env.PERF_BUILD === "1" ? "0" : "1" };
    server = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "tests/e2e/server.ts"],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    console.log(`starting the production server on ${baseUrl} (demo data, fresh database)…`);
  }
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? chromiumPath ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    await waitForHealth(baseUrl, server);
    const cookie = await sessionCookie(baseUrl);
    const only = process.env.PERF_PAGES?.split(",");
    const pages = PAGES.filter((p) => !only || only.includes(p.key));
    const sizes = buildSizes();
    const rows: string[][] = [];
    const problems: string[] = [];
    for (const page of pages) {
      const url = `${baseUrl}${page.path}`;
      // One unmeasured load first, so the first measured run does not pay for the server's cold start.
      await fetch(url, { headers: page.signedIn ? { cookie } : {} }).catch(() => undefined);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const save = process.env.PERF_SAVE;
        if (save) mkdirSync(save, { recursive: true });
        const saveAs = save ? path.join(save, `${page.key}-${i + 1}.json`) : null;
        runs.push(await measureWithRetry(url, chrome.port, page.signedIn ? cookie : null, saveAs));
        process.stdout.write(".");
      }
      for (const e of new Set(runs.flatMap((r) => r.consoleErrors))) problems.push(`${page.key}: console: ${e}`);
      const m = (f: (r: Run) => number) => median(runs.map(f));
      rows.push([
        page.key,
        String(m((r) => r.performance)),
        String(m((r) => r.accessibility)),
        String(m((r) => r.bestPractices)),
        m((r) => r.tbtMs).toFixed(0),
        m((r) => r.cls).toFixed(3),
        m((r) => r.lcpMs).toFixed(0),
        m((r) => r.jsKib).toFixed(1),
        sizes.get(page.route)?.br?.toFixed(1) ?? "—",
        sizes.get(page.route)?.gzip.toFixed(1) ?? "—",
      ]);
    }
    process.stdout.write("\n");
    const head = [
      "page",
      "perf",
      "a11y",
      "best pr.",
      "TBT ms",
      "CLS",
      "LCP ms",
      "JS KiB (LH)",
      "first-load KiB br",
      "gzip",
    ];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
    console.log(`\nLighthouse ${RUNS}x per page, mobile preset, median per column; ${baseUrl}`);
    console.log(line(head));
    console.log(line(widths.map((w) => "-".repeat(w))));
    for (const r of rows) console.log(line(r));
    const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
    console.log(`\nload average (1/5/15 min): before ${fmt(loadBefore)}, after ${fmt(loadavg())}`);
    console.log("JS KiB (LH): scripts transferred during Lighthouse's load, headers included; first-load KiB br:");
    console.log(
      "the route's first-load chunks as the build's brotli copies, as the budget check counts them and the server",
    );
    console.log(
      "sends them (scripts/perf/js-budget-rules.ts); gzip: the same chunks gzipped, as `next start` sent them.",
    );
    if (problems.length) console.log(`\nbrowser console errors (cost best practices):\n  ${problems.join("\n  ")}`);
  } finally {
    chrome.kill();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
