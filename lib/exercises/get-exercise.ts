import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { exerciseSelect, toExerciseView, type ExerciseView } from "./exercise-view";
import { idSchema } from "./schema";

export async function getExercise(actor: Actor, exerciseId: string): Promise<ExerciseView> {
  await assertCan(actor, "program:read");
  if (!idSchema.safeParse(exerciseId).success) throw notFound("That exercise");
  const row = await db.exercise.findFirst({
    where: { id: exerciseId, clinicId: actor.clinicId },
    select: exerciseSelect,
  });
  if (!row) throw notFound("That exercise");
  return toExerciseView(row);
}
