import pg from "pg";
import { describe, expect, it } from "vitest";
import { diffSchemas, latestSnapshot, readSchemaFiles } from "../../scripts/db/migrations";

/**
 * The migration history must build exactly the schema in prisma/schema. The
 * test's own database was built from the migrations; a second one is built
 * from the schema files alone; their catalogs must match. Objects Prisma cannot
 * describe (triggers, CHECK and EXCLUDE constraints, partial indexes, indexes named `manual_*`)
 * live only in hand-written migration SQL and are left out of the comparison.
 */
async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      columns:
        await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE 'manual\\_%' AND indexdef NOT LIKE '% WHERE %'
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('x'))`),
      constraints:
        await q(`SELECT conrelid::regclass::text AS table, conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND contype NOT IN ('c', 'x', 't') AND conrelid::regclass::text <> '_prisma_migrations'`),
      enums: await q(
        `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
      ),
    };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("have no pending schema change: the last snapshot equals prisma/schema", async () => {
    const sql = await diffSchemas(await latestSnapshot(), await readSchemaFiles(), process.env.DATABASE_URL!);
    expect(
      sql.replace(/--.*$/gm, "").trim(),
      "prisma/schema changed without a migration: run npm run db:migration:create -- <name>",
    ).toBe("");
  });

  it("reproduce the schema exactly (no drift between the migration history and prisma/schema)", async () => {
    const fromMigrations = process.env.DATABASE_URL!;
    const server = new URL(fromMigrations);
    const scratch = `${server.pathname.slice(1)}_fromschema`;
    server.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      const fromSchemaUrl = new URL(fromMigrations);
      fromSchemaUrl.pathname = `/${scratch}`;
      const script = await diffSchemas("empty", await readSchemaFiles(), fromSchemaUrl.toString());
      const client = new pg.Client({ connectionString: fromSchemaUrl.toString() });
      await client.connect();
      await client.query(script);
      await client.end();
      const [a, b] = await Promise.all([catalog(fromMigrations), catalog(fromSchemaUrl.toString())]);
      expect(a.columns.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
