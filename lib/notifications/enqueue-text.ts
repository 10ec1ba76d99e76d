import "server-only";
import type { Tx } from "@/lib/db";
import { reachableBy, type ChannelFacts } from "@/lib/patients/message-channel-rules";
import { enqueueMessage } from "./enqueue-message";
import type { MessageKind } from "./kinds";
import { textSendTime } from "./quiet-hours-rules";

export type NewText = {
  clinicId: string;
  /** The clinic's IANA zone: quiet hours are its local 21:00-08:00. */
  clinicTimeZone: string;
  kind: MessageKind;
  patient: ChannelFacts & { id: string };
  /** No clinical detail: first name, clinic, day and time, a link. */
  text: string;
  /** The visit it is about, if any: a text about a visit within 3 hours may go during quiet hours. */
  visitStartsAt?: Date | null;
  dedupeKey?: string;
  now?: Date;
};

/**
 * Queues a text to a patient inside the caller's transaction, only if they
 * chose text (or both), consented for their stored E.164 number and have not
 * opted out since (reachableBy), and not before quiet hours end. Returns the
 * outbox id, or null when nothing was queued (not textable, or a duplicate
 * dedupeKey), so the caller can fall back to email.
 */
export async function enqueueText(tx: Tx, t: NewText): Promise<string | null> {
  const to = reachableBy(t.patient).sms;
  if (!to) return null;
  return enqueueMessage(tx, {
    clinicId: t.clinicId,
    kind: t.kind,
    channel: "sms",
    to,
    subject: "",
    text: t.text,
    patientId: t.patient.id,
    dedupeKey: t.dedupeKey,
    notBefore: textSendTime(t.now ?? new Date(), t.clinicTimeZone, t.visitStartsAt),
  });
}
