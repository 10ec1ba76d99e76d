import { requireActor } from "@/lib/auth/current-actor";
import { forbidden } from "@/lib/errors";
import { myExerciseContracts } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";
import { getExerciseHistory } from "@/lib/programs/get-exercise-history";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  if (!actor.patientId) throw forbidden();
  return respond(myExerciseContracts.history, { history: await getExerciseHistory(actor, actor.patientId) });
});
