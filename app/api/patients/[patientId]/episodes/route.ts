import { requireActor } from "@/lib/auth/current-actor";
import { episodeHandlers } from "@/lib/episodes/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ patientId: string }> };

/** The patient's episodes of care. */
export const GET = apiRoute(async (req, ctx: Ctx) => episodeHandlers.patientEpisodes(await requireActor(), req, ctx));
/** Open an episode of care. */
export const POST = apiRoute(async (req, ctx: Ctx) => episodeHandlers.openEpisode(await requireActor(), req, ctx));
