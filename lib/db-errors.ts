/**
 * Prisma error codes we act on. Checked by shape rather than instanceof: the
 * generated client and its runtime can be loaded as separate module copies
 * (tests, bundler chunks), which breaks instanceof.
 */
function prismaCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === "PrismaClientKnownRequestError" && typeof e.code === "string" ? e.code : undefined;
}

/** Postgres refused a duplicate (unique index): a race the earlier check could not see. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}
