import { requireActor } from "@/lib/auth/current-actor";
import { episodeHandlers } from "@/lib/episodes/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ episodeId: string }> };

/** Hold, resume, re-evaluated, discharge. */
export const POST = apiRoute(async (req, ctx: Ctx) => episodeHandlers.changeStatus(await requireActor(), req, ctx));
