import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeFillContracts } from "@/lib/intake/contracts";
import { requireIntakeLinkActor } from "@/lib/intake/resolve-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";

type Ctx = { params: Promise<{ token: string }> };

/** Submit through an intake link. A used link still reaches here so a retry gets its answer (idempotency). */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireIntakeLinkActor((await ctx.params).token, requestOrigin(req.headers), { allowUsed: true });
  const submitted = await submitIntake(actor, actor.intakeId, await readJson(req));
  return respond(intakeFillContracts.linkSubmit, { submitted }, NO_STORE);
});
