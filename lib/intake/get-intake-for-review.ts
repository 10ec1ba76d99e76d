import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { PainMark } from "@/lib/pain-map/schema";
import type { PainRegionCode } from "@/lib/pain-map/regions";
import { computeScores, painSummaryOf, type IntakeScores } from "./intake-rules";
import type { RedFlagTier } from "./red-flag-rules";
import { draftAnswersSchema, type DraftAnswers } from "./schema";
import type { IntakeKind } from "./steps";

export type IntakeForReview = {
  id: string;
  kind: IntakeKind;
  /** Clinicians may open a draft (an emergency flag can be raised before submitting). */
  status: "draft" | "submitted";
  formVersion: string;
  submittedAt: Date | null;
  lastSavedAt: Date | null;
  answers: DraftAnswers;
  marks: PainMark[];
  scores: IntakeScores;
  painSummary: string;
  redFlags: {
    id: string;
    ruleId: string;
    tier: RedFlagTier;
    label: string;
    ruleVersion: string;
    raisedAt: Date;
    acknowledgedAt: Date | null;
    acknowledgedByName: string | null;
    acknowledgementNote: string | null;
  }[];
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    preferredName: string | null;
    dateOfBirth: Date;
    sex: string | null;
  };
};

const TIER_RANK: Record<RedFlagTier, number> = { emergency: 0, same_day: 1, routine: 2 };

/**
 * An intake in full: for clinicians of the patient's clinic (submitted, or a
 * draft in progress, whose scores are computed on the fly), or the patient
 * themself once submitted. The front desk cannot read it (minimum necessary).
 * Audited.
 */
export async function getIntakeForReview(actor: Actor, intakeId: string): Promise<IntakeForReview> {
  const intake = await loadIntakeForReview(actor, intakeId);
  await recordAudit(actor, {
    action: "intake.read",
    patientId: intake.patient.id,
    recordType: "Intake",
    recordId: intake.id,
  });
  return intake;
}

/**
 * The same intake without the read's audit row, for callers that audit what
 * they do with it themselves (the FHIR export is one export, not a read and an
 * export). Denials are still audited here.
 */
export async function loadIntakeForReview(actor: Actor, intakeId: string): Promise<IntakeForReview> {
  const own = actor.role === "patient";
  await assertCan(actor, own ? "intake:read:own" : "intake:read");
  if (!z.uuid().safeParse(intakeId).success) return reviewOutOfReach(actor, intakeId);
  const intake = await db.intake.findFirst({
    where: {
      id: intakeId,
      clinicId: actor.clinicId,
      ...(own ? { status: "submitted", patientId: actor.patientId ?? "00000000-0000-0000-0000-000000000000" } : {}),
    },
    select: {
      id: true,
      kind: true,
      status: true,
      formVersion: true,
      submittedAt: true,
      lastSavedAt: true,
      answers: true,
      scores: true,
      painSummary: true,
      marks: { select: { regionCode: true, intensity: true, qualities: true, role: true, spreadFrom: true } },
      redFlags: {
        select: {
          id: true,
          ruleId: true,
          tier: true,
          label: true,
          ruleVersion: true,
          raisedAt: true,
          acknowledgedAt: true,
          acknowledgedByName: true,
          acknowledgementNote: true,
        },
      },
      patient: {
        select: { id: true, firstName: true, lastName: true, preferredName: true, dateOfBirth: true, sex: true },
      },
    },
  });
  if (!intake) return reviewOutOfReach(actor, intakeId);
  const parsed = draftAnswersSchema.safeParse(intake.answers);
  const answers = parsed.success ? parsed.data : {};
  const draftMarks = answers.painMap?.marks ?? [];
  // Submitted: the stored rows, in the order the patient marked them. Draft: the rated marks so far.
  const order = new Map(draftMarks.map((m, i) => [m.code, i]));
  const marks: PainMark[] =
    intake.status === "submitted"
      ? intake.marks
          .map((m) => ({
            code: m.regionCode as PainRegionCode,
            intensity: m.intensity,
            qualities: m.qualities as PainMark["qualities"],
            role: m.role,
            spreadFrom: (m.spreadFrom ?? null) as PainRegionCode | null,
          }))
          .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99))
      : draftMarks
          .filter((m) => m.intensity !== null)
          .map((m) => ({
            ...m,
            code: m.code as PainRegionCode,
            intensity: m.intensity!,
            spreadFrom: m.spreadFrom as PainRegionCode | null,
          }));
  return {
    id: intake.id,
    kind: intake.kind,
    status: intake.status,
    formVersion: intake.formVersion,
    submittedAt: intake.submittedAt,
    lastSavedAt: intake.lastSavedAt,
    answers,
    marks,
    scores: intake.status === "submitted" ? (intake.scores as unknown as IntakeScores) : computeScores(answers),
    painSummary: intake.status === "submitted" ? (intake.painSummary ?? "") : painSummaryOf(answers),
    redFlags: intake.redFlags.sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier]),
    patient: intake.patient,
  };
}

async function reviewOutOfReach(actor: Actor, intakeId: string): Promise<never> {
  await recordAudit(actor, { action: "access.denied", outcome: "denied", recordType: "Intake", recordId: intakeId });
  throw notFound("That intake");
}
