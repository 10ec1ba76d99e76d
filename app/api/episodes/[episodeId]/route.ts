import { requireActor } from "@/lib/auth/current-actor";
import { episodeHandlers } from "@/lib/episodes/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ episodeId: string }> };

export const GET = apiRoute(async (req, ctx: Ctx) => episodeHandlers.episode(await requireActor(), req, ctx));
/** Edit the plan of care. */
export const PATCH = apiRoute(async (req, ctx: Ctx) => episodeHandlers.updatePlan(await requireActor(), req, ctx));
