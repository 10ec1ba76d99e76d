import "server-only";
import { textMessage } from "@/lib/notifications/enqueue-text";
import type { Actor, RequestOrigin } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { db, type Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createCallBackTask } from "@/lib/front-desk/front-desk-tasks";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { formatDateTime } from "@/lib/time/format";
import { cancelReplyAction, mayAnswer, readReply, type ReplyKeyword } from "./reply-keyword-rules";
import { replyTexts, type ReplyFacts } from "./reply-text-rules";

/** One text as the provider delivered it (already parsed and, for the webhook, signature-checked). */
export type InboundMessage = { messageSid: string; from: string; to: string; body: string };

export type InboundContext = {
  origin: RequestOrigin;
  now?: Date;
  /** Only this clinic's patients (the development page's simulated replies stay inside the admin's clinic). */
  onlyClinicId?: string;
};

export type InboundOutcome =
  | "opted_out"
  | "opted_in"
  | "helped"
  | "confirmed"
  | "cancelled"
  | "call_back"
  | "no_visit"
  | "unrecognised"
  | "unknown_sender";

export type InboundResult =
  { duplicate: true } | { duplicate: false; inboundTextId: string; outcome: InboundOutcome; keyword: ReplyKeyword };

export const TEXT_CANCEL_REASON = "Cancelled by text reply";

const senderSelect = {
  id: true,
  clinicId: true,
  userId: true,
  firstName: true,
  preferredName: true,
  textConsentAt: true,
  textOptedOutAt: true,
} as const;
type Sender = { id: string; clinicId: string; userId: string | null; firstName: string; preferredName: string | null };

/**
 * The patient acting by text: their portal account when they have one,
 * otherwise the patient record's own id stands in for a user id (the actor
 * role is "patient" and patientId says who; docs/decisions/082).
 */
function textReplyActor(p: Sender, messageSid: string, origin: RequestOrigin): Actor {
  return {
    kind: "user",
    userId: p.userId ?? p.id,
    role: "patient",
    clinicId: p.clinicId,
    patientId: p.id,
    name: p.preferredName ?? p.firstName,
    sessionId: `text-reply:${messageSid}`,
    ip: origin.ip,
    userAgent: origin.userAgent,
  };
}

/**
 * Handles one inbound text: records it once per provider message id (a
 * redelivery does nothing), then acts on the keyword (docs/decisions/082).
 * Unknown senders are recorded and audited, nothing else. Answers go through
 * the outbox (retried, logged, quiet hours), never in the webhook response.
 * The webhook (app/api/sms/inbound) and the development page's simulated
 * replies both come here.
 */
