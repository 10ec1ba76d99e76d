import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { PainRegionCode } from "@/lib/pain-map/regions";
import { patientOutOfReach } from "@/lib/patients/patient-access";
import type { IntakeScores } from "./intake-rules";
import { psfsActivityProgress, scoreSeries } from "./progress-rules";
import type { IntakeKind } from "./steps";

export type ProgressIntake = {
  id: string;
  kind: IntakeKind;
  submittedAt: Date;
  painSummary: string;
  marks: {
    code: PainRegionCode;
    intensity: number;
    role: "origin" | "spread";
    spreadFrom: PainRegionCode | null;
    qualities: string[];
  }[];
};

/** Every submitted intake and follow-up of a patient, with ODI, NPRS and PSFS over time (clinicians). */
export async function getPatientProgress(actor: Actor, patientId: string) {
  await assertCan(actor, "intake:read");
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    where: { id: patientId, clinicId: actor.clinicId },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  const rows = await db.intake.findMany({
    where: { clinicId: actor.clinicId, patientId, status: "submitted" },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      kind: true,
      submittedAt: true,
      scores: true,
      painSummary: true,
      marks: { select: { regionCode: true, intensity: true, role: true, spreadFrom: true, qualities: true } },
    },
  });
  await recordAudit(actor, { action: "intake.progress_read", patientId, details: { intakes: rows.length } });
  const intakes: ProgressIntake[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    submittedAt: r.submittedAt!,
    painSummary: r.painSummary ?? "",
    marks: r.marks.map((m) => ({
      code: m.regionCode as PainRegionCode,
      intensity: m.intensity,
      role: m.role,
      spreadFrom: (m.spreadFrom ?? null) as PainRegionCode | null,
      qualities: m.qualities,
    })),
  }));
  const scored = rows.map((r) => ({
    id: r.id,
    date: r.submittedAt!,
    scores: (r.scores ?? {}) as Partial<IntakeScores>,
  }));
  return {
    patient,
    intakes,
    odi: scoreSeries(
      "odi",
      scored.map((s) => ({
        intakeId: s.id,
        date: s.date,
        value: s.scores.odi?.display ?? null,
        band: s.scores.odi?.band ?? null,
      })),
    ),
    nprs: scoreSeries(
      "nprs",
      scored.map((s) => ({
        intakeId: s.id,
        date: s.date,
        value: s.scores.nprs?.value ?? null,
        band: s.scores.nprs?.band ?? null,
      })),
    ),
    psfs: scoreSeries(
      "psfs",
      scored.map((s) => ({ intakeId: s.id, date: s.date, value: s.scores.psfs?.display ?? null, band: null })),
    ),
    psfsActivities: psfsActivityProgress(
      scored.map((s) => ({ intakeId: s.id, date: s.date, activities: s.scores.psfs?.activities ?? [] })),
    ),
  };
}
