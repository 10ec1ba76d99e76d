import { requireActor } from "@/lib/auth/current-actor";
import { myExerciseContracts } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";
import { getToday } from "@/lib/programs/get-today";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return respond(myExerciseContracts.today, { today: await getToday(actor) });
});
