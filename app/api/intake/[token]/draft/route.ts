import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { requireIntakeLinkActor } from "@/lib/intake/resolve-intake-link";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";

type Ctx = { params: Promise<{ token: string }> };

/** Autosave through an intake link. PUT and POST both accepted: POST is what a page being hidden can still send. */
async function save(req: Request, ctx: Ctx) {
  const actor = await requireIntakeLinkActor((await ctx.params).token, requestOrigin(req.headers));
  return privateJson({ saved: await saveIntakeDraft(actor, actor.intakeId, await readJson(req)) });
}
export const PUT = apiRoute(save);
export const POST = apiRoute(save);
