import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeFillContracts } from "@/lib/intake/contracts";
import { requireIntakeLinkActor } from "@/lib/intake/resolve-intake-link";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";

type Ctx = { params: Promise<{ token: string }> };

/** Autosave through an intake link. PUT and POST both accepted: POST is what a page being hidden can still send. */
async function save(req: Request, ctx: Ctx) {
  const actor = await requireIntakeLinkActor((await ctx.params).token, requestOrigin(req.headers));
  const saved = await saveIntakeDraft(actor, actor.intakeId, await readJson(req));
  return respond(intakeFillContracts.linkSaveDraft, { saved }, NO_STORE);
}
export const PUT = apiRoute(save);
export const POST = apiRoute(save);
