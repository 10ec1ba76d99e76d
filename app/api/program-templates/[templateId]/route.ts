import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";
import { archiveProgramTemplate } from "@/lib/programs/program-templates";

export const DELETE = apiRoute(async (_req, ctx: { params: Promise<{ templateId: string }> }) => {
  const actor = await requireActor();
  await archiveProgramTemplate(actor, (await ctx.params).templateId);
  return respond(c.archiveTemplate, { archived: true });
});
