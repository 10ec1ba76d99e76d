import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { clinicClock, programPatient } from "./program-access";
import { programInsights, type ProgramInsights } from "./program-insights";
import type { LocalDate } from "@/lib/time/calendar-rules";

export type ExerciseHistory = {
  today: LocalDate;
  timeZone: string;
  program: { id: string; title: string; version: number; status: "active" | "ended" } | null;
  insights: ProgramInsights | null;
};

/** The patient's own history, streak and charts (or a prescriber's view of them). */
export async function getExerciseHistory(
  actor: Actor,
  patientId: string,
  options: { now?: Date } = {},
): Promise<ExerciseHistory> {
  await programPatient(actor, patientId, "read");
  const clock = await clinicClock(actor.clinicId, options.now);
  const program = await db.program.findFirst({
    where: { patientId, clinicId: actor.clinicId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, status: true, currentVersion: true },
  });
  await recordAudit(actor, {
    action: "exercise_history.read",
    patientId,
    recordType: program ? "Program" : undefined,
    recordId: program?.id,
  });
  if (!program) return { today: clock.today, timeZone: clock.timeZone, program: null, insights: null };
  const version = await db.programVersion.findUniqueOrThrow({
    where: {
      clinicId_programId_version: { clinicId: actor.clinicId, programId: program.id, version: program.currentVersion },
    },
    select: { title: true, version: true },
  });
  return {
    today: clock.today,
    timeZone: clock.timeZone,
    program: { id: program.id, title: version.title, version: version.version, status: program.status },
    insights: await programInsights(program.id, actor.clinicId, clock.today),
  };
}
