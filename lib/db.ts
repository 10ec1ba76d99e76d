import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  // Password hashes never leave the auth module by accident: they must be selected explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { mendDb?: Db };

function client(): Db {
  globalForDb.mendDb ??= createClient();
  return globalForDb.mendDb;
}

/**
 * Created on first use, not on import: `next build` imports route modules
 * without a database, and tests set DATABASE_URL before the first query.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const c = client();
    const value: unknown = Reflect.get(c, prop);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForDb.mendDb?.$disconnect();
  globalForDb.mendDb = undefined;
}
