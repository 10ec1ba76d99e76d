import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, respond } from "@/lib/http/respond";
import { intakeFillContracts } from "@/lib/intake/contracts";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";

type Ctx = { params: Promise<{ intakeId: string }> };

/** A signed-in patient's own draft. */
export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  const intake = await getIntakeForFilling(actor, (await ctx.params).intakeId);
  return respond(intakeFillContracts.ownIntake, { intake }, NO_STORE);
});
