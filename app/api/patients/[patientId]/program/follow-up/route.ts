import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";

export const GET = apiRoute(async (_req, ctx: { params: Promise<{ patientId: string }> }) => {
  const actor = await requireActor();
  return NextResponse.json({ followUp: await getProgramFollowUp(actor, (await ctx.params).patientId) });
});
