/**
 * The rows a patient message is built from: who (name, channels, consent) and
 * which clinic (name, phone, zone for quiet hours). One select for every
 * message that goes to a patient outside a visit (waitlist offers, follow-up
 * nudges), so none forgets the consent columns.
 */
import type { ChannelFacts } from "@/lib/patients/message-channel-rules";

export type MessagePatient = ChannelFacts & { id: string; firstName: string; preferredName: string | null };
export type MessageClinic = { id: string; name: string; phone: string; timeZone: string };

export const messagePatientSelect = {
  id: true,
  firstName: true,
  preferredName: true,
  email: true,
  phone: true,
  messageChannels: true,
  textConsentAt: true,
  textOptedOutAt: true,
} as const;

export const messageClinicSelect = { id: true, name: true, phone: true, timeZone: true } as const;
