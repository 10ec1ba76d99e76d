/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver
 * adapter. The stock CLI downloads a native engine at start-up, which these
 * machines cannot do; the WASM build ships inside an npm package and speaks the
 * same methods (`applyMigrations`, `diff`, ...). See docs/decisions/002.
 *
 * Used by `npm run db:*` (scripts/db/migrations.ts) and by the executable that
 * stands in for the native engine under the stock CLI
 * (scripts/db/schema-engine-rpc.ts).
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine as WasmSchemaEngine, SchemaContainer } from "@prisma/schema-engine-wasm";

let initialised: Promise<void> | undefined;

/**
 * A Rust panic inside the engine reports its message through this global before
 * the WASM traps ("unreachable"); without it the engine crashes the process with
 * a TypeError instead. The stock CLI installs the same object for its own WASM.
 */
let lastPanic: string | undefined;
const panicRegistry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
panicRegistry.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
  },
};

/** The message of the last engine panic, if any, cleared on read. */
export function takePanicMessage(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

async function initWasm(): Promise<void> {
  // The package's exports map hides package.json; resolve its entry file instead.
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}

export type SchemaEngine = WasmSchemaEngine;

/** Postgres's internal single-byte `"char"` type, which the catalog queries return (e.g. `pg_constraint.contype`). */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type RawQuery = object;
type PgInternals = {
  performIO(query: RawQuery): Promise<{ fields: Array<{ dataTypeID: number }> }>;
  queryRaw(query: RawQuery): Promise<{ columnTypes: number[] }>;
};

/**
 * adapter-pg 7.10 cannot map Postgres's `"char"` columns (it throws "Column
 * type 'char' could not be deserialized"), and the engine's catalog queries
 * return some whenever it describes a database (`migrate dev`, `db pull`,
 * diffs from a database or from migrations). Let pg hand them over as text,
 * then report them as the adapter protocol's Character type, which is what
 * the engine reads them as.
 */
function readCharColumns(adapter: object): void {
  const a = adapter as PgInternals;
  const performIO = a.performIO.bind(a);
  const queryRaw = a.queryRaw.bind(a);
  const charColumns = new WeakMap<RawQuery, number[]>();
  a.performIO = async (query) => {
    const result = await performIO(query);
    const found: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      found.push(i);
    });
    if (found.length) charColumns.set(query, found);
    return result;
  };
  a.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    charColumns.delete(query);
    return result;
  };
}

type Disposable = { dispose(): Promise<void> };

function disposeOnce<T extends Disposable>(adapter: T, extra?: () => Promise<void>): T {
  const dispose = adapter.dispose.bind(adapter);
  let disposed: Promise<void> | undefined;
  adapter.dispose = () =>
    (disposed ??= (async () => {
      try {
        await dispose();
      } finally {
        await extra?.();
      }
    })());
  return adapter;
}

/**
 * The pg adapter factory the engine gets, with three adapter-pg 7.10 problems
 * worked around:
 * - it runs a migration script by splitting it on ";", which breaks any
 *   function body or string holding one. Send the script whole instead, as the
 *   native engine does: Postgres runs a multi-statement simple query in one
 *   implicit transaction, so a failing migration leaves nothing half-applied;
 * - `"char"` columns (see readCharColumns);
 * - its shadow database: built from a connection string, its pool connects to
 *   the main database instead (the string wins over `database`), so a
 *   `migrate dev` would replay the migrations there. We create the shadow
 *   database, connect to it by URL, and drop it WITH (FORCE) after.
 */
class MendPg extends PrismaPg {
  /** Everything connect() handed out, disposed of by close() (newest first). */
  readonly opened: Disposable[] = [];

  constructor(
    private readonly url: string,
    /** The raw pg error of the last failed script (the adapter keeps only a coarse kind). */
    private readonly scriptErrors: { last?: unknown } = {},
  ) {
    super({ connectionString: url });
  }

  override async connect() {
    const adapter = disposeOnce(await super.connect());
    this.opened.push(adapter);
    readCharColumns(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        this.scriptErrors.last = error;
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.underlyingDriver().query(`CREATE DATABASE "${database}"`);
    const url = new URL(this.url);
    url.pathname = `/${database}`;
    const shadow = disposeOnce(await new MendPg(url.toString(), this.scriptErrors).connect(), async () => {
      try {
        await main.underlyingDriver().query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await main.dispose();
      }
    });
    this.opened.push(shadow);
    return shadow;
  }

  takeScriptError(): unknown {
    const error = this.scriptErrors.last;
    this.scriptErrors.last = undefined;
    return error;
  }
}

export type OpenedSchemaEngine = {
  engine: SchemaEngine;
  /** The pg error behind the last failed script since the previous call, if any. */
  takeScriptError(): unknown;
  /** Frees the engine and ends the adapter's pools. */
  close(): Promise<void>;
};

export type EngineLog = (message: string) => void;

const debugLog: EngineLog = (message) => {
  if (process.env.MEND_SCHEMA_ENGINE_DEBUG) process.stderr.write(`[schema-engine] ${message}\n`);
};

/**
 * @param url the database the engine talks to (shadow databases are made on the same server)
 * @param files the Prisma schema files
 * @param log receives the engine's log lines (JSON strings)
 */
export async function openSchemaEngine(
  url: string,
  files: SchemaContainer[],
  log: EngineLog = debugLog,
): Promise<OpenedSchemaEngine> {
  initialised ??= initWasm();
  await initialised;
  const factory = new MendPg(url);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await bg.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
    log,
    adapter,
  );
  let closed: Promise<void> | undefined;
  return {
    engine,
    takeScriptError: () => factory.takeScriptError(),
    close: () =>
      (closed ??= (async () => {
        engine.free();
        // free() leaves the adapters' pools open, which would block e.g. CREATE DATABASE ... TEMPLATE.
        // Newest first: a shadow database is dropped through the connection opened before it.
        for (const adapter of [...factory.opened].reverse()) await adapter.dispose().catch(() => undefined);
      })()),
  };
}

export async function withSchemaEngine<T>(
  url: string,
  files: SchemaContainer[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const opened = await openSchemaEngine(url, files);
  try {
    return await work(opened.engine);
  } finally {
    await opened.close();
  }
}
