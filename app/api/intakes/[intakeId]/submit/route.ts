import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { submitIntake } from "@/lib/intake/submit-intake";

type Ctx = { params: Promise<{ intakeId: string }> };

export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  return privateJson({ submitted: await submitIntake(actor, (await ctx.params).intakeId, await readJson(req)) });
});
