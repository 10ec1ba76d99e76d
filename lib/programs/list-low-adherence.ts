import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { planVersionSelect, logFactSelect, toFacts, toPlan } from "./load-plan";
import { clinicClock } from "./program-access";
import { isLowAdherence, LOW_ADHERENCE, recentAdherence } from "./rules/adherence-rules";
import { addDays, dateColumnOf, isoDateOfDateColumn, type IsoDate } from "./rules/calendar-rules";

export type LowAdherenceRow = {
  patientId: string;
  patientName: string;
  programId: string;
  ratio: number;
  done: number;
  prescribed: number;
  lastActivity: IsoDate | null;
};

/**
 * Patients of the clinic whose adherence over the last two full weeks fell
 * below half (rule in adherence-rules.ts), lowest first. Three queries for the
 * whole clinic, whatever the number of patients.
 */
export async function listLowAdherence(
  actor: Actor,
  options: { now?: Date } = {},
): Promise<{ from: IsoDate; to: IsoDate; rows: LowAdherenceRow[] }> {
  await assertCan(actor, "program:read");
  const clock = await clinicClock(actor.clinicId, options.now);
  const from = addDays(clock.today, -LOW_ADHERENCE.windowDays);
  const to = addDays(clock.today, -1);
  const programs = await db.program.findMany({
    where: { clinicId: actor.clinicId, status: "active" },
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
      where: {
        clinicId: actor.clinicId,
        programId: { in: ids },
        localDate: { gte: dateColumnOf(from), lte: dateColumnOf(to) },
      },
      select: { ...logFactSelect, programId: true },
    }),
    db.exerciseLog.groupBy({
      by: ["programId"],
      where: { clinicId: actor.clinicId, programId: { in: ids } },
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
  const rows: LowAdherenceRow[] = [];
  for (const p of programs) {
    const tally = recentAdherence(toPlan(p), toFacts(logsByProgram.get(p.id) ?? []), clock.today);
    if (!isLowAdherence(tally) || tally.ratio === null) continue;
    const lastDate = lastByProgram.get(p.id);
    rows.push({
      patientId: p.patientId,
      patientName: `${p.patient.preferredName ?? p.patient.firstName} ${p.patient.lastName}`,
      programId: p.id,
      ratio: tally.ratio,
      done: tally.done,
      prescribed: tally.prescribed,
      lastActivity: lastDate ? isoDateOfDateColumn(lastDate) : null,
    });
  }
  rows.sort((a, b) => a.ratio - b.ratio || a.patientName.localeCompare(b.patientName));
  await recordAudit(actor, { action: "program.low_adherence.read", details: { listed: rows.length } });
  return { from, to, rows };
}
