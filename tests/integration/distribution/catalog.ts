import { db } from "@/lib/db";

/** What the database itself holds, read from pg_catalog: the rules a Citus cluster would have to keep. */
export type UniqueRule = {
  table: string;
  name: string;
  kind: "primary key" | "unique" | "exclusion";
  columns: string[];
  /** For an exclusion constraint: whether clinicId is compared with `=` (Citus requires it). */
  clinicIdByEquality: boolean;
};

export type ForeignKey = {
  table: string;
  name: string;
  columns: string[];
  references: string;
  referencedColumns: string[];
};

export async function tablesWithClinicId(): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ table: string }>>`
    SELECT table_name::text AS table FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'clinicId'`;
  return new Set(rows.map((r) => r.table));
}

export async function nullableClinicIdTables(): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ table: string }>>`
    SELECT table_name::text AS table FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'clinicId' AND is_nullable = 'YES'
    ORDER BY 1`;
  return rows.map((r) => r.table);
}

export async function publicTables(): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ table: string }>>`
    SELECT c.relname::text AS table FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
    ORDER BY 1`;
  return rows.map((r) => r.table);
}

/** Every unique index (primary keys and partial ones included) and every exclusion constraint. */
export async function uniqueRules(): Promise<UniqueRule[]> {
  const rows = await db.$queryRaw<
    Array<{ table: string; name: string; primary: boolean; exclusion: boolean; columns: string[]; def: string | null }>
  >`
    SELECT t.relname::text AS table, i.relname::text AS name, ix.indisprimary AS primary, ix.indisexclusion AS exclusion,
           array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
           (SELECT pg_get_constraintdef(con.oid) FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype = 'x') AS def
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> '_prisma_migrations'
      AND (ix.indisunique OR ix.indisexclusion)
    ORDER BY 1, 2`;
  return rows.map((r) => ({
    table: r.table,
    name: r.name,
    kind: r.primary ? "primary key" : r.exclusion ? "exclusion" : "unique",
    columns: r.columns,
    clinicIdByEquality: r.def?.includes('"clinicId" WITH =') ?? false,
  }));
}

export async function foreignKeys(): Promise<ForeignKey[]> {
  return db.$queryRaw<ForeignKey[]>`
    SELECT t.relname::text AS table, c.conname::text AS name, r.relname::text AS references,
           array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
           array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS "referencedColumns"
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
    ORDER BY 1, 2`;
}
