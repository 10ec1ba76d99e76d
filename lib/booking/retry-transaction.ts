import "server-only";

/**
 * Safety net for a deadlock or write conflict Postgres resolved by aborting us
 * (40P01/40001, Prisma's P2034): racing inserts can deadlock inside an
 * exclusion constraint's check. booking-locks.ts prevents the common case;
 * anything left is retried, and by then the other transaction has finished, so
 * the retry gets a clean 23P01 (→ 409) or succeeds. Bounded, jittered.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  if (e?.code === "P2034") return true;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode;
  return code === "40P01" || code === "40001";
}
