import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { diffSchemas, migrationNames, MIGRATIONS_DIR, readSchemaFiles, ROOT } from "../../scripts/db/migrations";

/**
 * The stock Prisma CLI, run as users run it, with scripts/db/schema-engine-server.mjs
 * standing in for the native schema engine it cannot download here.
 */
const CLI = createRequire(import.meta.url).resolve("prisma/build/index.js");
const ENGINE = path.join(ROOT, "scripts", "db", "schema-engine-server.mjs");
const serverUrl = inject("pgServerUrl");
const suffix = randomBytes(4).toString("hex");
const created: string[] = [];
const scratchDirs: string[] = [];

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database name on the test server that does not exist yet (dropped after the run). */
function freshDatabase(label: string): string {
  const name = `mend_test_cli_${label}_${suffix}`; // mend_test_%: a killed run's leftovers are dropped by the next one
  created.push(name);
  return databaseUrl(name);
}

type Run = { code: number | null; stdout: string; stderr: string };

function prisma(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

const MIGRATION_ROWS = `SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count
  FROM _prisma_migrations ORDER BY migration_name`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  for (const dir of scratchDirs) await fs.rm(dir, { recursive: true, force: true });
});

describe("the stock Prisma CLI with the WebAssembly schema engine", () => {
  it("migrate deploy applies every migration, records them as the WASM path does, and is idempotent", async () => {
    const url = freshDatabase("deploy");
    const env = { DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: ENGINE };
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);

    const deploy = await prisma(["migrate", "deploy"], env);
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain("created"); // the CLI made the missing database through `cli create-database`
    for (const name of names) expect(deploy.stdout).toContain(name);
    expect(deploy.stdout).toContain("All migrations have been successfully applied.");

    const rows = await query<MigrationRow>(url, MIGRATION_ROWS);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }
    // This file's own database was built by `npm run db:migrate`'s code path (applyMigrations in scripts/db).
    const viaWasm = await query<MigrationRow>(process.env.DATABASE_URL!, MIGRATION_ROWS);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(viaWasm.map((r) => [r.migration_name, r.checksum]));
    const tables = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
    expect(await query(url, tables)).toEqual(await query(process.env.DATABASE_URL!, tables));

    // Without the env var: prisma.config.ts points the CLI at the same engine.
    const status = await prisma(["migrate", "status"], { DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: undefined });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`${names.length} migration`);
    expect(status.stdout).toContain("Database schema is up to date!");

    const again = await prisma(["migrate", "deploy"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("No pending migrations to apply.");
    expect(await query<MigrationRow>(url, MIGRATION_ROWS)).toEqual(rows);
  }, 180_000);

  it("migrate diff between schema files prints the same script as the WASM path", async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL, PRISMA_SCHEMA_ENGINE_BINARY: ENGINE };
    const diff = await prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema", "--script"], env);
    expect(diff.code, diff.stderr).toBe(0);
    const expected = await diffSchemas("empty", await readSchemaFiles(), process.env.DATABASE_URL!);
    expect(diff.stdout.trim()).toBe(expected.trim());
    expect(diff.stdout).toContain('CREATE TABLE "Clinic"');
  }, 60_000);

  it("reports a failing migration with Prisma's codes (P3018, then P3009) and migrate status shows it", async () => {
    // A throw-away project under .data/ (git-ignored), so prisma.config.ts can resolve `prisma/config`.
    const dir = path.join(ROOT, ".data", `cli-test-${suffix}`);
    scratchDirs.push(dir);
    await fs.mkdir(path.join(dir, "migrations", "20200101000000_ok"), { recursive: true });
    await fs.mkdir(path.join(dir, "migrations", "20200102000000_broken"), { recursive: true });
    await fs.writeFile(
      path.join(dir, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: ${JSON.stringify(path.join(ROOT, "prisma", "schema"))},
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL! },
});
`,
    );
    await fs.writeFile(
      path.join(dir, "migrations", "20200101000000_ok", "migration.sql"),
      "CREATE TABLE ok (id int);\n",
    );
    await fs.writeFile(
      path.join(dir, "migrations", "20200102000000_broken", "migration.sql"),
      "CREATE TABLE half (id int);\nSELECT * FROM no_such_table;\n",
    );
    const url = freshDatabase("broken");
    const env = { DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: ENGINE };
    const config = ["--config", path.join(dir, "prisma.config.ts")];

    const first = await prisma(["migrate", "deploy", ...config], env);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("P3018");
    expect(first.stderr).toContain("Migration name: 20200102000000_broken");
    expect(first.stderr).toContain("Database error code: 42P01");
    expect(first.stderr).toContain('relation "no_such_table" does not exist');
    // The script ran whole, in one implicit transaction: nothing of it is left behind.
    expect(await query(url, `SELECT to_regclass('public.half') IS NULL AS gone`)).toEqual([{ gone: true }]);

    const second = await prisma(["migrate", "deploy", ...config], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("P3009");

    const status = await prisma(["migrate", "status", ...config], env);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain("20200102000000_broken");
    expect(status.stderr).toContain("migrate resolve --rolled-back");
  }, 180_000);
});
