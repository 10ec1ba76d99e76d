import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";

export const GET = apiRoute(async (_req, ctx: { params: Promise<{ patientId: string }> }) => {
  const actor = await requireActor();
  return respond(exerciseContracts.followUp, {
    followUp: await getProgramFollowUp(actor, (await ctx.params).patientId),
  });
});
