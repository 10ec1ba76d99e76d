import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { auditWho, isLinkActor, type IntakeActor } from "./intake-actor";
import { fillableIntakeWhere, intakeOutOfReach } from "./intake-scope";
import { ACCOUNT_SETUP_MINUTES, computeScores, painSummaryOf } from "./intake-rules";
import { newLinkToken } from "./link-token";
import { raiseRedFlags } from "./raise-red-flags";
import { ageOn, evaluateRedFlags, hasEmergency } from "./red-flag-rules";
import { CURRENT_RED_FLAG_RULESET } from "./red-flags/current";
import { draftAnswersSchema, submitIntakeSchema, validateSubmission } from "./schema";
import { todayIn } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";

export type SubmittedIntake = {
  intakeId: string;
  submittedAt: string;
  emergency: boolean;
  /** Set after a submit through a link by a patient without an account: lets them choose a password. */
  accountSetupToken: string | null;
  hasAccount: boolean;
};

/**
 * Submits the draft as it is stored (the last autosave), so what the clinic
 * reads is exactly what was saved. Idempotent: the row is locked, and a repeat
 * with the same submission key (double click, network retry) gets the same
 * answer and changes nothing.
 */
export async function submitIntake(
  actor: IntakeActor,
  intakeId: string,
  input: unknown,
  now = new Date(),
): Promise<SubmittedIntake> {
  const where = await fillableIntakeWhere(actor, intakeId);
  const { submissionKey } = parseInput(submitIntakeSchema, input);
  return db.$transaction(async (tx) => {
    const scope = await tx.intake.findFirst({ where, select: { id: true } });
    if (!scope) return intakeOutOfReach(actor, intakeId);
    // Serialises concurrent submits of this intake: the second waits, then sees "submitted".
    await tx.$queryRaw`SELECT 1 FROM "Intake" WHERE "id" = ${scope.id}::uuid FOR UPDATE`;
    const intake = await tx.intake.findUniqueOrThrow({
      where: { id: scope.id },
      select: {
        id: true,
        clinicId: true,
        patientId: true,
        kind: true,
        status: true,
        answers: true,
        submittedAt: true,
        submissionKey: true,
        patient: { select: { dateOfBirth: true, userId: true } },
        clinic: { select: { timeZone: true } },
        redFlags: { where: { tier: "emergency" }, select: { id: true }, take: 1 },
      },
    });
    const hasAccount = Boolean(intake.patient.userId);

    const setupToken = async () => {
      if (!isLinkActor(actor) || hasAccount) return null;
      const { token, hash } = newLinkToken();
      await tx.intakeLink.update({
        where: { id: actor.linkId },
        data: {
          accountSetupHash: hash,
          accountSetupExpiresAt: new Date(now.getTime() + ACCOUNT_SETUP_MINUTES * 60_000),
        },
      });
      return token;
    };

    if (intake.status === "submitted") {
      if (intake.submissionKey !== submissionKey) {
        throw new AppError(
          isLinkActor(actor) ? "gone" : "conflict",
          "This intake has already been sent to the clinic.",
        );
      }
      return {
        intakeId: intake.id,
        submittedAt: intake.submittedAt!.toISOString(),
        emergency: intake.redFlags.length > 0,
        accountSetupToken: await setupToken(),
        hasAccount,
      };
    }

    const answers = draftAnswersSchema.parse(intake.answers);
    const fieldErrors = validateSubmission(intake.kind, answers);
    if (Object.keys(fieldErrors).length) {
      throw new AppError(
        "validation",
        "A few answers are missing. Please go back to the steps marked below.",
        fieldErrors,
      );
    }
    const flags = evaluateRedFlags(CURRENT_RED_FLAG_RULESET, {
      answers,
      ageYears: ageOn(localDateOfDateColumn(intake.patient.dateOfBirth), todayIn(intake.clinic.timeZone, now)),
    });
    const marks = answers.painMap?.marks ?? [];
    if (marks.length) {
      await tx.painMark.createMany({
        data: marks.map((m) => ({
          clinicId: intake.clinicId,
          intakeId: intake.id,
          patientId: intake.patientId,
          regionCode: m.code,
          intensity: m.intensity!,
          qualities: m.qualities,
          role: m.role,
          spreadFrom: m.role === "spread" ? m.spreadFrom : null,
        })),
      });
    }
    const { created } = await raiseRedFlags(tx, intake, flags, now);
    await tx.intake.update({
      where: { id: intake.id },
      data: {
        status: "submitted",
        submittedAt: now,
        submissionKey,
        scores: computeScores(answers) as unknown as Prisma.InputJsonValue,
        painSummary: painSummaryOf(answers),
      },
    });
    await recordAudit(
      auditWho(actor),
      {
        action: "intake.submit",
        patientId: intake.patientId,
        recordType: "Intake",
        recordId: intake.id,
        details: {
          kind: intake.kind,
          regions: marks.length,
          flags: flags.map((f) => f.ruleId),
          newFlags: created.length,
          ruleVersion: CURRENT_RED_FLAG_RULESET.version,
        },
      },
      tx,
    );
    return {
      intakeId: intake.id,
      submittedAt: now.toISOString(),
      emergency: hasEmergency(flags) || intake.redFlags.length > 0,
      accountSetupToken: await setupToken(),
      hasAccount,
    };
  });
}
