import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";

type Ctx = { params: Promise<{ intakeId: string }> };

async function save(req: Request, ctx: Ctx) {
  const actor = await requireActor();
  return privateJson({ saved: await saveIntakeDraft(actor, (await ctx.params).intakeId, await readJson(req)) });
}
export const PUT = apiRoute(save);
export const POST = apiRoute(save);
