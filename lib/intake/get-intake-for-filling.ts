import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditWho, isLinkActor, type IntakeActor } from "./intake-actor";
import { fillableIntakeWhere, intakeOutOfReach } from "./intake-scope";
import { draftAnswersSchema, type DraftAnswers } from "./schema";
import type { IntakeKind, IntakeStepId } from "./steps";

export type IntakeForFilling = {
  id: string;
  kind: IntakeKind;
  revision: number;
  answers: DraftAnswers;
  currentStep: IntakeStepId | null;
  lastSavedAt: string | null;
  psfsActivities: string[];
  hasEmergencyFlag: boolean;
  patient: { firstName: string; preferredName: string | null; hasAccount: boolean };
  clinic: { name: string; phone: string };
};

/** The draft as the patient left it, on whichever device they open it. */
export async function getIntakeForFilling(actor: IntakeActor, intakeId: string): Promise<IntakeForFilling> {
  const where = await fillableIntakeWhere(actor, intakeId);
  const intake = await db.intake.findFirst({
    where,
    select: {
      id: true,
      kind: true,
      status: true,
      revision: true,
      answers: true,
      currentStep: true,
      lastSavedAt: true,
      psfsActivities: true,
      patientId: true,
      patient: { select: { firstName: true, preferredName: true, userId: true } },
      clinic: { select: { name: true, phone: true } },
      redFlags: { where: { tier: "emergency" }, select: { id: true }, take: 1 },
    },
  });
  if (!intake) return intakeOutOfReach(actor, intakeId);
  if (intake.status === "submitted") {
    throw new AppError(isLinkActor(actor) ? "gone" : "conflict", "This intake has already been sent to the clinic.");
  }
  await recordAudit(auditWho(actor), {
    action: "intake.open",
    patientId: intake.patientId,
    recordType: "Intake",
    recordId: intake.id,
    details: isLinkActor(actor) ? { linkId: actor.linkId } : undefined,
  });
  // Stored answers were validated on the way in; parsing again types them and drops anything a newer form removed.
  const parsed = draftAnswersSchema.safeParse(intake.answers);
  return {
    id: intake.id,
    kind: intake.kind,
    revision: intake.revision,
    answers: parsed.success ? parsed.data : {},
    currentStep: (intake.currentStep as IntakeStepId | null) ?? null,
    lastSavedAt: intake.lastSavedAt?.toISOString() ?? null,
    psfsActivities: intake.psfsActivities,
    hasEmergencyFlag: intake.redFlags.length > 0,
    patient: {
      firstName: intake.patient.firstName,
      preferredName: intake.patient.preferredName,
      hasAccount: Boolean(intake.patient.userId),
    },
    clinic: intake.clinic,
  };
}
