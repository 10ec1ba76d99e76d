/**
 * Migrations in Prisma's own layout (prisma/migrations/<ts>_<name>/migration.sql,
 * recorded in `_prisma_migrations`), so a machine with internet can run the
 * stock `prisma migrate deploy` on the same folders.
 *
 * Each migration folder also keeps `schema.prisma`: the whole datamodel as it
 * stood after that migration. A new migration is the diff from the newest
 * snapshot to the current schema files, which needs no database at all.
 */
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { MigrationList, SchemaContainer } from "@prisma/schema-engine-wasm";
import { withSchemaEngine } from "./schema-engine";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SCHEMA_DIR = path.join(ROOT, "prisma", "schema");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
export const SNAPSHOT_FILE = "schema.prisma";

const NO_FILTER = { externalTables: [], externalEnums: [] };

export async function readSchemaFiles(dir = SCHEMA_DIR): Promise<SchemaContainer[]> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (n) => ({ path: path.join(dir, n), content: await fs.readFile(path.join(dir, n), "utf8") })),
  );
}

/** The schema files joined into one, as stored beside each migration. */
export function joinSchema(files: SchemaContainer[]): string {
  return files.map((f) => `// ---- ${path.basename(f.path)}\n${f.content.trimEnd()}\n`).join("\n");
}

export async function migrationNames(): Promise<string[]> {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

export async function loadMigrationList(): Promise<MigrationList> {
  const names = await migrationNames();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? await fs.readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await fs.readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/** Applies pending migrations, exactly as `prisma migrate deploy` would. */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = await loadMigrationList();
  return withSchemaEngine(url, await readSchemaFiles(), async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/** SQL that takes a database from schema `from` (or empty) to schema `to`. */
export async function diffSchemas(
  from: SchemaContainer[] | "empty",
  to: SchemaContainer[],
  url: string,
): Promise<string> {
  return withSchemaEngine(url, to, async (engine) => {
    const result = await engine.diff({
      from: from === "empty" ? { tag: "empty" } : { tag: "schemaDatamodel", files: from },
      to: { tag: "schemaDatamodel", files: to },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  });
}

export async function latestSnapshot(): Promise<SchemaContainer[] | "empty"> {
  const names = await migrationNames();
  for (const name of names.reverse()) {
    const file = path.join(MIGRATIONS_DIR, name, SNAPSHOT_FILE);
    if (existsSync(file)) return [{ path: file, content: await fs.readFile(file, "utf8") }];
  }
  return "empty";
}

function isEmptyScript(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim().length === 0;
}

export function migrationFolderName(name: string, now = new Date()): string {
  const ts = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("A migration needs a name, e.g. `npm run db:migration:create -- add_intake`");
  return `${ts}_${slug}`;
}

/**
 * Writes a new migration folder from the change to prisma/schema since the last
 * migration. `url` is any reachable Postgres: the engine needs a connection to
 * exist but the diff itself reads no database.
 */
export async function createMigration(
  name: string,
  url: string,
  options: { allowEmpty?: boolean } = {},
): Promise<string | undefined> {
  const current = await readSchemaFiles();
  const sql = await diffSchemas(await latestSnapshot(), current, url);
  if (isEmptyScript(sql) && !options.allowEmpty) return undefined;
  const folder = migrationFolderName(name);
  const dir = path.join(MIGRATIONS_DIR, folder);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "migration.sql"), isEmptyScript(sql) ? "-- Hand-written SQL goes here.\n" : sql);
  await fs.writeFile(path.join(dir, SNAPSHOT_FILE), joinSchema(current));
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) {
    await fs.writeFile(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}
