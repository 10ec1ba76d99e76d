import "server-only";
import { db } from "@/lib/db";
import type { IntakeScores } from "@/lib/intake/intake-rules";
import { localDateOf, type LocalDate } from "@/lib/time/calendar-rules";

export type IntakeScorePoint = { date: LocalDate; measure: "NPRS" | "ODI" | "PSFS"; value: number };

/**
 * Scores from the patient's submitted intakes and follow-up questionnaires, to
 * show beside the session pain trend. Callers have already checked the actor
 * may read this patient's clinical data; the query is clinic-scoped.
 */
export async function intakeScoresFor(clinicId: string, patientId: string): Promise<IntakeScorePoint[]> {
  const [clinic, intakes] = await Promise.all([
    db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { timeZone: true } }),
    db.intake.findMany({
      where: { clinicId, patientId, status: "submitted", submittedAt: { not: null } },
      orderBy: { submittedAt: "asc" },
      select: { submittedAt: true, scores: true },
    }),
  ]);
  const points: IntakeScorePoint[] = [];
  for (const intake of intakes) {
    const date = localDateOf(intake.submittedAt!, clinic.timeZone);
    const scores = (intake.scores ?? {}) as Partial<IntakeScores>;
    if (scores.nprs) points.push({ date, measure: "NPRS", value: scores.nprs.value });
    if (scores.odi) points.push({ date, measure: "ODI", value: scores.odi.display });
    if (scores.psfs) points.push({ date, measure: "PSFS", value: scores.psfs.display });
  }
  return points;
}
