import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { auditWho, isLinkActor, type IntakeActor } from "./intake-actor";
import { fillableIntakeWhere, intakeOutOfReach } from "./intake-scope";
import { raiseRedFlags } from "./raise-red-flags";
import { ageOn, evaluateRedFlags, hasEmergency } from "./red-flag-rules";
import { CURRENT_RED_FLAG_RULESET } from "./red-flags/current";
import { saveDraftSchema, type DraftAnswers } from "./schema";
import { todayIn } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";

export type SavedDraft = { revision: number; savedAt: string; emergency: boolean };

/** Follow-ups re-rate the activities named at baseline: their names cannot be edited. */
function lockPsfsActivities(answers: DraftAnswers, names: string[]): DraftAnswers {
  if (names.length === 0) return answers;
  const ratings = answers.psfs?.activities ?? [];
  return {
    ...answers,
    psfs: { activities: names.map((activity, i) => ({ activity, rating: ratings[i]?.rating ?? null })) },
  };
}

/**
 * Autosave. A save carries the revision the browser last saw; if another
 * device saved since, it is refused (409) with the newer revision rather than
 * silently overwriting that device's answers. Emergency red flags are raised
 * here, at once, not only on submit: a patient who answers "yes" and closes
 * the tab must still reach the clinic's alert list.
 */
export async function saveIntakeDraft(
  actor: IntakeActor,
  intakeId: string,
  input: unknown,
  now = new Date(),
): Promise<SavedDraft> {
  const where = await fillableIntakeWhere(actor, intakeId);
  const data = parseInput(saveDraftSchema, input);
  return db.$transaction(async (tx) => {
    const intake = await tx.intake.findFirst({
      where,
      select: {
        id: true,
        clinicId: true,
        patientId: true,
        status: true,
        revision: true,
        startedAt: true,
        psfsActivities: true,
        patient: { select: { dateOfBirth: true } },
        clinic: { select: { timeZone: true } },
      },
    });
    if (!intake) return intakeOutOfReach(actor, intakeId);
    if (intake.status === "submitted")
      throw new AppError(isLinkActor(actor) ? "gone" : "conflict", "This intake has already been sent to the clinic.");
    if (intake.revision !== data.baseRevision) {
      throw new AppError(
        "conflict",
        "These answers were changed on another device or tab. Load the latest answers to carry on.",
        { baseRevision: [String(intake.revision)] },
      );
    }
    const answers = lockPsfsActivities(data.answers, intake.psfsActivities);
    const updated = await tx.intake.updateMany({
      where: { id: intake.id, status: "draft", revision: data.baseRevision },
      data: {
        answers,
        revision: { increment: 1 },
        currentStep: data.currentStep ?? undefined,
        lastSavedAt: now,
        startedAt: intake.startedAt ?? now,
      },
    });
    // Another save won the race between our read and this write.
    if (updated.count !== 1)
      throw new AppError(
        "conflict",
        "These answers were just changed somewhere else. Load the latest answers to carry on.",
      );
    const emergencies = evaluateRedFlags(
      CURRENT_RED_FLAG_RULESET,
      {
        answers,
        ageYears: ageOn(localDateOfDateColumn(intake.patient.dateOfBirth), todayIn(intake.clinic.timeZone, now)),
      },
      { tiers: ["emergency"] },
    );
    const { created } = await raiseRedFlags(tx, intake, emergencies, now);
    if (!intake.startedAt) {
      await recordAudit(
        auditWho(actor),
        { action: "intake.start", patientId: intake.patientId, recordType: "Intake", recordId: intake.id },
        tx,
      );
    }
    if (created.length) {
      await recordAudit(
        auditWho(actor),
        {
          action: "red_flag.raise",
          patientId: intake.patientId,
          recordType: "Intake",
          recordId: intake.id,
          details: { rules: created.map((f) => f.ruleId), at: "draft" },
        },
        tx,
      );
    }
    return { revision: data.baseRevision + 1, savedAt: now.toISOString(), emergency: hasEmergency(emergencies) };
  });
}
