import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { getPatientProgram } from "./get-patient-program";
import { intakeScoresFor, type IntakeScorePoint } from "./intake-scores";
import { clinicClock, programPatient } from "./program-access";
import { programInsights, type ProgramInsights } from "./program-insights";
import type { ProgramView } from "./program-view";
import type { LocalDate } from "@/lib/time/calendar-rules";

export type ProgramFollowUp = {
  patient: { id: string; name: string };
  today: LocalDate;
  timeZone: string;
  program: ProgramView | null;
  insights: ProgramInsights | null;
  intakeScores: IntakeScorePoint[];
};

/** The therapist's per-patient follow-up: adherence by week, pain trend, painful exercises, last activity. */
export async function getProgramFollowUp(
  actor: Actor,
  patientId: string,
  options: { now?: Date } = {},
): Promise<ProgramFollowUp> {
  await assertCan(actor, "program:read");
  const patient = await programPatient(actor, patientId, "read");
  const clock = await clinicClock(actor.clinicId, options.now);
  // getPatientProgram audits the read.
  const program = await getPatientProgram(actor, patientId);
  return {
    patient: { id: patient.id, name: `${patient.preferredName ?? patient.firstName} ${patient.lastName}` },
    today: clock.today,
    timeZone: clock.timeZone,
    program,
    insights: program ? await programInsights(program.id, actor.clinicId, clock.today) : null,
    intakeScores: await intakeScoresFor(actor.clinicId, patientId),
  };
}
