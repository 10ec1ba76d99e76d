import "server-only";
import { textMessage } from "@/lib/notifications/enqueue-text";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueMessages, type NewMessage } from "@/lib/notifications/enqueue-message";
import {
  messageClinicSelect,
  messagePatientSelect,
  type MessageClinic,
  type MessagePatient,
} from "@/lib/notifications/message-recipient";
import { reachableBy, type Reachable } from "@/lib/patients/message-channel-rules";
import { offerText, offerWhen, takenText } from "./offer-rules";

export const offerLinkOf = (token: string) => `${env().APP_URL}/waitlist/offer/${token}`;

/** The offer by the channels decided for it (offerChannels): the link is the only way to answer. */
export function offerMessages(
  p: { patient: MessagePatient; clinic: MessageClinic; to: Reachable; offerId: string; startsAt: Date },
  token: string,
  holdMinutes: number,
  now: Date,
): NewMessage[] {
  const firstName = p.patient.preferredName ?? p.patient.firstName;
  const link = offerLinkOf(token);
  const when = offerWhen(p.startsAt, p.clinic.timeZone);
  const base = { clinicId: p.clinic.id, kind: "waitlist.offer" as const, patientId: p.patient.id };
  const messages: NewMessage[] = [];
  if (p.to.sms)
    messages.push(
      textMessage({
        ...base,
        clinicTimeZone: p.clinic.timeZone,
        to: p.to.sms,
        text: offerText({
          firstName,
          clinicName: p.clinic.name,
          startsAt: p.startsAt,
          timeZone: p.clinic.timeZone,
          link,
          holdMinutes,
        }),
        // Overnight the text waits for 08:00, and the hold starts then too (offerHoldUntil).
        dedupeKey: `waitlist-offer:${p.offerId}:sms`,
        now,
      }),
    );
  if (p.to.email)
    messages.push({
      ...base,
      to: p.to.email,
      subject: `A time opened at ${p.clinic.name}: ${when}`,
      text: [
        `Hello ${firstName},`,
        "",
        `You are on the waitlist at ${p.clinic.name}, and a time has opened on ${when}.`,
        `It is held for you for ${holdMinutes} minutes. To take it (or let it go to the next person), open:`,
        link,
        "",
        `Questions? Call ${p.clinic.phone}.`,
      ].join("\n"),
      dedupeKey: `waitlist-offer:${p.offerId}:email`,
    });
  return messages;
}

/** "Someone else took it": by the patient's usual channels, a text waiting out quiet hours. */
export function takenMessages(
  p: { patient: MessagePatient; clinic: MessageClinic; offerId: string; startsAt: Date },
  now: Date,
): NewMessage[] {
  const to = reachableBy(p.patient);
  const firstName = p.patient.preferredName ?? p.patient.firstName;
  const base = { clinicId: p.clinic.id, kind: "waitlist.taken" as const, patientId: p.patient.id };
  const text = takenText({ firstName, clinicName: p.clinic.name, startsAt: p.startsAt, timeZone: p.clinic.timeZone });
  const messages: NewMessage[] = [];
  if (to.sms)
    messages.push(
      textMessage({
        ...base,
        clinicTimeZone: p.clinic.timeZone,
        to: to.sms,
        text,
        dedupeKey: `waitlist-taken:${p.offerId}:sms`,
        now,
      }),
    );
  if (to.email)
    messages.push({
      ...base,
      to: to.email,
      subject: `That time has been taken: ${offerWhen(p.startsAt, p.clinic.timeZone)}`,
      text: [
        `Hello ${firstName},`,
        "",
        `Someone else took the time on ${offerWhen(p.startsAt, p.clinic.timeZone)} at ${p.clinic.name} first.`,
        "You are still on the waitlist, and we will offer you the next time that fits.",
        "",
        `${env().APP_URL}/portal`,
      ].join("\n"),
      dedupeKey: `waitlist-taken:${p.offerId}:email`,
    });
  return messages;
}

/**
 * Ends pending offers whose time went (to another patient, or otherwise) as
 * "taken", puts their entries back to waiting and tells those patients, in
 * the caller's transaction.
 */
export async function releaseOffersAsTaken(tx: Tx, offerIds: string[], now: Date): Promise<number> {
  if (offerIds.length === 0) return 0;
  const taken = await tx.waitlistOffer.updateManyAndReturn({
    where: { id: { in: offerIds }, status: "pending" },
    data: { status: "taken" },
    select: { id: true, clinicId: true, entryId: true, startsAt: true },
  });
  if (taken.length === 0) return 0;
  await tx.waitlistEntry.updateMany({
    where: { id: { in: taken.map((o) => o.entryId) }, status: "offered" },
    data: { status: "waiting" },
  });
  const [entries, clinics] = await Promise.all([
    tx.waitlistEntry.findMany({
      where: { id: { in: taken.map((o) => o.entryId) } },
      select: { id: true, patient: { select: messagePatientSelect } },
    }),
    tx.clinic.findMany({
      where: { id: { in: [...new Set(taken.map((o) => o.clinicId))] } },
      select: messageClinicSelect,
    }),
  ]);
  const patientOf = new Map(entries.map((e) => [e.id, e.patient]));
  const clinicOf = new Map(clinics.map((c) => [c.id, c]));
  await enqueueMessages(
    tx,
    taken.flatMap((o) =>
      takenMessages(
        { patient: patientOf.get(o.entryId)!, clinic: clinicOf.get(o.clinicId)!, offerId: o.id, startsAt: o.startsAt },
        now,
      ),
    ),
  );
  return taken.length;
}
