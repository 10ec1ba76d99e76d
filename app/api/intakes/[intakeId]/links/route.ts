import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { revokeIntakeLinks } from "@/lib/intake/revoke-intake-links";

type Ctx = { params: Promise<{ intakeId: string }> };

/** Front desk: stop the intake's link from working. */
export const DELETE = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return privateJson(await revokeIntakeLinks(actor, (await ctx.params).intakeId));
});
