import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { acknowledgeRedFlag } from "@/lib/intake/acknowledge-red-flag";
import { privateJson } from "@/lib/intake/http";

type Ctx = { params: Promise<{ flagId: string }> };

export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  return privateJson({ acknowledged: await acknowledgeRedFlag(actor, (await ctx.params).flagId, await readJson(req)) });
});
