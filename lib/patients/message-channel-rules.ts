/**
 * Where a patient may be reached for reminders and waitlist offers: by the
 * channels they chose, and by text only with recorded consent, no opt-out
 * since, and a stored E.164 number.
 */
export type ChannelFacts = {
  email: string | null;
  phone: string | null;
  messageChannels: "email" | "text" | "both";
  textConsentAt: Date | null;
  textOptedOutAt: Date | null;
};

export type Reachable = { email: string | null; sms: string | null };

const E164 = /^\+[1-9]\d{6,14}$/;

export function mayText(p: Pick<ChannelFacts, "phone" | "textConsentAt" | "textOptedOutAt">): boolean {
  if (!p.phone || !E164.test(p.phone) || !p.textConsentAt) return false;
  return !p.textOptedOutAt || p.textOptedOutAt < p.textConsentAt;
}

/** The addresses to use; a patient who chose text but cannot be texted still gets email, so nobody is left unreached. */
export function reachableBy(p: ChannelFacts): Reachable {
  const sms = p.messageChannels !== "email" && mayText(p) ? p.phone : null;
  const email = p.messageChannels !== "text" || !sms ? p.email : null;
  return { email, sms };
}