export async function handleInboundText(message: InboundMessage, context: InboundContext): Promise<InboundResult> {
  const now = context.now ?? new Date();
  const keyword = readReply(message.body);
  const scope = context.onlyClinicId ? { clinicId: context.onlyClinicId } : {};
  const senders = await db.patient.findMany({
    where: { phone: message.from, ...scope },
    select: senderSelect,
    orderBy: { createdAt: "asc" },
  });
  // Several patients on one number (a family): a confirm or cancel is about the soonest booked visit among them.
  const upcoming = senders.length
    ? await db.appointment.findFirst({
        where: { patientId: { in: senders.map((s) => s.id) }, status: "booked", startsAt: { gt: now }, ...scope },
        orderBy: { startsAt: "asc" },
        select: { id: true, clinicId: true, patientId: true, startsAt: true, version: true },
      })
    : null;
  const target = (upcoming && senders.find((s) => s.id === upcoming.patientId)) ?? senders[0];
  const row = {
    providerMessageId: message.messageSid,
    fromNumber: message.from,
    toNumber: message.to,
    body: message.body,
    keyword,
  };

  if (!target) {
    const clinicId = context.onlyClinicId ?? null;
    return db.$transaction(async (tx) => {
      const id = await claim(tx, { ...row, clinicId, outcome: "unknown_sender" });
      if (!id) return { duplicate: true } as const;
      await recordAudit(
        { ...context.origin, clinicId, actorId: null, role: "text_sender" },
        {
          action: "text_reply.unknown_sender",
          outcome: "denied",
          recordType: "InboundText",
          recordId: id,
          details: { keyword },
        },
        tx,
      );
      return { duplicate: false, inboundTextId: id, outcome: "unknown_sender", keyword } as const;
    });
  }

  const { clinic, settings } = await bookingContext(target.clinicId);
  const facts: ReplyFacts = { clinicName: clinic.name, clinicPhone: clinic.phone };
  const actor = textReplyActor(target, message.messageSid, context.origin);
  const when = upcoming ? formatDateTime(upcoming.startsAt, clinic.timeZone) : "";
  const answerable = mayAnswer(senders);
  const forTarget = { ...row, clinicId: target.clinicId, patientId: target.id, appointmentId: upcoming?.id ?? null };
  const reply = (tx: Tx, text: string) =>
    enqueueMessage(
      tx,
      textMessage({
        clinicId: target.clinicId,
        clinicTimeZone: clinic.timeZone,
        kind: "text.reply",
        to: message.from,
        text,
        patientId: target.id,
        visitStartsAt: upcoming?.startsAt,
        dedupeKey: `text-reply:${message.messageSid}`,
        now,
      }),
    );

  // Cancelling goes through the booking path (its own transaction, its usual notice), so the text is claimed first.
  let claimedId: string | null = null;
  if (
    keyword === "cancel" &&
    upcoming &&
    cancelReplyAction(upcoming.startsAt.getTime(), now.getTime(), settings.lateCancellationHours) === "cancel"
  ) {
    claimedId = await db.$transaction((tx) => claim(tx, { ...forTarget, outcome: "cancelled" }));
    if (!claimedId) return { duplicate: true };
    try {
      await cancelAppointment(
        actor,
        upcoming.id,
        { expectedVersion: upcoming.version, reason: TEXT_CANCEL_REASON, initiatedBy: "patient" },
        now,
      );
      await recordAudit(actor, {
        action: "text_reply.receive",
        patientId: target.id,
        recordType: "InboundText",
        recordId: claimedId,
        details: { keyword, outcome: "cancelled" },
      });
      return { duplicate: false, inboundTextId: claimedId, outcome: "cancelled", keyword };
    } catch (error) {
      // Not an answer the booking rules gave (the database failed): forget the text so the provider's retry acts on it.
      if (!isAppError(error)) {
        await db.inboundText.delete({ where: { id: claimedId } });
        throw error;
      }
      // The visit changed meanwhile (moved, checked in, cancelled at the desk): a person sorts it out.
    }
  }

  return db.$transaction(async (tx) => {
    const id = claimedId ?? (await claim(tx, { ...forTarget, outcome: "received" }));
    if (!id) return { duplicate: true } as const;
    let outcome: InboundOutcome;
    switch (keyword) {
      case "opt_out": {
        await tx.patient.updateMany({ where: { id: { in: senders.map((s) => s.id) } }, data: { textOptedOutAt: now } });
        for (const s of senders)
          await recordAudit(
            textReplyActor(s, message.messageSid, context.origin),
            { action: "patient.text_opt_out", patientId: s.id, recordType: "Patient", recordId: s.id },
            tx,
          );
        // The one text an opted-out number still gets: the confirmation of the STOP itself.
        await reply(tx, replyTexts.optedOut(facts));
        outcome = "opted_out";
        break;
      }
      case "opt_in": {
        await tx.patient.updateMany({
          where: { id: { in: senders.map((s) => s.id) } },
          data: { textConsentAt: now, textConsentSource: "reply:START", textOptedOutAt: null },
        });
        for (const s of senders)
          await recordAudit(
            textReplyActor(s, message.messageSid, context.origin),
            { action: "patient.text_opt_in", patientId: s.id, recordType: "Patient", recordId: s.id },
            tx,
          );
        await reply(tx, replyTexts.optedIn(facts));
        outcome = "opted_in";
        break;
      }
      case "help":
        if (answerable) await reply(tx, replyTexts.help(facts));
        outcome = "helped";
        break;
      case "confirm": {
        const confirmed = upcoming
          ? await tx.appointment.updateMany({
              where: { id: upcoming.id, clinicId: upcoming.clinicId, status: "booked", startsAt: upcoming.startsAt },
              data: { confirmedAt: now, confirmedVia: "text" },
            })
          : { count: 0 };
        if (upcoming && confirmed.count === 1) {
          await recordAudit(
            actor,
            { action: "appointment.confirm", patientId: target.id, recordType: "Appointment", recordId: upcoming.id },
            tx,
          );
          if (answerable)
            await reply(
              tx,
              replyTexts.confirmed({ ...facts, firstName: target.preferredName ?? target.firstName, when }),
            );
          outcome = "confirmed";
        } else {
          if (answerable) await reply(tx, replyTexts.noVisit(facts));
          outcome = "no_visit";
        }
        break;
      }
      case "cancel": {
        if (!upcoming) {
          if (answerable) await reply(tx, replyTexts.noVisit(facts));
          outcome = "no_visit";
          break;
        }
        const taskId = await createCallBackTask(tx, {
          clinicId: target.clinicId,
          patientId: target.id,
          appointmentId: upcoming.id,
          reason: `Asked by text to cancel the visit on ${when}.`,
        });
        await recordAudit(
          actor,
          { action: "front_desk_task.create", patientId: target.id, recordType: "FrontDeskTask", recordId: taskId },
          tx,
        );
        if (answerable) await reply(tx, replyTexts.willCall({ ...facts, when }));
        outcome = "call_back";
        break;
      }
      default:
        if (answerable) await reply(tx, replyTexts.unrecognised(facts));
        outcome = "unrecognised";
    }
    await tx.inboundText.update({ where: { id }, data: { outcome } });
    await recordAudit(
      actor,
      {
        action: "text_reply.receive",
        patientId: target.id,
        recordType: "InboundText",
        recordId: id,
        details: { keyword, outcome },
      },
      tx,
    );
    return { duplicate: false, inboundTextId: id, outcome, keyword } as const;
  });
}

type ClaimRow = {
  providerMessageId: string;
  fromNumber: string;
  toNumber: string;
  body: string;
  keyword: string;
  outcome: string;
  clinicId: string | null;
  patientId?: string | null;
  appointmentId?: string | null;
};

/** The row that makes a redelivery a no-op: a second insert of the same message id (even concurrent) inserts nothing. */
async function claim(tx: Tx, row: ClaimRow): Promise<string | null> {
  const rows = await tx.inboundText.createManyAndReturn({ data: [row], skipDuplicates: true, select: { id: true } });
  return rows[0]?.id ?? null;
}
