import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { loadPatientProgram } from "./get-patient-program";
import { clinicClock, programPatient } from "./program-access";
import type { ProgramVersionView } from "./program-view";
import type { LocalDate } from "@/lib/time/calendar-rules";

export type ProgramHandout = {
  clinic: { name: string; phone: string };
  patientName: string;
  printedOn: LocalDate;
  programId: string;
  version: ProgramVersionView;
};

/** What the printable handout and the PDF show: the current version, with the clinic's name and phone. */
export async function getProgramHandout(actor: Actor, patientId: string): Promise<ProgramHandout> {
  const patient = await programPatient(actor, patientId, "read");
  const program = await loadPatientProgram(actor, patientId);
  if (!program) throw notFound("A program for this patient");
  const clock = await clinicClock(actor.clinicId);
  await recordAudit(actor, { action: "program.handout", patientId, recordType: "Program", recordId: program.id });
  return {
    clinic: { name: clock.name, phone: clock.phone },
    patientName: `${patient.preferredName ?? patient.firstName} ${patient.lastName}`,
    printedOn: clock.today,
    programId: program.id,
    version: program.current,
  };
}
