import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { exerciseSelect, toExerciseView, type ExerciseView } from "./exercise-view";
import { exerciseFilterSchema } from "./schema";

/**
 * The clinic's library, searched by name, summary or muscle and filtered by
 * body area, position, equipment and muscle. Prescribers only: the library
 * is not health data, but front desk has no use for it.
 */
export async function listExercises(actor: Actor, input: unknown): Promise<ExerciseView[]> {
  await assertCan(actor, "program:read");
  const f = parseInput(exerciseFilterSchema, input);
  const and: Prisma.ExerciseWhereInput[] = [{ clinicId: actor.clinicId }];
  if (f.status === "active") and.push({ archivedAt: null });
  if (f.status === "archived") and.push({ archivedAt: { not: null } });
  for (const term of f.q.split(/\s+/).filter(Boolean)) {
    and.push({
      OR: [
        { name: { contains: term, mode: "insensitive" } },
        { summary: { contains: term, mode: "insensitive" } },
        { id: { in: await idsWithMuscleLike(actor.clinicId, term) } },
      ],
    });
  }
  if (f.bodyArea) and.push({ bodyArea: f.bodyArea });
  if (f.position) and.push({ position: f.position });
  if (f.equipment) and.push({ equipment: { has: f.equipment } });
  if (f.muscle) and.push({ targetMuscles: { has: f.muscle } });
  const rows = await db.exercise.findMany({
    where: { AND: and },
    orderBy: { name: "asc" },
    take: f.take,
    select: exerciseSelect,
  });
  return rows.map(toExerciseView);
}

/** Prisma cannot match part of an array element ("quadratus" in "quadratus lumborum"); SQL can. */
async function idsWithMuscleLike(clinicId: string, term: string): Promise<string[]> {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Exercise"
    WHERE "clinicId" = ${clinicId}::uuid
      AND EXISTS (SELECT 1 FROM unnest("targetMuscles") AS m WHERE m ILIKE ${pattern})`;
  return rows.map((r) => r.id);
}

/** Every muscle named in the clinic's active library, for the muscle filter. */
export async function listLibraryMuscles(actor: Actor): Promise<string[]> {
  await assertCan(actor, "program:read");
  const rows = await db.exercise.findMany({
    where: { clinicId: actor.clinicId, archivedAt: null },
    select: { targetMuscles: true },
  });
  return [...new Set(rows.flatMap((r) => r.targetMuscles))].sort();
}
