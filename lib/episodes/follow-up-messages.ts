import "server-only";
import { env } from "@/lib/env";
import type { NewMessage } from "@/lib/notifications/enqueue-message";
import { textMessage } from "@/lib/notifications/enqueue-text";
import type { MessageClinic, MessagePatient } from "@/lib/notifications/message-recipient";
import { reachableBy } from "@/lib/patients/message-channel-rules";

/**
 * "Please book your next visit", by the patient's channels (reachableBy), a
 * text held past quiet hours. No clinical detail: a text or email is read on a
 * lock screen or a shared inbox, so it names the clinic and nothing of why.
 * Empty when the patient cannot be reached at all. `sentAt` keys the dedupe:
 * one claim of the episode's reminder clock, one message per channel.
 */
export function followUpMessages(
  p: { patient: MessagePatient; clinic: MessageClinic; episodeId: string },
  sentAt: Date,
): NewMessage[] {
  const to = reachableBy(p.patient);
  const firstName = p.patient.preferredName ?? p.patient.firstName;
  const link = `${env().APP_URL}/portal/appointments`;
  const base = { clinicId: p.clinic.id, kind: "episode.follow_up" as const, patientId: p.patient.id };
  const key = `follow-up:${p.episodeId}:${sentAt.getTime()}`;
  const messages: NewMessage[] = [];
  if (to.sms)
    messages.push(
      textMessage({
        ...base,
        clinicTimeZone: p.clinic.timeZone,
        to: to.sms,
        text: `${p.clinic.name}: Hi ${firstName}, time to book your next visit. ${link} or call ${p.clinic.phone}.`,
        dedupeKey: `${key}:sms`,
        now: sentAt,
      }),
    );
  if (to.email)
    messages.push({
      ...base,
      to: to.email,
      subject: `Time to book your next visit at ${p.clinic.name}`,
      text: [
        `Hello ${firstName},`,
        "",
        `Your plan of care at ${p.clinic.name} has visits still to come, and none is booked for the next while.`,
        `Book your next visit at ${link}, or call us on ${p.clinic.phone}.`,
        "",
        "If you have finished with us or want to pause, just tell us and we will stop these reminders.",
      ].join("\n"),
      dedupeKey: `${key}:email`,
    });
  return messages;
}
