import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeFillContracts } from "@/lib/intake/contracts";
import { submitIntake } from "@/lib/intake/submit-intake";

type Ctx = { params: Promise<{ intakeId: string }> };

export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const submitted = await submitIntake(actor, (await ctx.params).intakeId, await readJson(req));
  return respond(intakeFillContracts.ownSubmit, { submitted }, NO_STORE);
});
