import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeContracts } from "@/lib/intake/contracts";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";

type Ctx = { params: Promise<{ patientId: string }> };

/** Front desk: send (or resend) an intake or follow-up link. The link is returned once, to copy. */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const link = await sendIntakeLink(actor, (await ctx.params).patientId, await readJson(req));
  return respond(intakeContracts.sendLink, { link }, NO_STORE);
});
