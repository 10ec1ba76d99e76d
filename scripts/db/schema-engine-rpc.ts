/**
 * A stand-in for Prisma's native `schema-engine` binary, so the stock CLI
 * (`prisma migrate deploy`, `migrate status`, `migrate diff`, `generate`, ...)
 * runs on machines that cannot download it. Launched through the executable
 * scripts/db/schema-engine-server.mjs, which the CLI finds through
 * PRISMA_SCHEMA_ENGINE_BINARY (prisma.config.ts sets it).
 *
 * It speaks the native binary's interface, as read from prisma 7.10's CLI:
 * - `--datamodels <path>` (once per schema file), `--datasource <json>` (the
 *   prisma.config.ts datasource: `{ url, shadowDatabaseUrl? }`), plus
 *   `--enabled-preview-features` / `--extension-types`, which are ignored;
 * - `--version`: one line on stdout;
 * - `... cli can-connect-to-database | create-database | drop-database`: a
 *   one-shot run, failing with exit 1 and JSON log lines on stderr (the CLI skips
 *   the first line and reads `{level: "ERROR", fields: {error_code, message}}`);
 * - otherwise JSON-RPC 2.0, one message per line, on stdin/stdout. Requests are
 *   forwarded to the WebAssembly engine's method of the same name. Errors go back
 *   as `error.data = { is_panic, message, error_code }`, which the CLI prints as
 *   "<code>\n\n<message>". `diff` prints its script by sending the CLI a `print`
 *   request, as the native engine does (the WASM engine returns it instead).
 *   Log lines go to stderr as JSON, which is what the engine's logger produces.
 *
 * The connection is the prisma.config.ts datasource the CLI passes, else
 * DATABASE_URL. Limits (no shadowDatabaseUrl, `migrate diff` needs a reachable
 * database, ...): docs/decisions/002-offline-migrations.md.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import type { SchemaContainer } from "@prisma/schema-engine-wasm";
import { openSchemaEngine, takePanicMessage, type OpenedSchemaEngine } from "./schema-engine";

export type EngineArgs = {
  datamodels: string[];
  datasource?: { url?: string; shadowDatabaseUrl?: string };
  cli?: string;
  version: boolean;
};

export function parseArgs(argv: string[]): EngineArgs {
  const args: EngineArgs = { datamodels: [], version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--datamodels") args.datamodels.push(value());
    else if (arg === "--datasource") args.datasource = JSON.parse(value()) as EngineArgs["datasource"];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") value();
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") args.cli = argv[++i] ?? "";
    else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}

// ---- logging: JSON lines on stderr, the shape the CLI parses --------------------------------------

function logLine(level: "INFO" | "WARN" | "ERROR", fields: Record<string, unknown>, target = "schema_engine"): string {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target });
}

function writeLog(line: string): void {
  process.stderr.write(line.trimEnd() + "\n");
}

// ---- errors ------------------------------------------------------------------------------------------

type EngineErrorData = { is_panic: boolean; message: string; error_code?: string; meta?: unknown };

/** Where the WASM engine puts its span trace (useful for debugging, noise for users). */
function withoutSpanTrace(message: string): string {
  const lines = message.split("\n");
  const start = lines.findIndex((l) => /^\s+0: /.test(l));
  return (start === -1 ? lines : lines.slice(0, start)).join("\n").trimEnd();
}

function pgErrorText(error: unknown): { code?: string; text: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as Error & { code?: string; detail?: string; hint?: string; severity?: string };
  const parts = [`${e.severity ?? "ERROR"}: ${e.message}`];
  if (e.detail) parts.push(`DETAIL: ${e.detail}`);
  if (e.hint) parts.push(`HINT: ${e.hint}`);
  return { code: e.code, text: parts.join("\n") };
}

/**
 * Turns what the WASM engine threw into the `error.data` the CLI expects. The
 * engine keeps Prisma's error codes (e.g. P3009 for a failed migration) in
 * `code`. A failing migration script comes back as a bare "external connector
 * error" (the adapter reduces the pg error to a kind); we rebuild the native
 * engine's P3018 message from the pg error the adapter saw.
 */
export function engineErrorData(method: string, error: unknown, scriptError?: unknown): EngineErrorData {
  const panic = takePanicMessage();
  if (panic) return { is_panic: false, message: `The WebAssembly schema engine panicked: ${panic}` };
  const e = (error ?? {}) as { message?: unknown; code?: unknown };
  const raw = typeof e.message === "string" ? e.message : String(error);
  const code = typeof e.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : undefined;
  const migration = /migration_name="([^"]+)"/.exec(raw)?.[1];
  const db = pgErrorText(scriptError);
  if (!code && method === "applyMigrations" && migration && db && raw.startsWith("external connector error")) {
    return {
      is_panic: false,
      error_code: "P3018",
      message:
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
        "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
        `Migration name: ${migration}\n\n` +
        (db.code ? `Database error code: ${db.code}\n\n` : "") +
        `Database error:\n${db.text}\n`,
      meta: { migration_name: migration, database_error_code: db.code ?? "", database_error: db.text },
    };
  }
  return {
    is_panic: false,
    message: process.env.MEND_SCHEMA_ENGINE_DEBUG ? raw : withoutSpanTrace(raw),
    ...(code ? { error_code: code } : {}),
  };
}

