import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";

const refillQuerySchema = z.object({
  days: z.coerce.number().int("Days must be a whole number.").min(1, "At least 1 day.").max(366, "At most 366 days."),
});

export type RefillShare = {
  days: number;
  /** Freed times that started in the last `days` days (up to now). */
  freed: number;
  /** Of those, filled from the waitlist (an accepted offer, or the front desk booking a waiting patient). */
  filled: number;
  /** filled / freed, 0 when nothing was freed. */
  share: number;
  /** Median minutes from the time being freed to it being filled; null when none was filled. */
  medianMinutesToFill: number | null;
};

/**
 * The share of freed times refilled from the waitlist, for the admin's
 * attendance figures (issue 12). Aggregates only, no patient: not audited.
 */
export async function refillShare(actor: Actor, input: unknown, now = new Date()): Promise<RefillShare> {
  await assertCan(actor, "clinic:configure");
  const { days } = parseInput(refillQuerySchema, input);
  const from = new Date(now.getTime() - days * 86_400_000);
  const [row] = await db.$queryRaw<Array<{ freed: number; filled: number; median: number | null }>>`
    SELECT count(*)::int AS freed,
           count(*) FILTER (WHERE "status" = 'filled')::int AS filled,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "filledAt" - "createdAt") / 60)
             FILTER (WHERE "status" = 'filled'))::float8 AS median
    FROM "FreedTime"
    WHERE "clinicId" = ${actor.clinicId}::uuid AND "startsAt" >= ${from} AND "startsAt" < ${now}`;
  const { freed, filled, median } = row!;
  return {
    days,
    freed,
    filled,
    share: freed === 0 ? 0 : filled / freed,
    medianMinutesToFill: median === null ? null : Math.round(median * 10) / 10,
  };
}
