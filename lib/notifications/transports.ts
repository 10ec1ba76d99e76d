import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import type { Attachment } from "./kinds";

/**
 * Delivers one claimed message and marks it sent. `markSent` must run in the
 * same transaction as a database delivery (dev mailbox) so a crash cannot
 * leave one without the other.
 */
export type Transport = {
  name: string;
  deliver(message: OutboxMessage, markSent: MarkSent): Promise<void>;
};

export type MarkSent = (
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  /** The provider's id for what it accepted (a text's sid), kept on the outbox row. */
  sent?: { providerMessageId?: string },
) => Promise<boolean>;

/**
 * A refusal that no retry can change (an invalid or unsubscribed number): the
 * outbox marks the message failed at once instead of backing off and asking again.
 */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/** Email and texts go by different transports; the worker picks one per message's channel. */
export type Transports = { email: Transport; sms: Transport };

/** Development mailbox: exactly once, because the copy and the "sent" mark commit together. */
export const devMailboxTransport: Transport = {
  name: "dev-mailbox",
  async deliver(message, markSent) {
    await db.$transaction(async (tx) => {
      if (!(await markSent(tx))) return; // our claim lapsed and another worker owns it now
      await tx.devMailboxMessage.create({
        data: {
          outboxId: message.id,
          clinicId: message.clinicId,
          toAddress: message.toAddress,
          subject: message.subject,
          textBody: message.textBody,
          htmlBody: message.htmlBody,
          attachments: message.attachments ?? [],
        },
      });
    });
  },
};

export function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async deliver(message, markSent) {
      await transporter.sendMail({
        from,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody ?? undefined,
        // A stable Message-ID lets mail systems drop the copy if a crash between
        // sending and marking ever makes us send it again.
        messageId: `<${message.id}@mend.outbox>`,
        attachments: ((message.attachments ?? []) as Attachment[]).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      await db.$transaction((tx) => markSent(tx));
    },
  };
}
