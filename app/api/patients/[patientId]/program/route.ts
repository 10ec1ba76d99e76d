import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { getPatientProgram } from "@/lib/programs/get-patient-program";
import { saveProgram } from "@/lib/programs/save-program";

type Ctx = { params: Promise<{ patientId: string }> };

export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return NextResponse.json({ program: await getPatientProgram(actor, (await ctx.params).patientId) });
});

/** Assign (baseVersion null) or save a new version (baseVersion = the version edited); 409 if someone saved first. */
export const PUT = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const result = await saveProgram(actor, (await ctx.params).patientId, await readJson(req));
  return NextResponse.json({ result }, { status: result.created ? 201 : 200 });
});
