import "server-only";
import { db } from "@/lib/db";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { CLAIM_LEASE_MS, isExhausted, retryDelayMs } from "./retry-rules";
import { PermanentDeliveryError, type Transport, type Transports } from "./transports";
import { describeErrorForLog } from "@/lib/http/log-safe-error";

/**
 * Claims due messages with a lease (FOR UPDATE SKIP LOCKED, so several workers
 * never take the same row), delivers each, and records the outcome. A failed
 * delivery is retried with backoff; a worker that dies mid-batch loses nothing:
 * its lease lapses and the message is claimed again.
 */
export async function claimDueMessages(batchSize: number, now = new Date()): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRaw<OutboxMessage[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
}

export type BatchResult = { sent: number; retried: number; failed: number };

/** One transport for everything (the email-only set-up and its tests), or one per channel. */
function transportFor(transports: Transport | Transports, channel: OutboxMessage["channel"]): Transport {
  return "deliver" in transports ? transports : transports[channel];
}

export async function deliverDueMessages(
  transports: Transport | Transports,
  options: { batchSize?: number; now?: Date } = {},
): Promise<BatchResult> {
  const claimed = await claimDueMessages(options.batchSize ?? 20, options.now);
  const result: BatchResult = { sent: 0, retried: 0, failed: 0 };
  for (const message of claimed) {
    const lease = message.lockedUntil;
    try {
      await transportFor(transports, message.channel).deliver(message, async (tx, sent) => {
        // Fenced by our lease: if it lapsed and someone else claimed the row, this updates nothing.
        const marked = await tx.outboxMessage.updateMany({
          where: { id: message.id, status: "pending", lockedUntil: lease },
          data: {
            status: "sent",
            sentAt: new Date(),
            lockedUntil: null,
            lastError: null,
            ...(sent?.providerMessageId ? { providerMessageId: sent.providerMessageId } : {}),
          },
        });
        return marked.count === 1;
      });
      result.sent++;
    } catch (error) {
      const exhausted = error instanceof PermanentDeliveryError || isExhausted(message.attempts);
      await db.outboxMessage.updateMany({
        where: { id: message.id, status: "pending", lockedUntil: lease },
        data: {
          status: exhausted ? "failed" : "pending",
          lockedUntil: null,
          nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts)),
          lastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
        },
      });
      if (exhausted) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

export type RunningWorker = { stop(): Promise<void> };

const DELIVERY_BATCH = 50;

/**
 * Polls every `intervalMs`, and goes straight on while batches come back full,
 * so a backlog (a minute's reminders for many clinics) drains at delivery speed
 * rather than one batch per interval. `stop()` lets the batch in flight finish,
 * so a restart never cuts a send in half.
 */
export function startOutboxWorker(transports: Transport | Transports, intervalMs = 2000): RunningWorker {
  let stopping = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopping) return;
    let full = false;
    current = deliverDueMessages(transports, { batchSize: DELIVERY_BATCH })
      .then((r) => (full = r.sent + r.retried + r.failed >= DELIVERY_BATCH))
      .catch((e) => console.error("[outbox] batch failed:", describeErrorForLog(e)))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, full ? 0 : intervalMs);
      });
  };
  timer = setTimeout(tick, 500);
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
