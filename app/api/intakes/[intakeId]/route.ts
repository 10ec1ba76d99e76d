import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { privateJson } from "@/lib/intake/http";

type Ctx = { params: Promise<{ intakeId: string }> };

/** A signed-in patient's own draft. */
export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return privateJson({ intake: await getIntakeForFilling(actor, (await ctx.params).intakeId) });
});
