import "server-only";
import { db, type Tx } from "@/lib/db";

export type FreedTimeInput = {
  clinicId: string;
  therapistId: string;
  startsAt: Date;
  /** The end of the therapist's blocked stretch (the visit's buffer included: decision 087). */
  endsAt: Date;
  /** What freed it; the same key raises offers once (unique per clinic). */
  sourceKey: string;
  /** When it was freed (a simulated clock in the sim; the request's clock otherwise). */
  freedAt?: Date;
};

/**
 * Records time that became free, inside the transaction that freed it, so it
 * exists exactly when the cancellation (move, extra hours) committed. A
 * repeat of the same event (a retried request, a second server) is skipped by
 * the (clinicId, sourceKey) unique index.
 */
export async function recordFreedTime(tx: Tx, input: FreedTimeInput): Promise<void> {
  await tx.freedTime.createMany({
    data: [
      {
        clinicId: input.clinicId,
        therapistId: input.therapistId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        sourceKey: input.sourceKey,
        ...(input.freedAt ? { createdAt: input.freedAt } : {}),
      },
    ],
    skipDuplicates: true,
  });
}

export const OFFER_PASS_TASK = "waitlist:offer-pass";

/**
 * Asks the background jobs for an offer pass now instead of at the next
 * recurring one (~15 s), after the freeing transaction committed. Through
 * graphile-worker's own SQL function, so any app server can ask whether or not
 * it runs jobs itself; the job key keeps one wake-up queued however many
 * cancellations arrive. Best effort: the recurring pass is the guarantee.
 */
export async function wakeOfferPass(): Promise<void> {
  try {
    await db.$executeRaw`SELECT graphile_worker.add_job(${OFFER_PASS_TASK}, json_build_object('wake', true), job_key := 'waitlist-wake', max_attempts := 1)`;
  } catch {
    // No job schema yet (jobs never started on this database, e.g. tests): the recurring pass covers it.
  }
}
