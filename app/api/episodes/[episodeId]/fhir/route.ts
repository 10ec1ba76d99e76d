import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { exportEpisodeFhir } from "@/lib/episodes/export-fhir-record";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ episodeId: string }> };

/** An episode of care as a FHIR R4 Bundle (clinicians), as a download. */
export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  const { episodeId } = await ctx.params;
  const bundle = await exportEpisodeFhir(actor, episodeId);
  return new NextResponse(JSON.stringify(bundle, null, 2), {
    headers: {
      "Content-Type": "application/fhir+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="episode-${episodeId}.fhir.json"`,
      "Cache-Control": "no-store",
    },
  });
});
