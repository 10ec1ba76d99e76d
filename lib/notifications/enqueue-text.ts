import "server-only";
import type { Tx } from "@/lib/db";
import { reachableBy, type ChannelFacts } from "@/lib/patients/message-channel-rules";
import { enqueueMessage, type NewMessage } from "./enqueue-message";
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

export type TextTo = {
  clinicId: string;
  clinicTimeZone: string;
  kind: MessageKind;
  /** The E.164 number, already checked (reachableBy, or the number a reply came from). */
  to: string;
  text: string;
  patientId: string | null;
  visitStartsAt?: Date | null;
  dedupeKey?: string;
  now: Date;
};

/**
 * The outbox row for one text: no subject, held past the clinic's quiet
 * hours (textSendTime). Every text is built here, so none can skip them.
 */
export function textMessage(t: TextTo): NewMessage {
  return {
    clinicId: t.clinicId,
    kind: t.kind,
    channel: "sms",
    to: t.to,
    subject: "",
    text: t.text,
    patientId: t.patientId,
    dedupeKey: t.dedupeKey,
    notBefore: textSendTime(t.now, t.clinicTimeZone, t.visitStartsAt),
  };
}

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
  return enqueueMessage(
    tx,
    textMessage({
      clinicId: t.clinicId,
      clinicTimeZone: t.clinicTimeZone,
      kind: t.kind,
      to,
      text: t.text,
      patientId: t.patient.id,
      visitStartsAt: t.visitStartsAt,
      dedupeKey: t.dedupeKey,
      now: t.now ?? new Date(),
    }),
  );
}
