import "server-only";
import { db } from "@/lib/db";
import type { TwilioConfig } from "@/lib/env";
import { PermanentDeliveryError, type Transport } from "./transports";

/**
 * Development text inbox: exactly once, because the copy and the "sent" mark
 * commit together (as the development mailbox does for email).
 */
export const devTextInboxTransport: Transport = {
  name: "dev-text-inbox",
  async deliver(message, markSent) {
    await db.$transaction(async (tx) => {
      if (!(await markSent(tx))) return; // our claim lapsed and another worker owns it now
      await tx.devTextMessage.create({
        data: {
          outboxId: message.id,
          clinicId: message.clinicId,
          toNumber: message.toAddress,
          patientId: message.patientId,
          body: message.textBody,
        },
      });
    });
  },
};

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Texts through Twilio's Messages API: one form-encoded POST per message
 * (docs/decisions/080). A 4xx is Twilio refusing this message (21211 invalid
 * number, 21610 the recipient replied STOP): asking again cannot help, so it
 * fails at once. A 5xx, 429, 401/403 or network error may pass on a later try, so it
 * goes back to the outbox's backoff. Twilio has no idempotency key for
 * Messages, so a crash between its answer and our "sent" mark can send twice;
 * the window is one HTTP round trip.
 */
export function twilioTransport(config: TwilioConfig, fetchImpl: typeof fetch = fetch): Transport {
  const url = `${config.apiBase.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  return {
    name: "twilio",
    async deliver(message, markSent) {
      const form = new URLSearchParams({ To: message.toAddress, Body: message.textBody });
      if ("from" in config.sender) form.set("From", config.sender.from);
      else form.set("MessagingServiceSid", config.sender.messagingServiceSid);
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => null)) as {
        sid?: unknown;
        code?: unknown;
        message?: unknown;
      } | null;
      if (!response.ok) {
        const detail = `Twilio ${response.status}${body?.code ? ` (${String(body.code)})` : ""}: ${
          typeof body?.message === "string" ? body.message : response.statusText
        }`;
        // 401/403 are our credentials, not the message: retried, so fixing the settings saves the queue.
        const ours = response.status === 401 || response.status === 403 || response.status === 429;
        if (response.status >= 400 && response.status < 500 && !ours) throw new PermanentDeliveryError(detail);
        throw new Error(detail);
      }
      const sid = typeof body?.sid === "string" ? body.sid : undefined;
      await db.$transaction((tx) => markSent(tx, { providerMessageId: sid }));
    },
  };
}
