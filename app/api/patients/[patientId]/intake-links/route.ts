import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";

type Ctx = { params: Promise<{ patientId: string }> };

/** Front desk: send (or resend) an intake or follow-up link. The link is returned once, to copy. */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const link = await sendIntakeLink(actor, (await ctx.params).patientId, await readJson(req));
  return privateJson({ link }, { status: 201 });
});
