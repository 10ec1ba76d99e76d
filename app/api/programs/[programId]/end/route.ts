import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { endProgram } from "@/lib/programs/end-program";

export const POST = apiRoute(async (req, ctx: { params: Promise<{ programId: string }> }) => {
  const actor = await requireActor();
  await endProgram(actor, (await ctx.params).programId, await readJson(req));
  return respond(c.endProgram, { ended: true });
});
