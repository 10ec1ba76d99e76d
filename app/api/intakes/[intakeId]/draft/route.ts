import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeFillContracts } from "@/lib/intake/contracts";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";

type Ctx = { params: Promise<{ intakeId: string }> };

async function save(req: Request, ctx: Ctx) {
  const actor = await requireActor();
  const saved = await saveIntakeDraft(actor, (await ctx.params).intakeId, await readJson(req));
  return respond(intakeFillContracts.ownSaveDraft, { saved }, NO_STORE);
}
export const PUT = apiRoute(save);
export const POST = apiRoute(save);
