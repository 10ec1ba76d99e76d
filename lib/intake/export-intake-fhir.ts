import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { buildIntakeFhirBundle } from "./fhir-rules";
import { loadIntakeForReview } from "./get-intake-for-review";

/** A submitted intake as a FHIR R4 Bundle, for whoever may read it (clinicians, or the patient). Audited. */
export async function exportIntakeFhir(actor: Actor, intakeId: string, now = new Date()) {
  // One export is one audit row: load without the read's own row.
  const intake = await loadIntakeForReview(actor, intakeId);
  if (intake.status !== "submitted" || !intake.submittedAt) {
    throw new AppError("conflict", "Only a submitted intake can be exported.");
  }
  await recordAudit(actor, {
    action: "intake.export_fhir",
    patientId: intake.patient.id,
    recordType: "Intake",
    recordId: intake.id,
  });
  return buildIntakeFhirBundle(
    {
      intakeId: intake.id,
      formVersion: intake.formVersion,
      submittedAt: intake.submittedAt,
      patient: intake.patient,
      answers: intake.answers,
      nprsNow: intake.scores?.nprs?.value ?? null,
      marks: intake.marks,
    },
    now,
  );
}
