import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  // One pool for Prisma and for the few hot statements that skip it (lib/prepared-query.ts).
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
  // An idle connection dropped by the server (a restart, a failover) is an 'error' event on the pool, and one
  // with no listener ends the process. Prisma listens only once it has connected; the pool serves earlier.
  // The pool replaces the connection on the next query.
  pool.on("error", (error) => console.error("[db] an idle database connection failed:", error.message));
  const adapter = new PrismaPg(pool);
  // Password hashes never leave the auth module by accident: they must be selected explicitly.
  const prisma = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  return { prisma, pool };
}

export type Db = ReturnType<typeof createClient>["prisma"];
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { mendDb?: ReturnType<typeof createClient> };

function client(): ReturnType<typeof createClient> {
  globalForDb.mendDb ??= createClient();
  return globalForDb.mendDb;
}

/**
 * Created on first use, not on import: `next build` imports route modules
 * without a database, and tests set DATABASE_URL before the first query.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const c = client().prisma;
    const value: unknown = Reflect.get(c, prop);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

/** The pool under Prisma's adapter, for lib/prepared-query.ts only. */
export function dbPool(): pg.Pool {
  return client().pool;
}

export async function disconnectDb(): Promise<void> {
  const c = globalForDb.mendDb;
  globalForDb.mendDb = undefined;
  if (!c) return;
  // Prisma leaves a pool it was given open; the pool may have served prepared queries without Prisma.
  await c.prisma.$disconnect();
  await c.pool.end();
}
