import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/job-runner";
import { OFFER_PASS_TASK, wakeOfferPass } from "@/lib/waitlist/freed-times";

describe("waking the offer pass", () => {
  it("is harmless before the job schema exists, then queues one wake-up job however often it is asked", async () => {
    await expect(wakeOfferPass()).resolves.toBeUndefined();
    // A runner installs the library's schema; stopped again so the queued job stays to be counted.
    const runner = await startJobRunner(process.env.DATABASE_URL!);
    await runner.stop();
    await Promise.all([wakeOfferPass(), wakeOfferPass(), wakeOfferPass()]);
    const jobs = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${OFFER_PASS_TASK} AND key = 'waitlist-wake'`;
    expect(jobs[0]!.n).toBe(1);
  }, 60_000);
});
