import type { PrismaClient } from "../../../lib/generated/prisma/client";

/**
 * A fingerprint (row count and a hash of every row's content) of each table
 * that belongs to one clinic, i.e. has a clinicId column: new tables are
 * included without editing this file. Two equal fingerprints mean no row was
 * added, changed or removed in that clinic.
 *
 * Left out, because a refused request legitimately writes there:
 * - AuditEvent: denials and failures are audited (that is the point of it).
 * - AuthSession: every signed-in request moves lastSeenAt (idle timeout).
 * - DevMailboxMessage: only the outbox worker writes it, whenever it delivers
 *   a message queued earlier (by the set-up or an accepted request).
 * - AppointmentReminder: the reminder job claims visits' reminders on its own clock.
 * Compared by row count only, because that worker changes rows:
 * - OutboxMessage: the worker marks messages sent; a new row would still show.
 */
const SKIPPED = new Set(["AuditEvent", "AuthSession", "DevMailboxMessage", "AppointmentReminder"]);
const COUNT_ONLY = new Set(["OutboxMessage"]);
const SKIPPED_COLUMNS: Record<string, string[]> = {};

/** The row as text, without the columns a background job writes. */
function rowText(table: string): string {
  const skipped = SKIPPED_COLUMNS[table];
  return skipped ? `(to_jsonb(x) - ${skipped.map((c) => `'${c}'`).join(" - ")})::text` : "x::text";
}

export type ClinicFingerprint = Record<string, string>;

export async function clinicTables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.column_name = 'clinicId' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  return rows.map((r) => r.table_name).filter((t) => !SKIPPED.has(t));
}

export async function clinicFingerprint(
  prisma: PrismaClient,
  tables: string[],
  clinicId: string,
): Promise<ClinicFingerprint> {
  const parts = tables.map((t) =>
    COUNT_ONLY.has(t)
      ? `SELECT '${t}' AS t, count(*)::text AS f FROM "${t}" WHERE "clinicId" = $1::uuid`
      : `SELECT '${t}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(${rowText(t)}, '|' ORDER BY ${rowText(t)}), '')) AS f FROM "${t}" x WHERE "clinicId" = $1::uuid`,
  );
  // The clinic row itself (its id is the clinic id).
  parts.push(`SELECT 'Clinic' AS t, md5(x::text) AS f FROM "Clinic" x WHERE id = $1::uuid`);
  const rows = await prisma.$queryRawUnsafe<{ t: string; f: string }[]>(parts.join(" UNION ALL "), clinicId);
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: ClinicFingerprint, after: ClinicFingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
