import { requireActor } from "@/lib/auth/current-actor";
import { episodeHandlers } from "@/lib/episodes/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ episodeId: string }> };

export const POST = apiRoute(async (req, ctx: Ctx) => episodeHandlers.addAuthorization(await requireActor(), req, ctx));
