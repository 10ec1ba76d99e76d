import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatDateOnly } from "@/lib/time/format";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { patientOutOfReach } from "@/lib/patients/patient-access";
import { parseInput } from "@/lib/validation";
import { FORM_VERSION, linkExpiry } from "./intake-rules";
import { newLinkToken } from "./link-token";
import { isUniqueViolation } from "@/lib/db-errors";
import type { DraftAnswers } from "./schema";
import { INTAKE_KINDS, type IntakeKind } from "./steps";
import { openEpisodeIdOf } from "@/lib/episodes/open-episode";
import { localDateOfDateColumn } from "@/lib/time/date-column";

export const sendIntakeLinkSchema = z.object({
  kind: z.enum(INTAKE_KINDS, { error: "Choose an intake or a follow-up questionnaire." }).default("initial"),
});

export type SentIntakeLink = {
  intakeId: string;
  url: string;
  expiresAt: Date;
  emailedTo: string | null;
  resent: boolean;
};

type PatientForLink = {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: Date;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  city: string | null;
  postalCode: string | null;
};

/** The draft a new intake starts from: contact details already on file, or the PSFS activities to re-rate. */
async function startingPoint(tx: Tx, actor: Actor, patient: PatientForLink, kind: IntakeKind) {
  if (kind === "initial") {
    const done = await tx.intake.findFirst({
      where: { clinicId: actor.clinicId, patientId: patient.id, kind: "initial", status: "submitted" },
      select: { id: true },
    });
    if (done)
      throw new AppError(
        "conflict",
        "This patient has already submitted their intake. Send a follow-up questionnaire instead.",
      );
    const answers: DraftAnswers = {
      contact: {
        firstName: patient.firstName,
        lastName: patient.lastName,
        preferredName: patient.preferredName ?? "",
        dateOfBirth: localDateOfDateColumn(patient.dateOfBirth),
        email: patient.email ?? "",
        phone: patient.phone ?? "",
        addressLine: patient.addressLine ?? "",
        city: patient.city ?? "",
        postalCode: patient.postalCode ?? "",
      },
    };
    return { answers, psfsActivities: [] as string[] };
  }
  const baseline = await tx.intake.findFirst({
    where: { clinicId: actor.clinicId, patientId: patient.id, status: "submitted" },
    orderBy: { submittedAt: "asc" },
    select: { scores: true },
  });
  if (!baseline)
    throw new AppError("conflict", "Send a follow-up questionnaire once the patient has submitted their first intake.");
  const activities =
    (baseline.scores as { psfs?: { activities?: { activity: string }[] } } | null)?.psfs?.activities?.map(
      (a) => a.activity,
    ) ?? [];
  const answers: DraftAnswers = { psfs: { activities: activities.map((activity) => ({ activity, rating: null })) } };
  return { answers, psfsActivities: activities };
}

async function sendOnce(actor: Actor, patient: PatientForLink, kind: IntakeKind, now: Date): Promise<SentIntakeLink> {
  const { token, hash } = newLinkToken();
  const expiresAt = linkExpiry(now);
  const url = `${env().APP_URL}/intake/${token}`;
  return db.$transaction(async (tx) => {
    const existing = await tx.intake.findFirst({
      where: { clinicId: actor.clinicId, patientId: patient.id, kind, status: "draft" },
      select: { id: true },
    });
    const intake =
      existing ??
      (await tx.intake.create({
        data: {
          clinicId: actor.clinicId,
          patientId: patient.id,
          kind,
          formVersion: FORM_VERSION,
          requestedById: actor.userId,
          // A new intake joins the patient's open episode (decision 089): a follow-up is its progress measure.
          episodeId: await openEpisodeIdOf(tx, actor.clinicId, patient.id),
          ...(await startingPoint(tx, actor, patient, kind)),
        },
        select: { id: true },
      }));
    // One live link per intake: a resend retires the old one, the draft carries on.
    await tx.intakeLink.updateMany({
      where: { intakeId: intake.id, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    const link = await tx.intakeLink.create({
      data: {
        clinicId: actor.clinicId,
        intakeId: intake.id,
        patientId: patient.id,
        tokenHash: hash,
        expiresAt,
        createdById: actor.userId,
        sentTo: patient.email,
        createdAt: now,
      },
      select: { id: true },
    });
    if (patient.email) {
      const clinic = await tx.clinic.findUniqueOrThrow({
        where: { id: actor.clinicId },
        select: { name: true, phone: true },
      });
      const what = kind === "initial" ? "your intake form" : "a short progress questionnaire";
      // No clinical content in email: only who is asking, the link and how long it works.
      await enqueueMessage(tx, {
        clinicId: actor.clinicId,
        kind: "intake.link",
        to: patient.email,
        patientId: patient.id,
        dedupeKey: `intake-link:${link.id}`,
        subject:
          kind === "initial" ? `${clinic.name}: your intake form` : `${clinic.name}: a short progress questionnaire`,
        text: [
          `Hello ${patient.preferredName ?? patient.firstName},`,
          "",
          `${clinic.name} asks you to fill in ${what} before your visit. It saves as you go, so you can stop and come back.`,
          "",
          url,
          "",
          `This link is for you only and works until ${formatDateOnly(expiresAt)}. If you did not expect it, please call us at ${clinic.phone}.`,
        ].join("\n"),
      });
    }
    await recordAudit(
      actor,
      {
        action: existing ? "intake_link.resend" : "intake_link.send",
        patientId: patient.id,
        recordType: "Intake",
        recordId: intake.id,
        details: { kind, linkId: link.id, emailed: Boolean(patient.email) },
      },
      tx,
    );
    return { intakeId: intake.id, url, expiresAt, emailedTo: patient.email, resent: Boolean(existing) };
  });
}

/**
 * Front desk sends (or resends) an intake link for a registered patient. The
 * link is shown once to copy and emailed through the outbox; only its hash is
 * stored. A patient has at most one open draft of each kind, so resending keeps
 * what they already typed.
 */
export async function sendIntakeLink(actor: Actor, patientId: string, input: unknown, now = new Date()) {
  await assertCan(actor, "intake-link:send", { patientId });
  const { kind } = parseInput(sendIntakeLinkSchema, input);
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      dateOfBirth: true,
      email: true,
      phone: true,
      addressLine: true,
      city: true,
      postalCode: true,
    },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  try {
    return await sendOnce(actor, patient, kind, now);
  } catch (error) {
    // Two sends raced to create the draft; the loser joins the winner's draft.
    if (isUniqueViolation(error)) return sendOnce(actor, patient, kind, now);
    throw error;
  }
}
