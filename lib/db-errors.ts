/**
 * Reading what Postgres refused, for the errors we turn into answers (a race
 * the earlier check could not see). Checked by shape rather than instanceof:
 * the generated client and its runtime can be loaded as separate module copies
 * (tests, bundler chunks), which breaks instanceof.
 */

type DriverCause = { originalCode?: string; originalMessage?: string; code?: string; message?: string };

function driverCause(error: unknown): DriverCause | null {
  if (typeof error !== "object" || error === null) return null;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  return meta?.driverAdapterError?.cause ?? null;
}

/**
 * The SQLSTATE and message Postgres answered with, when the driver adapter
 * passed them on (raw queries arrive as P2010 with only this to go by).
 */
export function postgresRefusal(error: unknown): { sqlState: string; message: string } | null {
  const cause = driverCause(error);
  const sqlState = cause?.originalCode ?? cause?.code;
  if (!cause || !sqlState) return null;
  return { sqlState, message: cause.originalMessage ?? cause.message ?? "" };
}

/** A unique constraint or unique index refused the write (Prisma P2002, or SQLSTATE 23505 from a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { code?: unknown }).code === "P2002") return true;
  return postgresRefusal(error)?.sqlState === "23505";
}
