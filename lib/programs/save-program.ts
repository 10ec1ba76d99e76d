import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { formatDateTime } from "@/lib/time/format";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { parseInput } from "@/lib/validation";
import { clinicClock, programPatient } from "./program-access";
import { programChangedMessage } from "./program-messages";
import { dosageColumns } from "./program-view";
import { addDays } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";
import { saveProgramSchema } from "./schema";
import { openEpisodeIdOf } from "@/lib/episodes/open-episode";

export type SaveProgramResult = { programId: string; version: number; created: boolean };

/**
 * Refuses a save based on an outdated version, naming the version that won,
 * who saved it and when; nothing of the refused save is written.
 */
async function versionConflict(tx: Tx, clinicId: string, programId: string, timeZone: string): Promise<AppError> {
  const program = await tx.program.findUniqueOrThrow({ where: { id: programId }, select: { currentVersion: true } });
  const current = await tx.programVersion.findUniqueOrThrow({
    where: { clinicId_programId_version: { clinicId, programId, version: program.currentVersion } },
    select: { createdByName: true, createdAt: true },
  });
  return new AppError(
    "conflict",
    `This program changed while you were editing: version ${program.currentVersion} was saved by ${current.createdByName} on ${formatDateTime(current.createdAt, timeZone)}. Your changes were not saved. Review the current version, then make your changes again.`,
  );
}

/**
 * Assigns a program to a patient (version 1) or saves an edit as a new
 * version. Versions are never changed in place, so each session log keeps
 * pointing at exactly what the patient was shown. The caller names the version
 * it edited (`baseVersion`); if someone saved in between, this save is refused
 * (optimistic concurrency), never silently merged or overwritten.
 */
export async function saveProgram(
  actor: Actor,
  patientId: string,
  input: unknown,
  options: { now?: Date } = {},
): Promise<SaveProgramResult> {
  const patient = await programPatient(actor, patientId, "write");
  const data = parseInput(saveProgramSchema, input);
  const clock = await clinicClock(actor.clinicId, options.now);

  const errors: FieldErrors = {};
  if (data.endDate && data.endDate < clock.today)
    errors.endDate = ["The end date is in the past. To stop the program now, end it instead."];
  if (data.baseVersion === null && data.startDate < addDays(clock.today, -14))
    errors.startDate = ["A new program can start at most two weeks ago."];
  if (data.startDate > addDays(clock.today, 365)) errors.startDate = ["Start the program within the next year."];

  // Every exercise must be in this clinic's library; archived ones may stay in a program that already has them.
  const ids = data.items.map((i) => i.exerciseId);
  const [exercises, active, template] = await Promise.all([
    db.exercise.findMany({
      where: { id: { in: ids }, clinicId: actor.clinicId },
      select: { id: true, archivedAt: true },
    }),
    db.program.findFirst({
      where: { patientId, clinicId: actor.clinicId, status: "active" },
      select: { id: true, currentVersion: true },
    }),
    // The template the program was built from is kept as provenance: only one of this clinic's.
    data.templateId
      ? db.programTemplate.findFirst({ where: { id: data.templateId, clinicId: actor.clinicId }, select: { id: true } })
      : null,
  ]);
  if (data.templateId && !template) errors.templateId = ["This template is not in your clinic's library."];
  const kept = new Set<string>();
  if (active) {
    const current = await db.programItem.findMany({
      where: { version: { programId: active.id, version: active.currentVersion } },
      select: { exerciseId: true },
    });
    for (const c of current) kept.add(c.exerciseId);
  }
  const known = new Map(exercises.map((e) => [e.id, e]));
  data.items.forEach((item, i) => {
    const exercise = known.get(item.exerciseId);
    if (!exercise) errors[`items.${i}.exerciseId`] = ["This exercise is not in your clinic's library."];
    else if (exercise.archivedAt && !kept.has(item.exerciseId))
      errors[`items.${i}.exerciseId`] = ["This exercise was archived; choose another one."];
  });
  if (Object.keys(errors).length) throw new AppError("validation", "Some answers need another look.", errors);

  try {
    return await db.$transaction(async (tx) => {
      const activeNow = await tx.program.findFirst({
        where: { patientId, clinicId: actor.clinicId, status: "active" },
        select: { id: true },
      });
      let programId: string;
      let version: number;
      if (data.baseVersion === null) {
        if (activeNow) throw await versionConflict(tx, actor.clinicId, activeNow.id, clock.timeZone);
        const program = await tx.program.create({
          data: {
            clinicId: actor.clinicId,
            patientId,
            createdById: actor.userId,
            // A new program joins the patient's open episode (decision 089).
            episodeId: await openEpisodeIdOf(tx, actor.clinicId, patientId),
          },
          select: { id: true },
        });
        programId = program.id;
        version = 1;
      } else {
        if (!activeNow)
          throw new AppError("conflict", "This program was ended while you were editing. Reload the page to see it.");
        // The row lock taken here serialises concurrent saves; the loser re-reads currentVersion and matches nothing.
        const bumped = await tx.program.updateMany({
          where: { id: activeNow.id, status: "active", currentVersion: data.baseVersion },
          data: { currentVersion: { increment: 1 } },
        });
        if (bumped.count !== 1) throw await versionConflict(tx, actor.clinicId, activeNow.id, clock.timeZone);
        programId = activeNow.id;
        version = data.baseVersion + 1;
      }
      await tx.programVersion.create({
        data: {
          clinicId: actor.clinicId,
          programId,
          version,
          title: data.title,
          startDate: dateColumnOf(data.startDate),
          endDate: data.endDate ? dateColumnOf(data.endDate) : null,
          effectiveFrom: dateColumnOf(clock.today),
          changeNote: data.changeNote ?? null,
          templateId: data.templateId,
          createdById: actor.userId,
          createdByName: actor.name,
          items: {
            // clinicId comes from the parent row: the items join it on (id, clinicId).
            create: data.items.map((item, position) => ({
              exerciseId: item.exerciseId,
              position,
              ...dosageColumns(item.dosage),
            })),
          },
        },
        select: { id: true },
      });
      const message = programChangedMessage({
        clinicId: actor.clinicId,
        clinic: clock,
        patient,
        programId,
        version,
        therapistName: actor.name,
        exerciseCount: data.items.length,
        startDate: data.startDate,
      });
      if (message) await enqueueMessage(tx, message);
      await recordAudit(
        actor,
        {
          action: version === 1 ? "program.create" : "program.version",
          patientId,
          recordType: "Program",
          recordId: programId,
          details: { version, items: data.items.length },
        },
        tx,
      );
      return { programId, version, created: version === 1 };
    });
  } catch (e) {
    // Two "assign" clicks racing past the check above: the one-active-program index stops the second.
    if (isUniqueViolation(e))
      throw new AppError("conflict", "A program was just assigned to this patient by someone else. Reload to see it.");
    throw e;
  }
}
