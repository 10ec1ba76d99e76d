import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { archiveProgramTemplate, setTemplateMatchedRisk } from "@/lib/programs/program-templates";

export const DELETE = apiRoute(async (_req, ctx: { params: Promise<{ templateId: string }> }) => {
  const actor = await requireActor();
  await archiveProgramTemplate(actor, (await ctx.params).templateId);
  return respond(c.archiveTemplate, { archived: true });
});

export const PATCH = apiRoute(async (req, ctx: { params: Promise<{ templateId: string }> }) => {
  const actor = await requireActor();
  const template = await setTemplateMatchedRisk(actor, (await ctx.params).templateId, await readJson(req));
  return respond(c.setTemplateRisk, { template });
});
