import type pg from "pg";

/**
 * A fingerprint of every domain table (row count and a hash of every row), to
 * show that refused writes and GET requests changed nothing. Left out, with
 * the reason:
 * - AuditEvent, AuthSession, RateLimit: every request may write these by
 *   design (audit of reads and denials, the session's last-seen time, sign-in
 *   throttling);
 * - DevMailboxMessage and the worker's columns of OutboxMessage: the
 *   background mail worker moves queued mail along at any moment; a message
 *   queued by a request still shows as a new OutboxMessage row;
 * - reminders, which the background reminder job queues on its own clock,
 *   and its claims of them (AppointmentReminder);
 * - sign-in bookkeeping (User.lastSignInAt, MfaRecoveryCode.usedAt) and
 *   IntakeLink.lastUsedAt, last-seen telemetry the link route keeps like
 *   AuthSession.lastSeenAt (docs/decisions/040-csrf-origin-policy.md).
 */
const SKIPPED_TABLES = new Set([
  "AuditEvent",
  "AuthSession",
  "RateLimit",
  "DevMailboxMessage",
  "AppointmentReminder",
  "_prisma_migrations",
]);
const SKIPPED_COLUMNS: Record<string, string[]> = {
  User: ["lastSignInAt"],
  MfaRecoveryCode: ["usedAt"],
  IntakeLink: ["lastUsedAt"],
  OutboxMessage: ["status", "attempts", "nextAttemptAt", "lockedUntil", "lastError", "sentAt"],
};
const ROW_FILTER: Record<string, string> = { OutboxMessage: `"kind" <> 'appointment.reminder'` };

export type Snapshot = Record<string, { rows: number; hash: string }>;

export async function snapshotDomainTables(db: pg.Client): Promise<Snapshot> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns.rows) {
    if (SKIPPED_TABLES.has(table_name) || SKIPPED_COLUMNS[table_name]?.includes(column_name)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  const out: Snapshot = {};
  for (const [table, cols] of byTable) {
    const row = cols.map((c) => `"${c}"`).join(", ");
    const where = ROW_FILTER[table] ? `WHERE ${ROW_FILTER[table]}` : "";
    const r = await db.query<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS hash
         FROM (SELECT ROW(${row})::text AS x FROM "${table}" ${where}) s`,
    );
    out[table] = r.rows[0]!;
  }
  return out;
}

/** The tables whose rows differ, with the row counts before and after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t]?.hash !== after[t]?.hash)
    .map((t) => `${t}: ${before[t]?.rows ?? "-"} rows -> ${after[t]?.rows ?? "-"} rows (contents changed)`);
}
