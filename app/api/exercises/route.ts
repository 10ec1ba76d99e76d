import { requireActor } from "@/lib/auth/current-actor";
import { listExercises, listLibraryMuscles } from "@/lib/exercises/list-exercises";
import { createExercise } from "@/lib/exercises/save-exercise";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, queryOf, readJson, respond } from "@/lib/http/respond";

export const GET = apiRoute(async (req) => {
  const actor = await requireActor();
  const [exercises, muscles] = await Promise.all([listExercises(actor, queryOf(req)), listLibraryMuscles(actor)]);
  return respond(c.list, { exercises, muscles });
});

export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  return respond(c.create, { exercise: await createExercise(actor, await readJson(req)) });
});
