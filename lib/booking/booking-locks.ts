import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Queues bookings that touch the same therapist or patient, inside their
 * transaction, before the INSERT. The exclusion constraints stay the
 * guarantee; this only stops racing inserts deadlocking in the constraint's
 * index check (each waiting for the other; Postgres then aborts one a second
 * later), so a loser gets its 409 at once. Keys are taken in sorted order, so
 * two bookings never hold them crosswise.
 */
export async function lockBookingParties(
  tx: Tx,
  parties: { therapistIds: string[]; patientId: string },
): Promise<void> {
  const keys = [
    ...new Set([...parties.therapistIds.map((t) => `therapist:${t}`), `patient:${parties.patientId}`]),
  ].sort();
  // One round trip: unnest yields the keys in array order and each row's lock is taken as it is
  // produced, so the sorted order holds within the statement.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) AS k`;
}
