import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { exportIntakeFhir } from "@/lib/intake/export-intake-fhir";

type Ctx = { params: Promise<{ intakeId: string }> };

/** FHIR R4 Bundle (QuestionnaireResponse + Observations) of a submitted intake, as a download. */
export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  const { intakeId } = await ctx.params;
  const bundle = await exportIntakeFhir(actor, intakeId);
  return new NextResponse(JSON.stringify(bundle, null, 2), {
    headers: {
      "Content-Type": "application/fhir+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="intake-${intakeId}.fhir.json"`,
      "Cache-Control": "no-store",
    },
  });
});
