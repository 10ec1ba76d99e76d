/**
 * Is the database this build expects? Every migration folder the build was
 * made with must be recorded as finished (and not rolled back) in
 * `_prisma_migrations`. Migrations the build does not know are fine: during a
 * rolling deploy the database moves ahead of the servers still on the old build.
 */

export type AppliedMigration = { name: string; finishedAt: Date | null; rolledBackAt: Date | null };

export type MigrationReadiness =
  | { ready: true }
  | { ready: false; reason: "migrations_failed"; migrations: string[] }
  | { ready: false; reason: "migrations_pending"; migrations: string[] };

export function migrationReadiness(
  expected: readonly string[],
  applied: readonly AppliedMigration[],
): MigrationReadiness {
  // A migration retried after `migrate resolve --rolled-back` leaves its failed row beside the finished one.
  const finished = new Set(applied.filter((m) => m.finishedAt && !m.rolledBackAt).map((m) => m.name));
  const failed = applied
    .filter((m) => !m.finishedAt && !m.rolledBackAt && !finished.has(m.name))
    .map((m) => m.name)
    .sort();
  if (failed.length) return { ready: false, reason: "migrations_failed", migrations: failed };
  const pending = expected.filter((name) => !finished.has(name));
  if (pending.length) return { ready: false, reason: "migrations_pending", migrations: pending };
  return { ready: true };
}
