import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { getProgramHandout } from "@/lib/programs/get-program-handout";
import { loadHandoutImages } from "@/lib/programs/handout-images";
import { renderHandoutPdf } from "@/lib/programs/handout-pdf";

/** The handout as a PDF download (the printable page is /…/exercises/handout). */
export const GET = apiRoute(async (_req, ctx: { params: Promise<{ patientId: string }> }) => {
  const actor = await requireActor();
  const handout = await getProgramHandout(actor, (await ctx.params).patientId);
  const pdf = await renderHandoutPdf(handout, await loadHandoutImages(handout, actor.clinicId));
  const name = handout.patientName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="home-exercises-${name}-v${handout.version.version}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
