import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return respond(exerciseContracts.lowAdherence, await listLowAdherence(actor));
});