// ---- plain pg: connection checks and CREATE/DROP DATABASE (no WASM method for them) ---------------

type DbError = { code?: string; message: string };

function describeUrl(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname || "localhost",
    port: u.port || "5432",
    user: decodeURIComponent(u.username) || "postgres",
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
}

/** Prisma's own codes and wording for the connection failures the CLI reacts to. */
export function connectionError(error: unknown, url: string): DbError {
  const { host, port, user, database } = describeUrl(url);
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "3D000":
      return {
        code: "P1003",
        message: `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`,
      };
    case "28P01":
    case "28000":
      return {
        code: "P1000",
        message: `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${host}:${port}\`\n\nPlease make sure your database server is running at \`${host}:${port}\`.`,
      };
    default:
      return { message: e.message ?? String(error) };
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw Object.assign(new Error("connection failed"), { db: connectionError(error, url) });
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

async function canConnect(url: string): Promise<void> {
  await withClient(url, (c) => c.query("SELECT 1"));
}

async function createDatabase(url: string): Promise<string> {
  const { database } = describeUrl(url);
  await withClient(maintenanceUrl(url), (c) => c.query(`CREATE DATABASE ${ident(database)}`));
  return database;
}

async function dropDatabase(url: string): Promise<void> {
  const { database } = describeUrl(url);
  await withClient(maintenanceUrl(url), (c) => c.query(`DROP DATABASE ${ident(database)}`));
}

function asDbError(error: unknown, url: string): DbError {
  const db = (error as { db?: DbError }).db;
  return db ?? connectionError(error, url);
}

/** `schema-engine --datasource <json> cli <command>`: what `migrate deploy` uses to create a missing database. */
async function runCliCommand(command: string, url: string): Promise<number> {
  const commands: Record<string, () => Promise<unknown>> = {
    "can-connect-to-database": () => canConnect(url),
    "create-database": () => createDatabase(url),
    "drop-database": () => dropDatabase(url),
  };
  const run = commands[command];
  // The CLI skips the first stderr line before parsing the rest as JSON.
  writeLog(logLine("INFO", { message: `Starting schema engine CLI (WebAssembly): ${command}` }));
  if (!run) {
    writeLog(logLine("ERROR", { message: `Unknown cli command: ${command}` }, "schema_engine::logger"));
    return 1;
  }
  try {
    await run();
    return 0;
  } catch (error) {
    const db = asDbError(error, url);
    writeLog(
      logLine("ERROR", { message: db.message, ...(db.code ? { error_code: db.code } : {}) }, "schema_engine::logger"),
    );
    return 1;
  }
}

// ---- JSON-RPC --------------------------------------------------------------------------------------

type RpcId = number | string | null;
type RpcMessage = {
  jsonrpc?: string;
  id?: RpcId;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
};

/** The WASM engine's methods that the CLI may call under the same name. */
const FORWARDED = [
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
] as const;

const NO_FILTER = { externalTables: [], externalEnums: [] };

function needsWarmShadowCache(error: unknown, params: unknown): boolean {
  const message = (error as { message?: unknown } | undefined)?.message;
  return (
    typeof message === "string" &&
    message.includes("shadow DB must be provided through an external factory") &&
    typeof params === "object" &&
    params !== null &&
    "migrationsList" in params
  );
}

/** The engine needs a datasource block to know the provider; `migrate diff` passes no schema. */
const FALLBACK_SCHEMA: SchemaContainer = {
  path: "schema.prisma",
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

/**
 * Used only when neither the config nor DATABASE_URL names a database. The
 * engine connects even to diff two schema files, so commands then fail with
 * "Can't reach database server" unless a Postgres listens there.
 */
const PLACEHOLDER_URL = "postgresql://localhost:5432/postgres";

function serve(args: EngineArgs): Promise<void> {
  const url = args.datasource?.url || process.env.DATABASE_URL || PLACEHOLDER_URL;
  const files: SchemaContainer[] = args.datamodels.map((p) => ({
    path: p,
    content: readFileSync(path.resolve(p), "utf8"),
  }));
  let opened: Promise<OpenedSchemaEngine> | undefined;
  const engine = () => (opened ??= openSchemaEngine(url, files.length ? files : [FALLBACK_SCHEMA], writeLog));

  const send = (message: RpcMessage) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

  // Requests from us to the CLI (`print`) and their pending answers.
  let nextOwnId = 1;
  const awaiting = new Map<RpcId, () => void>();
  const print = (content: string) =>
    new Promise<void>((resolve) => {
      const id = `mend-print-${nextOwnId++}`;
      awaiting.set(id, resolve);
      send({ id, method: "print", params: { content } });
    });

  const handlers: Record<string, (params: unknown) => Promise<unknown>> = {
    getDatabaseVersion: async () => (await engine()).engine.version(),
    diff: async (params) => {
      const result = await (await engine()).engine.diff(params as never);
      if (result.stdout) await print(result.stdout.replace(/\n$/, ""));
      return { exitCode: result.exitCode };
    },
    createDatabase: async (params) => {
      const datasource = (params as { datasource?: { tag?: string; url?: string } } | undefined)?.datasource;
      const target = datasource?.tag === "ConnectionString" && datasource.url ? datasource.url : url;
      try {
        return { databaseName: await createDatabase(target) };
      } catch (error) {
        const db = asDbError(error, target);
        throw Object.assign(new Error(db.message), { code: db.code });
      }
    },
  };
  for (const name of FORWARDED) {
    handlers[name] = async (params) => {
      const { engine: e } = await engine();
      const call = () => (e[name] as (p: unknown) => Promise<unknown>).call(e, params);
      try {
        return await call();
      } catch (error) {
        if (!needsWarmShadowCache(error, params)) throw error;
        // The WASM engine's evaluateDataLoss/createMigration do not reach the shadow database
        // themselves; they read the schema of the migration history from a cache that
        // devDiagnostic fills (through the shadow database). Fill it, then retry once.
        const { migrationsList, filters } = params as { migrationsList: unknown; filters?: unknown };
        await e.devDiagnostic({ migrationsList, filters: filters ?? NO_FILTER } as never);
        return await call();
      }
    };
  }

  const handle = async (request: RpcMessage & { id: RpcId; method: string }) => {
    const handler = handlers[request.method];
    if (!handler) {
      send({
        id: request.id,
        error: {
          code: -32601,
          message: `Method not found: ${request.method}`,
          data: {
            is_panic: false,
            message: `\`${request.method}\` is not available in the WebAssembly schema engine used on this machine (scripts/db/schema-engine-rpc.ts).`,
          },
        },
      });
      return;
    }
    const scriptError = async () => (opened ? (await opened.catch(() => undefined))?.takeScriptError() : undefined);
    await scriptError(); // forget one left by an earlier request
    try {
      const result = await handler(request.params);
      send({ id: request.id, result: result === undefined ? null : result });
    } catch (error) {
      const failedScript = await scriptError();
      send({
        id: request.id,
        error: {
          code: 4466,
          message: "An error happened. Check the data field for details.",
          data: engineErrorData(request.method, error, failedScript),
        },
      });
    }
  };

  return new Promise((resolve) => {
    // One request at a time, in order, like the native engine's stdio server.
    let queue = Promise.resolve();
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on("line", (line) => {
      if (!line.trim()) return;
      let message: RpcMessage;
      try {
        message = JSON.parse(line) as RpcMessage;
      } catch {
        send({ id: null, error: { code: -32700, message: "Parse error" } });
        return;
      }
      if (message.method === undefined) {
        // An answer to one of our own requests.
        if (message.id !== undefined) {
          awaiting.get(message.id)?.();
          awaiting.delete(message.id);
        }
        return;
      }
      if (message.id === undefined || message.id === null) return; // a notification: nothing to answer
      const request = message as RpcMessage & { id: RpcId; method: string };
      queue = queue.then(() => handle(request));
    });
    lines.on("close", () => {
      void queue
        .then(async () => {
          if (opened) await (await opened.catch(() => undefined))?.close();
        })
        .finally(resolve);
    });
  });
}

function wasmVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Runs the engine; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // A Rust panic can surface outside any awaited call (in a callback the engine
  // scheduled): report it the way the CLI reads a dying engine, then exit 1.
  process.on("uncaughtException", (error) => {
    const panic = takePanicMessage();
    writeLog(
      logLine("ERROR", {
        message: panic ? `The WebAssembly schema engine panicked: ${panic}` : (error.stack ?? String(error)),
      }),
    );
    process.exit(1);
  });
  let args: EngineArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    writeLog(logLine("ERROR", { message: (error as Error).message }));
    return 1;
  }
  if (args.version) {
    process.stdout.write(`schema-engine-cli wasm-${wasmVersion()}\n`);
    return 0;
  }
  if (args.cli !== undefined) {
    const url = args.datasource?.url || process.env.DATABASE_URL;
    if (!url) {
      writeLog(logLine("INFO", { message: "Starting schema engine CLI (WebAssembly)" }));
      writeLog(logLine("ERROR", { message: "No datasource URL given." }, "schema_engine::logger"));
      return 1;
    }
    return runCliCommand(args.cli, url);
  }
  try {
    await serve(args);
    return 0;
  } catch (error) {
    writeLog(logLine("ERROR", { message: (error as Error).stack ?? String(error) }));
    return 1;
  }
}
