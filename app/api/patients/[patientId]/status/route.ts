import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { setPatientActive } from "@/lib/patients/set-patient-active";

/** Marks the patient inactive or active again: { active, reason? }. */
export const POST = apiRoute(async (req, ctx: { params: Promise<{ patientId: string }> }) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return NextResponse.json(await setPatientActive(actor, patientId, await readJson(req)));
});
