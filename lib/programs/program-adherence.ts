import "server-only";
import { db } from "@/lib/db";
import { planVersionSelect, logFactSelect, toFacts, toPlan } from "./load-plan";
import { LOW_ADHERENCE, recentAdherence, type Tally } from "./rules/adherence-rules";
import { addDays, type LocalDate } from "@/lib/time/calendar-rules";
import { dateColumnOf, localDateOfDateColumn } from "@/lib/time/date-column";

export type ProgramAdherence = {
  patientId: string;
  patient: { firstName: string; lastName: string; preferredName: string | null };
  programId: string;
  tally: Tally;
  lastActivity: LocalDate | null;
};

/**
 * Adherence over the last two full weeks for the clinic's active programs
 * (all of them, or those of the given patients). Three queries whatever the
 * number of patients; the callers check permissions and audit.
 */
export async function adherenceOfActivePrograms(
  clinicId: string,
  today: LocalDate,
  patientIds?: readonly string[],
): Promise<{ from: LocalDate; to: LocalDate; rows: ProgramAdherence[] }> {
  const from = addDays(today, -LOW_ADHERENCE.windowDays);
  const to = addDays(today, -1);
  const programs = await db.program.findMany({
    where: { clinicId, status: "active", ...(patientIds ? { patientId: { in: [...patientIds] } } : {}) },
    select: {
      id: true,
      patientId: true,
      endedOn: true,
      patient: { select: { firstName: true, lastName: true, preferredName: true } },
      versions: { select: planVersionSelect },
    },
  });
  const ids = programs.map((p) => p.id);
  const [logs, last] = await Promise.all([
    db.exerciseLog.findMany({
      where: { clinicId, programId: { in: ids }, localDate: { gte: dateColumnOf(from), lte: dateColumnOf(to) } },
      select: { ...logFactSelect, programId: true },
    }),
    db.exerciseLog.groupBy({
      by: ["programId"],
      where: { clinicId, programId: { in: ids } },
      _max: { localDate: true },
    }),
  ]);
  const lastByProgram = new Map(last.map((l) => [l.programId, l._max.localDate]));
  // (Map.groupBy would do this, but Node 20 lacks it.)
  const logsByProgram = new Map<string, typeof logs>();
  for (const l of logs) {
    const list = logsByProgram.get(l.programId);
    if (list) list.push(l);
    else logsByProgram.set(l.programId, [l]);
  }
  const rows = programs.map((p) => {
    const lastDate = lastByProgram.get(p.id);
    return {
      patientId: p.patientId,
      patient: p.patient,
      programId: p.id,
      tally: recentAdherence(toPlan(p), toFacts(logsByProgram.get(p.id) ?? []), today),
      lastActivity: lastDate ? localDateOfDateColumn(lastDate) : null,
    };
  });
  return { from, to, rows };
}
