import "server-only";
import { createHash } from "node:crypto";
import type { QueryResultRow } from "pg";
import { dbPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs one of the app's hottest read statements as a named prepared statement
 * on Prisma's own pool, bypassing Prisma (docs/decisions/105). Each pooled
 * connection parses and plans the statement once and then only binds values,
 * where `$queryRaw` sent and planned the whole text on every call; and the
 * rows come straight from `pg` (JSON columns parsed once), without Prisma's
 * per-query engine work, which cost more than `SELECT 1` itself.
 *
 * Only for a few fixed statements: every name stays prepared on every pooled
 * connection for the connection's life. The name carries a hash of the text,
 * so a changed statement (a deploy, a dev reload) never meets a stale one of
 * the same name on a connection. Outside a transaction only; the result types
 * are pg's: json → parsed value, int4 → number, bool → boolean, timestamptz →
 * Date, uuid and text → string (cast anything else to one of those in SQL).
 * Behind a pooler, it needs one that keeps protocol-level prepared statements
 * (PgBouncer ≥ 1.21 with max_prepared_statements) or session pooling.
 */
export async function preparedRows<Row>(name: string, query: Prisma.Sql): Promise<Row[]> {
  const text = query.text;
  const result = await dbPool().query<Row & QueryResultRow>({
    name: statementName(name, text),
    text,
    // Instants as ISO strings, whatever the server's own zone (pg would write a Date in local time).
    values: query.values.map((v) => (v instanceof Date ? v.toISOString() : v)),
  });
  return result.rows;
}

/** The last text seen under each name, with its full statement name. */
const statements = new Map<string, { text: string; name: string }>();

function statementName(name: string, text: string): string {
  const known = statements.get(name);
  if (known?.text === text) return known.name;
  const full = `${name}_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
  statements.set(name, { text, name: full });
  return full;
}
