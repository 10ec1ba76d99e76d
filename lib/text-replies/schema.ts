import { z } from "zod";

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "must be a phone number in E.164 form (+15551234567)");

/**
 * The fields Mend reads from the provider's inbound-message webhook (Twilio's
 * shape, form-encoded); the provider sends many more (FromCity, NumMedia...),
 * which are signed over but ignored.
 */
export const inboundSmsSchema = z.object({
  MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, "must be a provider message id (SM + 32 hex digits)"),
  AccountSid: z.string().max(64).optional(),
  From: e164,
  To: z.string().min(1).max(64),
  /** Empty for a picture-only message. 1600 characters is the provider's limit for one message. */
  Body: z.string().max(1600).default(""),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;

/** The development page's stand-in for a patient's phone. */
export const simulateReplySchema = z.object({
  from: e164,
  body: z.string().trim().min(1, "Type the reply.").max(160, "A text is at most 160 characters here."),
});
