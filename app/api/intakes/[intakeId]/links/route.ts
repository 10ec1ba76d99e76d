import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, respond } from "@/lib/http/respond";
import { intakeContracts } from "@/lib/intake/contracts";
import { revokeIntakeLinks } from "@/lib/intake/revoke-intake-links";

type Ctx = { params: Promise<{ intakeId: string }> };

/** Front desk: stop the intake's link from working. */
export const DELETE = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(intakeContracts.revokeLinks, await revokeIntakeLinks(actor, (await ctx.params).intakeId), NO_STORE);
});
