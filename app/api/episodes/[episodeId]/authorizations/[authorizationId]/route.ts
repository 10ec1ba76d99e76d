import { requireActor } from "@/lib/auth/current-actor";
import { episodeHandlers } from "@/lib/episodes/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ episodeId: string; authorizationId: string }> };

export const PATCH = apiRoute(async (req, ctx: Ctx) =>
  episodeHandlers.updateAuthorization(await requireActor(), req, ctx),
);
export const DELETE = apiRoute(async (req, ctx: Ctx) =>
  episodeHandlers.removeAuthorization(await requireActor(), req, ctx),
);
