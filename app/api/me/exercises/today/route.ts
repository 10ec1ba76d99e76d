import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";
import { getToday } from "@/lib/programs/get-today";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return respond(exerciseContracts.today, { today: await getToday(actor) });
});
