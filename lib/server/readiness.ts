import "server-only";
import { db } from "@/lib/db";
import { describeErrorForLog } from "@/lib/http/log-safe-error";
import { migrationReadiness, type AppliedMigration, type MigrationReadiness } from "./readiness-rules";
import { isShuttingDown } from "./shutdown";

/** A load balancer's probe gives up after a few seconds; answer before it does. */
export const READINESS_DB_TIMEOUT_MS = 2_000;

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "shutting_down" | "database_unreachable" }
  | Extract<MigrationReadiness, { ready: false }>;

/**
 * The migration folders this build was made with, compiled in by next.config.ts
 * (so a server never reads prisma/migrations at run time, and a build that is
 * newer than its database says so).
 */
export function compiledMigrationNames(): string[] {
  const names = process.env.MEND_MIGRATIONS;
  if (names === undefined) throw new Error("MEND_MIGRATIONS was not compiled into this build (next.config.ts)");
  return names ? names.split(",") : [];
}

/** Ready = not shutting down, database answers within the timeout, and every expected migration finished. */
export async function checkReadiness(expectedMigrations: readonly string[]): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "shutting_down" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), READINESS_DB_TIMEOUT_MS);
  });
  try {
    const applied = await Promise.race([readAppliedMigrations(), timeout]);
    if (applied === "timeout") return { ready: false, reason: "database_unreachable" };
    const migrations = migrationReadiness(expectedMigrations, applied);
    return migrations.ready ? { ready: true } : migrations;
  } catch (e) {
    console.error("[health] readiness check failed:", describeErrorForLog(e));
    return { ready: false, reason: "database_unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

async function readAppliedMigrations(): Promise<AppliedMigration[]> {
  // to_regclass: a database nobody migrated yet has no such table, which is "pending", not an error.
  const [table] = await db.$queryRaw<Array<{ exists: boolean }>>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table?.exists) return [];
  return db.$queryRaw<AppliedMigration[]>`
    SELECT "migration_name" AS "name", "finished_at" AS "finishedAt", "rolled_back_at" AS "rolledBackAt"
    FROM "_prisma_migrations"`;
}
