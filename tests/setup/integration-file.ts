import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

/**
 * Gives this test file its own database, cloned from the migrated template,
 * so files run in parallel without seeing each other's rows.
 */
const serverUrl = inject("pgServerUrl");
const database = `mend_test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${inject("pgTemplate")}"`);
await admin.end();

const url = new URL(serverUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
process.env.OUTBOX_WORKER = "off";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
});
