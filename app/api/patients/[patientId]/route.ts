import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { getPatient } from "@/lib/patients/get-patient";

export const GET = apiRoute(async (_req, ctx: { params: Promise<{ patientId: string }> }) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return NextResponse.json({ patient: await getPatient(actor, patientId) });
});
