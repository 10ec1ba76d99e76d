import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Puts a message parked as failed back in the queue (admin). */
export async function retryFailedMessage(actor: Actor, outboxId: string) {
  await assertCan(actor, "mailbox:read");
  // The id comes from a form: anything but a UUID is simply not one of ours (never a database error).
  if (!z.uuid().safeParse(outboxId).success) throw notFound("That failed message");
  await db.$transaction(async (tx) => {
    const r = await tx.outboxMessage.updateMany({
      where: { id: outboxId, clinicId: actor.clinicId, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (r.count !== 1) throw notFound("That failed message");
    await recordAudit(actor, { action: "outbox.retry", recordType: "OutboxMessage", recordId: outboxId }, tx);
  });
}
