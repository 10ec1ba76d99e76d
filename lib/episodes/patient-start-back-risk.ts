import "server-only";
import { db } from "@/lib/db";
import { isMatchedRiskGroup, type MatchedRiskGroup } from "./matched-care-rules";

/**
 * The patient's STarT Back group for matched care: the open episode's (set
 * from its intake), else the latest submitted initial intake's. Internal:
 * callers have checked the actor may read this patient's clinical data.
 */
export async function patientStartBackRisk(clinicId: string, patientId: string): Promise<MatchedRiskGroup | null> {
  const [episode, intake] = await Promise.all([
    db.episode.findFirst({
      where: { clinicId, patientId, status: { in: ["active", "on_hold"] }, startBackRisk: { not: null } },
      select: { startBackRisk: true },
    }),
    db.intake.findFirst({
      where: { clinicId, patientId, kind: "initial", status: "submitted" },
      orderBy: { submittedAt: "desc" },
      select: { scores: true },
    }),
  ]);
  if (episode?.startBackRisk) return episode.startBackRisk;
  const risk = (intake?.scores as { startBack?: { risk?: unknown } | null } | null)?.startBack?.risk;
  return isMatchedRiskGroup(risk) ? risk : null;
}
