/**
 * What the HTTP benchmarks share: a production server started on a database
 * the bench made, autocannon runs that count status codes, the server's CPU
 * and memory read from /proc, and one table format. Figures, never
 * assertions: the machine is shared, so every table carries the load average.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { ROOT } from "../db/migrations";
import { SERVER_BUNDLE, serverArgs } from "../server-entry";

const tsxCli = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const CLOCK_TICKS_PER_S = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
const PAGE_BYTES = 4096;

/** The process and every process below it (in case the server ever forks a worker). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const childrenFile = `/proc/${out[i]}/task/${out[i]}/children`;
    if (!existsSync(childrenFile)) continue;
    for (const c of readFileSync(childrenFile, "utf8").split(" ").filter(Boolean)) out.push(Number(c));
  }
  return out;
}

/**
 * CPU time the app server has used (user + system, ms; Linux /proc only). Per
 * request, it says what the code costs whatever else the machine is doing,
 * which latency on a shared machine does not.
 */
export function cpuMsOf(pid: number | undefined): number | null {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return null;
  let ticks = 0;
  for (const p of processTree(pid)) {
    if (!existsSync(`/proc/${p}/stat`)) continue;
    const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

/**
 * CPU time of the embedded Postgres (postmaster, its backends, and backends
 * that already exited), ms. On a 2-core machine the database competes with
 * the app for the same cores, so its share of a request counts too.
 */
export function dbCpuMsOf(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!existsSync(`/proc/${postmaster}/stat`)) return null;
  let ticks = 0;
  for (const p of processTree(postmaster)) {
    if (!existsSync(`/proc/${p}/stat`)) continue;
    const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
    if (p === postmaster) ticks += Number(fields[13]) + Number(fields[14]); // cutime, cstime: exited backends
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

/** Resident memory of the app server and its children, in MB. */
export function rssMbOf(pid: number | undefined): number | null {
  if (!pid || !existsSync(`/proc/${pid}/statm`)) return null;
  let pages = 0;
  for (const p of processTree(pid)) {
    if (!existsSync(`/proc/${p}/statm`)) continue;
    pages += Number(readFileSync(`/proc/${p}/statm`, "utf8").split(" ")[1]);
  }
  return Math.round((pages * PAGE_BYTES) / 1024 / 1024);
}

export function loadText(l: number[] = loadavg()): string {
  return l.map((v) => v.toFixed(2)).join(" ");
}

export type AppServer = {
  base: string;
  pid: number | undefined;
  /** With BENCH_HEAP=1: the server's V8 heap in use right after a full garbage collection, MB. */
  heapAfterGcMb: () => Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * Asks a server started with --inspect for a full garbage collection and then
 * its heap in use, through the DevTools protocol. RSS alone cannot tell a leak
 * from a heap V8 has simply not shrunk yet; this can. Node 20 has a WebSocket
 * client only behind a flag, so a short child process does the talking.
 */
function heapAfterGc(inspectPort: number): Promise<number | null> {
  const script = `
    const [target] = await (await fetch("http://127.0.0.1:${inspectPort}/json/list")).json();
    const ws = new WebSocket(target.webSocketDebuggerUrl);
    const pending = new Map();
    let id = 0;
    const call = (method, params = {}) => new Promise((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
    ws.onmessage = (e) => { const m = JSON.parse(e.data); pending.get(m.id)?.(m.result); };
    await new Promise((r) => (ws.onopen = r));
    await call("HeapProfiler.collectGarbage");
    const r = await call("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true });
    console.log(r.result.value);
    ws.close();`;
  const out = spawnSync(process.execPath, ["--experimental-websocket", "--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 60_000,
  });
  const bytes = Number(out.stdout.trim());
  return Promise.resolve(out.status === 0 && Number.isFinite(bytes) ? Math.round(bytes / 1024 / 1024) : null);
}

/**
 * Builds when there is no build (or BENCH_BUILD=1), then the production server (`npm start`'s) on
 * 127.0.0.1 with the given environment, ready when /api/health answers.
 * BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU profile written at exit;
 * BENCH_HEAP=1 opens the inspector on port + 1000 for heapAfterGcMb.
 */
export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<AppServer> {
  if (!existsSync(SERVER_BUNDLE) || process.env.BENCH_BUILD === "1") {
    console.log("Building the app…");
    const b = spawnSync(process.execPath, [tsxCli, "scripts/build.ts"], { cwd: ROOT, env, stdio: "inherit" });
    if (b.status !== 0) throw new Error("the build failed");
  }
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const inspectPort = process.env.BENCH_HEAP === "1" ? port + 1000 : null;
  if (inspectPort) nodeArgs.push(`--inspect=127.0.0.1:${inspectPort}`);
  const app: ChildProcess = spawn(process.execPath, [...nodeArgs, ...serverArgs(port, "127.0.0.1")], {
    cwd: ROOT,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
    if (app.exitCode !== null) throw new Error(`The app server exited (${app.exitCode}).`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    pid: app.pid,
    heapAfterGcMb: () => (inspectPort ? heapAfterGc(inspectPort) : Promise.resolve(null)),
    stop: async () => {
      if (app.exitCode !== null) return;
      app.kill("SIGTERM");
      await new Promise((r) => app.once("exit", r));
    },
  };
}

/** Signs in with email and password through next-auth's credentials flow; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in as ${email} failed (${res.status}).`);
  return session;
}

export type Measured = {
  result: autocannon.Result;
  statuses: Record<string, number>;
  /** The server's CPU over the run, ms (null off Linux). */
  cpuMs: number | null;
  /** The database's CPU over the run, ms (null when not asked or off Linux). */
  dbCpuMs: number | null;
};

/** One autocannon run, counting status codes and the server's (and the database's) CPU over it. */
export async function measure(
  pid: number | undefined,
  opts: autocannon.Options,
  dbDataDir?: string,
): Promise<Measured> {
  const dbBefore = dbDataDir ? dbCpuMsOf(dbDataDir) : null;
  const before = cpuMsOf(pid);
  const { result, statuses } = await new Promise<{
    result: autocannon.Result;
    statuses: Record<string, number>;
  }>((resolve, reject) => {
    const statuses: Record<string, number> = {};
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, statuses })));
    instance.on("response", (_client: unknown, statusCode: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const after = cpuMsOf(pid);
  const dbAfter = dbDataDir ? dbCpuMsOf(dbDataDir) : null;
  return {
    result,
    statuses,
    cpuMs: before === null || after === null ? null : after - before,
    dbCpuMs: dbBefore === null || dbAfter === null ? null : dbAfter - dbBefore,
  };
}

export function cpuPerRequest(m: Measured): number | null {
  return m.cpuMs === null ? null : m.cpuMs / Math.max(1, m.result.requests.total);
}

export function dbCpuPerRequest(m: Measured): number | null {
  return m.dbCpuMs === null ? null : m.dbCpuMs / Math.max(1, m.result.requests.total);
}

export function statusText(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .map(([s, n]) => `${s}:${n}`)
    .join(" ");
}

/** A plain-text table: the first and last columns left-aligned, the rest right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((c) => c[i]!.length)));
  const last = head.length - 1;
  const line = (c: string[]) =>
    c.map((v, i) => (i === last ? v : i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}
