import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isUniqueViolation } from "@/lib/db-errors";
import { defaultDosageColumns, exerciseSelect, toExerciseView, type ExerciseView } from "./exercise-view";
import { exerciseInputSchema, idSchema } from "./schema";

const nameTaken = () =>
  new AppError("conflict", "The library already has an exercise with this name.", {
    name: ["The library already has an exercise with this name. Choose another name."],
  });

function columnsOf(data: ReturnType<typeof exerciseInputSchema.parse>) {
  const { defaultDosage, ...fields } = data;
  return { ...fields, ...defaultDosageColumns(defaultDosage) };
}

/** Adds an exercise to the clinic's library (therapists and admins). */
export async function createExercise(actor: Actor, input: unknown): Promise<ExerciseView> {
  await assertCan(actor, "exercise-library:write");
  const data = parseInput(exerciseInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.exercise.create({
        data: { ...columnsOf(data), clinicId: actor.clinicId, createdById: actor.userId },
        select: exerciseSelect,
      });
      await recordAudit(actor, { action: "exercise.create", recordType: "Exercise", recordId: row.id }, tx);
      return toExerciseView(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

/**
 * Edits a library entry. Programs already prescribed keep their own dosage;
 * steps and pictures show as edited everywhere (they describe the exercise,
 * not the prescription).
 */
export async function updateExercise(actor: Actor, exerciseId: string, input: unknown): Promise<ExerciseView> {
  await assertCan(actor, "exercise-library:write");
  if (!idSchema.safeParse(exerciseId).success) throw notFound("That exercise");
  const data = parseInput(exerciseInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.exercise.updateManyAndReturn({
        where: { id: exerciseId, clinicId: actor.clinicId },
        data: columnsOf(data),
        select: { id: true },
      });
      if (!updated[0]) throw notFound("That exercise");
      await recordAudit(actor, { action: "exercise.update", recordType: "Exercise", recordId: exerciseId }, tx);
      return toExerciseView(await tx.exercise.findUniqueOrThrow({ where: { id: exerciseId }, select: exerciseSelect }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

/** Archived exercises leave the library's search but stay in the programs that use them. */
export async function setExerciseArchived(actor: Actor, exerciseId: string, archived: boolean): Promise<ExerciseView> {
  await assertCan(actor, "exercise-library:write");
  if (!idSchema.safeParse(exerciseId).success) throw notFound("That exercise");
  return db.$transaction(async (tx) => {
    const updated = await tx.exercise.updateManyAndReturn({
      where: { id: exerciseId, clinicId: actor.clinicId },
      data: { archivedAt: archived ? new Date() : null },
      select: { id: true },
    });
    if (!updated[0]) throw notFound("That exercise");
    await recordAudit(
      actor,
      { action: archived ? "exercise.archive" : "exercise.restore", recordType: "Exercise", recordId: exerciseId },
      tx,
    );
    return toExerciseView(await tx.exercise.findUniqueOrThrow({ where: { id: exerciseId }, select: exerciseSelect }));
  });
}
