import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { programPatient } from "./program-access";
import { toVersionView, versionSelect, type ProgramView } from "./program-view";
import { localDateOfDateColumn } from "@/lib/time/date-column";

/** The patient's active program, or their most recent one if none is active; null when they never had one. */
export async function getPatientProgram(actor: Actor, patientId: string): Promise<ProgramView | null> {
  const program = await loadPatientProgram(actor, patientId);
  await recordAudit(
    actor,
    program
      ? { action: "program.read", patientId, recordType: "Program", recordId: program.id }
      : { action: "program.read", patientId, details: { found: false } },
  );
  return program;
}

/**
 * The same program without the read's audit row, for callers that audit what
 * they do with it (printing a handout is one export, not a read and an export).
 */
export async function loadPatientProgram(actor: Actor, patientId: string): Promise<ProgramView | null> {
  await programPatient(actor, patientId, "read");
  const program = await db.program.findFirst({
    where: { patientId, clinicId: actor.clinicId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      patientId: true,
      status: true,
      currentVersion: true,
      endedOn: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          title: true,
          createdByName: true,
          createdAt: true,
          effectiveFrom: true,
          changeNote: true,
          _count: { select: { items: true, logs: true } },
        },
      },
    },
  });
  if (!program) return null;
  const current = await db.programVersion.findUniqueOrThrow({
    where: {
      clinicId_programId_version: { clinicId: actor.clinicId, programId: program.id, version: program.currentVersion },
    },
    select: versionSelect,
  });
  return {
    id: program.id,
    patientId: program.patientId,
    status: program.status,
    currentVersion: program.currentVersion,
    endedOn: program.endedOn ? localDateOfDateColumn(program.endedOn) : null,
    current: toVersionView(current),
    versions: program.versions.map((v) => ({
      version: v.version,
      title: v.title,
      createdByName: v.createdByName,
      createdAt: v.createdAt.toISOString(),
      effectiveFrom: localDateOfDateColumn(v.effectiveFrom),
      changeNote: v.changeNote,
      itemCount: v._count.items,
      logCount: v._count.logs,
    })),
  };
}
