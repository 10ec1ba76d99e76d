import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { adherenceOfActivePrograms } from "./program-adherence";
import { clinicClock } from "./program-access";
import { isLowAdherence } from "./rules/adherence-rules";
import type { LocalDate } from "@/lib/time/calendar-rules";

export type LowAdherenceRow = {
  patientId: string;
  patientName: string;
  programId: string;
  ratio: number;
  done: number;
  prescribed: number;
  lastActivity: LocalDate | null;
};

/**
 * Patients of the clinic whose adherence over the last two full weeks fell
 * below half (rule in adherence-rules.ts), lowest first. Three queries for the
 * whole clinic, whatever the number of patients.
 */
export async function listLowAdherence(
  actor: Actor,
  options: { now?: Date } = {},
): Promise<{ from: LocalDate; to: LocalDate; rows: LowAdherenceRow[] }> {
  await assertCan(actor, "program:read");
  const clock = await clinicClock(actor.clinicId, options.now);
  const { from, to, rows: programs } = await adherenceOfActivePrograms(actor.clinicId, clock.today);
  const rows: LowAdherenceRow[] = [];
  for (const { tally, patient, ...p } of programs) {
    if (!isLowAdherence(tally) || tally.ratio === null) continue;
    rows.push({
      patientId: p.patientId,
      patientName: `${patient.preferredName ?? patient.firstName} ${patient.lastName}`,
      programId: p.programId,
      ratio: tally.ratio,
      done: tally.done,
      prescribed: tally.prescribed,
      lastActivity: p.lastActivity,
    });
  }
  rows.sort((a, b) => a.ratio - b.ratio || a.patientName.localeCompare(b.patientName));
  await recordAudit(actor, { action: "program.low_adherence.read", details: { listed: rows.length } });
  return { from, to, rows };
}
