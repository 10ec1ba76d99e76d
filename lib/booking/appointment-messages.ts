import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueMessage, type NewMessage } from "@/lib/notifications/enqueue-message";
import { formatLocalDate, formatLocalTime } from "@/lib/time/format";
import { appointmentIcs } from "./appointment-ics";

export type MessageAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  icsSequence: number;
  lateCancellation: boolean;
  cancelReason: string | null;
  therapist: { name: string };
  patient: { id: string; firstName: string; lastName: string; preferredName: string | null; email: string | null };
  appointmentType: { name: string };
};
export type MessageClinic = {
  id: string;
  name: string;
  address: string;
  phone: string;
  email: string | null;
  timeZone: string;
};

/** What the appointment's row must select for a message. */
export const messageAppointmentSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  icsSequence: true,
  lateCancellation: true,
  cancelReason: true,
  therapist: { select: { name: true } },
  patient: { select: { id: true, firstName: true, lastName: true, preferredName: true, email: true } },
  appointmentType: { select: { name: true } },
} as const;

type Kind = "confirmation" | "change" | "cancellation" | "reminder";

const SUBJECT: Record<Kind, string> = {
  confirmation: "Your appointment is booked",
  change: "Your appointment has changed",
  cancellation: "Your appointment is cancelled",
  reminder: "Reminder: your appointment",
};

function when(a: MessageAppointment, clinic: MessageClinic): string {
  // The zone abbreviation is part of the time: on the night clocks go back, 1:30 happens twice.
  return `${formatLocalDate(a.startsAt.getTime(), clinic.timeZone)} at ${formatLocalTime(a.startsAt.getTime(), clinic.timeZone, true)}`;
}

/**
 * Queues the patient's email (with the .ics) in the caller's transaction, so
 * it exists exactly when the change committed. Patients without an email
 * address get nothing (the front desk phones them).
 */
export async function enqueueAppointmentEmail(
  tx: Tx,
  kind: Kind,
  a: MessageAppointment,
  clinic: MessageClinic,
  options: { dedupeKey?: string; previousStart?: Date } = {},
): Promise<string | null> {
  const message = appointmentEmail(kind, a, clinic, options);
  return message ? enqueueMessage(tx, message) : null;
}

/** The patient's email about the appointment, or null when the patient has no address. */
export function appointmentEmail(
  kind: Kind,
  a: MessageAppointment,
  clinic: MessageClinic,
  options: { dedupeKey?: string; previousStart?: Date } = {},
): NewMessage | null {
  if (!a.patient.email) return null;
  const name = a.patient.preferredName ?? a.patient.firstName;
  const lines: string[] = [`Hello ${name},`, ""];
  const visit = `${a.appointmentType.name} with ${a.therapist.name}`;
  if (kind === "confirmation") lines.push(`Your ${visit} is booked for ${when(a, clinic)}.`);
  if (kind === "change")
    lines.push(
      `Your ${visit} has moved${options.previousStart ? ` from ${formatLocalDate(options.previousStart.getTime(), clinic.timeZone)} at ${formatLocalTime(options.previousStart.getTime(), clinic.timeZone, true)}` : ""} to ${when(a, clinic)}.`,
    );
  if (kind === "cancellation") {
    lines.push(`Your ${visit} on ${when(a, clinic)} is cancelled.`);
    if (a.cancelReason) lines.push(`Reason: ${a.cancelReason}`);
    if (a.lateCancellation) lines.push("This was a late cancellation under the clinic's policy.");
  }
  if (kind === "reminder") lines.push(`This is a reminder of your ${visit} on ${when(a, clinic)}.`);
  lines.push(
    "",
    `${clinic.name}, ${clinic.address}`,
    `To change or cancel, visit ${env().APP_URL}/portal/appointments or call ${clinic.phone}.`,
    "",
    "The attached calendar file adds or updates the visit in your calendar.",
  );
  const ics = appointmentIcs(
    {
      id: a.id,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      icsSequence: a.icsSequence,
      cancelled: kind === "cancellation",
      summary: `${a.appointmentType.name} at ${clinic.name}`,
      description: `${visit}. Call ${clinic.phone} to change it.`,
      patientName: `${a.patient.firstName} ${a.patient.lastName}`,
      patientEmail: a.patient.email,
    },
    clinic,
  );
  return {
    clinicId: clinic.id,
    kind: `appointment.${kind}`,
    to: a.patient.email,
    subject: `${SUBJECT[kind]}: ${when(a, clinic)}`,
    text: lines.join("\n"),
    patientId: a.patient.id,
    attachments: [
      {
        filename: kind === "cancellation" ? "cancel.ics" : "invite.ics",
        contentType: `text/calendar; charset=utf-8; method=${kind === "cancellation" ? "CANCEL" : "REQUEST"}`,
        content: ics,
      },
    ],
    dedupeKey: options.dedupeKey,
  };
}
