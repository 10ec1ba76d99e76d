import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { PainMark } from "@/lib/pain-map/schema";
import type { PainRegionCode } from "@/lib/pain-map/regions";
import type { IntakeScores } from "./intake-rules";
import type { RedFlagTier } from "./red-flag-rules";
import { draftAnswersSchema, type DraftAnswers, type IntakeKind } from "./schema";

export type IntakeForReview = {
  id: string;
  kind: IntakeKind;
  formVersion: string;
  submittedAt: Date;
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
 * A submitted intake, in full: for clinicians of the patient's clinic, or the
 * patient themself. The front desk cannot read it (minimum necessary). Audited.
 */
export async function getIntakeForReview(actor: Actor, intakeId: string): Promise<IntakeForReview> {
  const own = actor.role === "patient";
  await assertCan(actor, own ? "intake:read:own" : "intake:read");
  if (!z.uuid().safeParse(intakeId).success) throw notFound("That intake");
  const intake = await db.intake.findFirst({
    where: {
      id: intakeId,
      clinicId: actor.clinicId,
      status: "submitted",
      ...(own ? { patientId: actor.patientId ?? "00000000-0000-0000-0000-000000000000" } : {}),
    },
    select: {
      id: true,
      kind: true,
      formVersion: true,
      submittedAt: true,
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
  if (!intake) {
    await recordAudit(actor, { action: "access.denied", outcome: "denied", recordType: "Intake", recordId: intakeId });
    throw notFound("That intake");
  }
  await recordAudit(actor, {
    action: "intake.read",
    patientId: intake.patient.id,
    recordType: "Intake",
    recordId: intake.id,
  });
  const parsed = draftAnswersSchema.safeParse(intake.answers);
  // The marks table keeps the order the patient marked them in (uuid v7 ids are time-ordered).
  const order = new Map((parsed.success ? (parsed.data.painMap?.marks ?? []) : []).map((m, i) => [m.code, i]));
  return {
    id: intake.id,
    kind: intake.kind,
    formVersion: intake.formVersion,
    submittedAt: intake.submittedAt!,
    answers: parsed.success ? parsed.data : {},
    marks: intake.marks
      .map((m) => ({
        code: m.regionCode as PainRegionCode,
        intensity: m.intensity,
        qualities: m.qualities as PainMark["qualities"],
        role: m.role,
        spreadFrom: (m.spreadFrom ?? null) as PainRegionCode | null,
      }))
      .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99)),
    scores: intake.scores as unknown as IntakeScores,
    painSummary: intake.painSummary ?? "",
    redFlags: intake.redFlags.sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier]),
    patient: intake.patient,
  };
}
