import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { applyMigrations, loadMigrationList, ROOT } from "../../scripts/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

function serverUrlFrom(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

/**
 * Starts one real Postgres for the whole run (or uses DATABASE_URL's server)
 * and builds a template database from the migrations; test files clone it.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedPostgres | undefined;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = serverUrlFrom(process.env.DATABASE_URL);
  } else {
    // Durability buys nothing in tests; turning it off makes database creation fast.
    server = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, ".data", "test-postgres"),
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
      quiet: true,
    });
    serverUrl = server.url("postgres");
  }
  const migrations = await loadMigrationList();
  const fingerprint = createHash("sha1")
    .update(JSON.stringify(migrations.migrationDirectories.map((d) => [d.path, d.migrationFile.content])))
    .update(readFileSync(path.join(ROOT, "package-lock.json")))
    .digest("hex")
    .slice(0, 10);
  const template = `mend_template_${fingerprint}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'mend_test_%' OR (datname LIKE 'mend_template_%' AND datname <> $1)",
      [template],
    );
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${template}`;
      await applyMigrations(url.toString());
    }
  } finally {
    await admin.end();
  }
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", template);
  return async () => {
    await server?.stop();
  };
}
