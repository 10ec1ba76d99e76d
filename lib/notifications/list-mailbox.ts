import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

/** The clinic's development mailbox and the outbox queue behind it (admin). */
export async function listMailbox(actor: Actor, take = 50) {
  await assertCan(actor, "mailbox:read");
  const [delivered, queued] = await Promise.all([
    db.devMailboxMessage.findMany({ where: { clinicId: actor.clinicId }, orderBy: { deliveredAt: "desc" }, take }),
    db.outboxMessage.findMany({
      where: { clinicId: actor.clinicId, status: { in: ["pending", "failed"] } },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        kind: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        createdAt: true,
      },
    }),
  ]);
  await recordAudit(actor, { action: "mailbox.read", details: { delivered: delivered.length, queued: queued.length } });
  return { delivered, queued };
}
