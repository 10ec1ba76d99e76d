import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { startOutboxWorker, type RunningWorker } from "@/lib/notifications/outbox-worker";
import { devMailboxTransport } from "@/lib/notifications/transports";
import { createStaffActor } from "../../factories";
import { clinicWithVisits, remindersOf } from "../../factories/reminders";

const HOUR = 3_600_000;

/** Polls until `done()` holds; the test's own timeout bounds the wait (no wall-clock assertion). */
async function eventually(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((r) => setTimeout(r, 200));
}

const running: Array<JobRunner | RunningWorker> = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

describe("background jobs on two servers", () => {
  it(
    "two job runners queue every due reminder exactly once and seal the audit trail",
    { timeout: 120_000 },
    async () => {
      const now = new Date();
      const { clinic, appointments } = await clinicWithVisits(
        400,
        { from: new Date(now.getTime() + HOUR), to: new Date(now.getTime() + 20 * HOUR) },
        { therapists: 2 },
      );
      const admin = await createStaffActor(clinic.id, "admin");
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => recordAudit(admin, { action: "staff.list", details: { i } })),
      );

      // Two "servers", starting at once: both install the library's schema and both ask for a pass now.
      const runners = await Promise.all([
        startJobRunner(process.env.DATABASE_URL!),
        startJobRunner(process.env.DATABASE_URL!),
      ]);
      running.push(...runners);

      await eventually(async () => (await remindersOf(clinic.id)).length >= appointments.length);
      await eventually(async () => (await db.auditEvent.count({ where: { chainSeq: null } })) === 0);
      // Let any second pass that was going to happen run before counting copies.
      await eventually(
        async () =>
          (
            await db.$queryRaw<
              Array<{ n: number }>
            >`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'reminders:queue-due' AND locked_at IS NOT NULL`
          )[0]!.n === 0,
      );
      const queued = await remindersOf(clinic.id);
      expect(queued).toHaveLength(appointments.length);
      expect(new Set(queued.map((r) => r.appointmentId)).size).toBe(appointments.length);
    },
  );

  it("two delivery loops deliver each queued message exactly once", { timeout: 120_000 }, async () => {
    const clinic = (await clinicWithVisits(0, { from: new Date(), to: new Date() })).clinic;
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 150; i++)
        await enqueueMessage(tx, {
          clinicId: clinic.id,
          kind: "test.message",
          to: `p${i}@test.example`,
          subject: "s",
          text: "t",
        });
    });
    running.push(startOutboxWorker(devMailboxTransport, 50), startOutboxWorker(devMailboxTransport, 50));
    await eventually(
      async () => (await db.outboxMessage.count({ where: { clinicId: clinic.id, status: "pending" } })) === 0,
    );
    expect(await db.devMailboxMessage.count({ where: { clinicId: clinic.id } })).toBe(150);
    expect(await db.outboxMessage.count({ where: { clinicId: clinic.id, status: "sent", attempts: 1 } })).toBe(150);
  });
});
