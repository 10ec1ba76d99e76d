import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { claimDueMessages, deliverDueMessages } from "@/lib/notifications/outbox-worker";
import { CLAIM_LEASE_MS, MAX_ATTEMPTS } from "@/lib/notifications/retry-rules";
import { devMailboxTransport, type Transport } from "@/lib/notifications/transports";
import { createClinic } from "../factories";

async function queue(clinicId: string, count = 1, dedupeKey?: string) {
  const ids: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await db.$transaction((tx) =>
        enqueueMessage(tx, {
          clinicId,
          kind: "test.message",
          to: `p${i}@test.example`,
          subject: `Hello ${i}`,
          text: "Body",
          dedupeKey,
        }),
      ),
    );
  }
  return ids;
}

const failing: Transport = {
  name: "down",
  async deliver() {
    throw new Error("SMTP connection refused");
  },
};

/** Each test works on its own clinic's messages only. */
const mailboxCount = (clinicId: string) => db.devMailboxMessage.count({ where: { clinicId } });

describe("outbox", () => {
  it("delivers each queued message to the development mailbox exactly once", async () => {
    const clinic = await createClinic();
    await queue(clinic.id, 3);
    await deliverDueMessages(devMailboxTransport, { batchSize: 100 });
    await deliverDueMessages(devMailboxTransport, { batchSize: 100 });
    expect(await mailboxCount(clinic.id)).toBe(3);
    expect(await db.outboxMessage.count({ where: { clinicId: clinic.id, status: "sent" } })).toBe(3);
  });

  it("keeps a message it could not deliver, retries it later with backoff, and parks it as failed after the last attempt", async () => {
    const clinic = await createClinic();
    const [id] = await queue(clinic.id);
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueMessages(failing, { batchSize: 100, now });
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe("SMTP connection refused");
      expect(row.status).toBe(attempt === MAX_ATTEMPTS ? "failed" : "pending");
      // Not due again until its backoff has passed.
      expect((await claimDueMessages(100, now)).map((m) => m.id)).not.toContain(id);
      now = new Date(row.nextAttemptAt.getTime() + 1);
    }
    expect(await db.outboxMessage.count({ where: { id: id! } })).toBe(1);
  });

  it("recovers from a worker that died after claiming: the lease lapses and the message is sent once", async () => {
    const clinic = await createClinic();
    const [id] = await queue(clinic.id);
    const claimed = await claimDueMessages(100);
    expect(claimed.map((m) => m.id)).toContain(id);
    // The dead worker never delivers. Until its lease lapses nobody else may take the message…
    await deliverDueMessages(devMailboxTransport, { batchSize: 100 });
    expect(await mailboxCount(clinic.id)).toBe(0);
    // …after it, another worker delivers it.
    await deliverDueMessages(devMailboxTransport, {
      batchSize: 100,
      now: new Date(Date.now() + CLAIM_LEASE_MS + 1000),
    });
    expect(await mailboxCount(clinic.id)).toBe(1);
  });

  it("never lets two concurrent workers deliver the same message", async () => {
    const clinic = await createClinic();
    await queue(clinic.id, 20);
    await Promise.all(Array.from({ length: 4 }, () => deliverDueMessages(devMailboxTransport, { batchSize: 7 })));
    await deliverDueMessages(devMailboxTransport, { batchSize: 100 });
    expect(await mailboxCount(clinic.id)).toBe(20);
  });

  it("queues one message per dedupe key", async () => {
    const clinic = await createClinic();
    const [first, second] = await queue(clinic.id, 2, `reminder:${clinic.id}`);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await db.outboxMessage.count({ where: { clinicId: clinic.id } })).toBe(1);
  });

  it("queues nothing when the transaction that asked for it rolls back", async () => {
    const clinic = await createClinic();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMessage(tx, {
          clinicId: clinic.id,
          kind: "test.message",
          to: "x@test.example",
          subject: "s",
          text: "t",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxMessage.count({ where: { clinicId: clinic.id } })).toBe(0);
  });
});
