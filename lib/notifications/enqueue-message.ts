import "server-only";
import type { Tx } from "@/lib/db";
import type { Attachment, MessageKind } from "./kinds";

export type NewMessage = {
  clinicId: string;
  kind: MessageKind;
  /** Email unless said; a text goes to an E.164 number and has no subject or HTML. */
  channel?: "email" | "sms";
  /** An email address, or an E.164 number for a text. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: Attachment[];
  patientId?: string | null;
  /** Same key, one message: a retried request cannot queue a second copy. */
  dedupeKey?: string;
  /** Held until then (a text's quiet hours: see textSendTime in quiet-hours-rules). */
  notBefore?: Date;
};

/**
 * Queues a message inside the caller's transaction, so it exists if and only
 * if the change that caused it committed. Delivery happens later (outbox-worker).
 */
export async function enqueueMessage(tx: Tx, message: NewMessage): Promise<string | null> {
  const data = outboxRow(message);
  if (message.dedupeKey) {
    const rows = await tx.outboxMessage.createManyAndReturn({
      data: [data],
      skipDuplicates: true,
      select: { id: true },
    });
    return rows[0]?.id ?? null;
  }
  const row = await tx.outboxMessage.create({ data, select: { id: true } });
  return row.id;
}

/**
 * Queues many messages in one statement (a reminder pass's batch); one whose
 * dedupeKey is already queued is skipped. Returns how many were queued.
 */
export async function enqueueMessages(tx: Tx, messages: NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const r = await tx.outboxMessage.createMany({ data: messages.map(outboxRow), skipDuplicates: true });
  return r.count;
}

function outboxRow(message: NewMessage) {
  return {
    clinicId: message.clinicId,
    kind: message.kind,
    channel: message.channel ?? "email",
    toAddress: message.to,
    subject: message.subject,
    textBody: message.text,
    htmlBody: message.html ?? null,
    attachments: message.attachments ?? [],
    patientId: message.patientId ?? null,
    dedupeKey: message.dedupeKey ?? null,
    ...(message.notBefore ? { nextAttemptAt: message.notBefore } : {}),
  };
}
