import { requireActor } from "@/lib/auth/current-actor";
import { getExercise } from "@/lib/exercises/get-exercise";
import { setExerciseArchived, updateExercise } from "@/lib/exercises/save-exercise";
import { archiveExerciseSchema } from "@/lib/exercises/schema";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation";

type Ctx = { params: Promise<{ exerciseId: string }> };

export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(c.get, { exercise: await getExercise(actor, (await ctx.params).exerciseId) });
});

export const PUT = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(c.update, {
    exercise: await updateExercise(actor, (await ctx.params).exerciseId, await readJson(req)),
  });
});

/** { archived: boolean } */
export const PATCH = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const { archived } = parseInput(archiveExerciseSchema, await readJson(req));
  return respond(c.setArchived, {
    exercise: await setExerciseArchived(actor, (await ctx.params).exerciseId, archived),
  });
});
