import { z } from "zod";
import { phoneSchema } from "./schema";

export const MESSAGE_CHANNEL_CHOICES = ["email", "text", "both"] as const;
export type MessageChannelChoice = (typeof MESSAGE_CHANNEL_CHOICES)[number];
export const MESSAGE_CHANNEL_LABEL: Record<MessageChannelChoice, string> = {
  email: "Email only",
  text: "Text messages only",
  both: "Email and text messages",
};

/** How the front desk heard the patient agree; kept in the audit row beside the consent. */
export const CONSENT_METHODS = ["in_person", "phone"] as const;
export const CONSENT_METHOD_LABEL: Record<(typeof CONSENT_METHODS)[number], string> = {
  in_person: "In person",
  phone: "By phone",
};

/** Where a recorded consent came from (Patient.textConsentSource), in words. */
export const CONSENT_SOURCE_LABEL: Record<string, string> = {
  portal: "in the patient portal",
  front_desk: "recorded by the front desk",
  "reply:START": "by texting START",
};

/**
 * What the patient agrees to, shown beside the unticked box and kept word for
 * word in the audit row: the clinic name, what kinds of text, how often, how
 * to stop and get help, and that carrier rates may apply (the CTIA's
 * messaging principles ask for each of these at opt-in).
 */
export function textConsentWording(clinicName: string): string {
  return (
    `I agree to receive text messages from ${clinicName} about my appointments (reminders, changes and offers of ` +
    `earlier times), usually no more than 4 a week. Reply STOP to opt out, HELP for help. ` +
    `Message and data rates may apply. Agreeing is not a condition of care.`
  );
}

/**
 * A patient's choice of channels. Choosing text (or both) needs a mobile
 * number (the one on file, or one typed here) and, unless they already
 * agreed for that number, the consent box ticked in this same request.
 */
export const messagePreferencesSchema = z.object({
  channels: z.enum(MESSAGE_CHANNEL_CHOICES, "Choose email, text or both."),
  phone: phoneSchema,
  consent: z.boolean({ error: "Tick the box or leave it empty." }).optional().default(false),
  /** Front desk only: how the patient gave their consent. */
  consentMethod: z
    .union([z.enum(CONSENT_METHODS, "Choose in person or by phone."), z.literal("")])
    .transform((v) => v || undefined)
    .optional(),
});
export type MessagePreferencesInput = z.input<typeof messagePreferencesSchema>;
