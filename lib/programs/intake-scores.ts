import "server-only";
import type { IsoDate } from "./rules/calendar-rules";

export type IntakeScorePoint = { date: IsoDate; measure: "NPRS" | "ODI" | "PSFS"; value: number };

/**
 * Intake scores to show beside the session pain trend. The intake feature
 * (a separate branch) owns those tables; until it is merged this returns
 * nothing and the follow-up page shows the session trend alone. When merging,
 * read the patient's submitted NPRS/ODI/PSFS scores here (clinic-scoped).
 */
export async function intakeScoresFor(_clinicId: string, _patientId: string): Promise<IntakeScorePoint[]> {
  return [];
}
