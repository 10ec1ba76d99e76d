/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver
 * adapter. The stock CLI downloads a native engine at start-up, which these
 * machines cannot do; the WASM build ships inside an npm package and speaks the
 * same methods (`applyMigrations`, `diff`, ...). See docs/decisions/002.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine as WasmSchemaEngine, SchemaContainer } from "@prisma/schema-engine-wasm";

let initialised: Promise<void> | undefined;

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

/**
 * adapter-pg 7.10 runs a migration script by splitting it on ";", which breaks
 * any function body or string holding one. Send the script whole instead, as
 * the native engine does: Postgres runs a multi-statement simple query in one
 * implicit transaction, so a failing migration leaves nothing half-applied.
 */
class WholeScriptPg extends PrismaPg {
  readonly opened: Array<{ dispose(): Promise<void> }> = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

/**
 * @param url the database the engine talks to (it is never asked to describe
 *   it: that path fails through adapter-pg, see the offline-toolchain notes)
 * @param files the Prisma schema files
 */
export async function withSchemaEngine<T>(
  url: string,
  files: SchemaContainer[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  initialised ??= initWasm();
  await initialised;
  const factory = new WholeScriptPg({ connectionString: url });
  const engine = await openEngine(factory, files);
  try {
    return await work(engine);
  } finally {
    engine.free();
    // free() leaves the adapter's pool open, which would block e.g. CREATE DATABASE ... TEMPLATE.
    await Promise.all(factory.opened.map((a) => a.dispose().catch(() => undefined)));
  }
}

async function openEngine(factory: WholeScriptPg, files: SchemaContainer[]): Promise<SchemaEngine> {
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (message: string) => {
    if (process.env.MEND_SCHEMA_ENGINE_DEBUG) process.stderr.write(`[schema-engine] ${message}\n`);
  };
  return bg.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content] as [string, string]) }, log, adapter);
}
