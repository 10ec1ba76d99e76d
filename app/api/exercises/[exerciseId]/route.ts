import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { getExercise } from "@/lib/exercises/get-exercise";
import { setExerciseArchived, updateExercise } from "@/lib/exercises/save-exercise";
import { archiveExerciseSchema } from "@/lib/exercises/schema";
import { apiRoute, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation";

type Ctx = { params: Promise<{ exerciseId: string }> };

export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return NextResponse.json({ exercise: await getExercise(actor, (await ctx.params).exerciseId) });
});

export const PUT = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  return NextResponse.json({
    exercise: await updateExercise(actor, (await ctx.params).exerciseId, await readJson(req)),
  });
});

/** { archived: boolean } */
export const PATCH = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const { archived } = parseInput(archiveExerciseSchema, await readJson(req));
  return NextResponse.json({ exercise: await setExerciseArchived(actor, (await ctx.params).exerciseId, archived) });
});
