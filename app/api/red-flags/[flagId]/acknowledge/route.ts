import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeContracts } from "@/lib/intake/contracts";
import { acknowledgeRedFlag } from "@/lib/intake/acknowledge-red-flag";

type Ctx = { params: Promise<{ flagId: string }> };

export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(
    intakeContracts.acknowledgeFlag,
    { acknowledged: await acknowledgeRedFlag(actor, (await ctx.params).flagId, await readJson(req)) },
    NO_STORE,
  );
});
