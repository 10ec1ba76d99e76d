import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { listProgramTemplates, saveProgramTemplate } from "@/lib/programs/program-templates";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return respond(c.listTemplates, { templates: await listProgramTemplates(actor) });
});

export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  return respond(c.saveTemplate, { template: await saveProgramTemplate(actor, await readJson(req)) });
});
