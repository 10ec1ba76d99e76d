import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { getIntakeStatus } from "@/lib/intake/get-intake-status";
import { privateJson } from "@/lib/intake/http";

type Ctx = { params: Promise<{ patientId: string }> };

export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return privateJson({ status: await getIntakeStatus(actor, (await ctx.params).patientId) });
});
