import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Puts a message parked as failed back in the queue (admin). */
export async function retryFailedMessage(actor: Actor, outboxId: string) {
  await assertCan(actor, "mailbox:read");
  await db.$transaction(async (tx) => {
    const r = await tx.outboxMessage.updateMany({
      where: { id: outboxId, clinicId: actor.clinicId, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (r.count !== 1) throw notFound("That failed message");
    await recordAudit(actor, { action: "outbox.retry", recordType: "OutboxMessage", recordId: outboxId }, tx);
  });
}
