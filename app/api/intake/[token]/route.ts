import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, respond } from "@/lib/http/respond";
import { intakeFillContracts } from "@/lib/intake/contracts";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { requireIntakeLinkActor } from "@/lib/intake/resolve-intake-link";

type Ctx = { params: Promise<{ token: string }> };

/** The draft behind an intake link (no account needed). */
export const GET = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireIntakeLinkActor((await ctx.params).token, requestOrigin(req.headers));
  return respond(
    intakeFillContracts.linkIntake,
    { intake: await getIntakeForFilling(actor, actor.intakeId) },
    NO_STORE,
  );
});
