import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute } from "@/lib/http/respond";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { privateJson } from "@/lib/intake/http";
import { requireIntakeLinkActor } from "@/lib/intake/resolve-intake-link";

type Ctx = { params: Promise<{ token: string }> };

/** The draft behind an intake link (no account needed). */
export const GET = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireIntakeLinkActor((await ctx.params).token, requestOrigin(req.headers));
  return privateJson({ intake: await getIntakeForFilling(actor, actor.intakeId) });
});
