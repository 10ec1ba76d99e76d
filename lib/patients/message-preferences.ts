import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { mayText } from "./message-channel-rules";
import { messagePreferencesSchema, textConsentWording } from "./message-preferences-schema";
import { patientOutOfReach, visiblePatients } from "./patient-access";
import { phonesToE164 } from "./phone-fields";
import { formatPhone } from "./phone-number-rules";

const idSchema = z.uuid();

const preferencesSelect = {
  id: true,
  email: true,
  phone: true,
  messageChannels: true,
  textConsentAt: true,
  textConsentSource: true,
  textOptedOutAt: true,
  clinic: { select: { name: true, country: true } },
} as const;

type Row = Prisma.PatientGetPayload<{ select: typeof preferencesSelect }>;

export type MessagePreferences = {
  patientId: string;
  channels: "email" | "text" | "both";
  email: string | null;
  /** E.164 as stored, and as people in the clinic's country write it. */
  phone: string | null;
  phoneText: string;
  textConsentAt: string | null;
  textConsentSource: string | null;
  textOptedOutAt: string | null;
  /** Consent on file, for this number, not withdrawn since: texts will go. */
  textsAllowed: boolean;
  /** The words a patient agrees to, with this clinic's name. */
  consentWording: string;
};

function dto(p: Row): MessagePreferences {
  return {
    patientId: p.id,
    channels: p.messageChannels,
    email: p.email,
    phone: p.phone,
    phoneText: formatPhone(p.phone, p.clinic.country),
    textConsentAt: p.textConsentAt?.toISOString() ?? null,
    textConsentSource: p.textConsentSource,
    textOptedOutAt: p.textOptedOutAt?.toISOString() ?? null,
    textsAllowed: mayText(p),
    consentWording: textConsentWording(p.clinic.name),
  };
}

async function findVisible(actor: Actor, patientId: string): Promise<Row> {
  if (!idSchema.safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const row = await db.patient.findFirst({
    where: { AND: [{ id: patientId }, visiblePatients(actor)] },
    select: preferencesSelect,
  });
  return row ?? patientOutOfReach(actor, patientId);
}

/**
 * How a patient wants to be reached and their text consent: the patient themself, or staff of their clinic.
 * Not audited as a read of its own, like the intake status beside it: channels and consent times are not
 * health data, the chart read that shows them is audited (patient.read), and every change is.
 */
export async function getMessagePreferences(actor: Actor, patientId: string): Promise<MessagePreferences> {
  await assertCan(actor, actor.role === "patient" ? "patient:read:own" : "patient:read:demographics");
  return dto(await findVisible(actor, patientId));
}

/**
 * Sets the channels. A new opt-in to texts records when and where consent was
 * given ("portal" for the patient, "front_desk" for staff) and clears an
 * earlier opt-out; choosing email only withdraws a standing consent
 * (textOptedOutAt), so nothing more is texted. Consent belongs to a number: a
 * new number needs the box ticked again. Every change is audited with the
 * words agreed to.
 */
export async function setMessagePreferences(
  actor: Actor,
  patientId: string,
  input: unknown,
): Promise<MessagePreferences> {
  await assertCan(actor, actor.role === "patient" ? "message-preferences:write:own" : "patient:update");
  await findVisible(actor, patientId); // 404 (audited) before anything is parsed, locked or written
  const parsed = parseInput(messagePreferencesSchema, input);
  return db.$transaction(async (tx) => {
    // Two saves at once (the patient in the portal, the front desk on the phone) apply one after the other.
    await tx.$queryRaw`SELECT 1 FROM "Patient" WHERE id = ${patientId}::uuid AND "clinicId" = ${actor.clinicId}::uuid FOR UPDATE`;
    const current = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: preferencesSelect });
    const wantsText = parsed.channels !== "email";
    // The number matters only for texts: choosing email never fails on (or changes) the phone on file.
    const typed = wantsText ? parsed.phone : undefined;
    const { phone: typedPhone } = phonesToE164({ phone: typed }, ["phone"], current.clinic.country);
    const phone = typedPhone ?? current.phone;
    const now = new Date();
    const source = actor.role === "patient" ? "portal" : "front_desk";
    const standing = mayText(current) && phone === current.phone;

    if (wantsText && !phone)
      throw new AppError("validation", "Give a mobile number for text messages.", {
        phone: ["Enter the mobile number to text."],
      });
    if (wantsText && !standing && !parsed.consent)
      throw new AppError("validation", "Texts need the patient's consent.", {
        consent: [
          actor.role === "patient"
            ? "Tick the box to agree to text messages, or choose email only."
            : "Tick the box once the patient has agreed to text messages.",
        ],
      });
    if (wantsText && !standing && actor.role !== "patient" && !parsed.consentMethod)
      throw new AppError("validation", "Say how the patient agreed.", {
        consentMethod: ["Choose in person or by phone."],
      });

    const data: {
      messageChannels: "email" | "text" | "both";
      phone?: string | null;
      textConsentAt?: Date | null;
      textConsentSource?: string | null;
      textOptedOutAt?: Date | null;
    } = { messageChannels: parsed.channels };
    let consent: "given" | "withdrawn" | undefined;
    if (phone !== current.phone) data.phone = phone;
    if (wantsText && !standing) {
      Object.assign(data, { textConsentAt: now, textConsentSource: source, textOptedOutAt: null });
      consent = "given";
    } else if (!wantsText && mayText(current)) {
      data.textOptedOutAt = now;
      consent = "withdrawn";
    }

    if (data.phone === undefined && !consent && parsed.channels === current.messageChannels) return dto(current);

    const updated = await tx.patient.update({
      where: { id: current.id },
      // A new number is a change of details: a details form opened before it must not overwrite it.
      data: { ...data, ...(data.phone !== undefined ? { version: { increment: 1 } } : {}) },
      select: preferencesSelect,
    });
    await recordAudit(
      actor,
      {
        action: "patient.message_preferences.update",
        patientId,
        recordType: "Patient",
        recordId: patientId,
        details: {
          channels: { from: current.messageChannels, to: parsed.channels },
          ...(data.phone !== undefined ? { phone: { from: current.phone, to: data.phone } } : {}),
          ...(consent === "given"
            ? {
                consent: "given",
                source,
                ...(parsed.consentMethod ? { method: parsed.consentMethod } : {}),
                wording: textConsentWording(current.clinic.name),
              }
            : consent === "withdrawn"
              ? { consent: "withdrawn", source }
              : {}),
        },
      },
      tx,
    );
    return dto(updated);
  });
}
