import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { requireIntakeLinkActor } from "@/lib/intake/resolve-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";

type Ctx = { params: Promise<{ token: string }> };

/** Submit through an intake link. A used link still reaches here so a retry gets its answer (idempotency). */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireIntakeLinkActor((await ctx.params).token, requestOrigin(req.headers), { allowUsed: true });
  return privateJson({ submitted: await submitIntake(actor, actor.intakeId, await readJson(req)) });
});
