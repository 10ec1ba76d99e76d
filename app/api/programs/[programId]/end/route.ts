import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { endProgram } from "@/lib/programs/end-program";

export const POST = apiRoute(async (req, ctx: { params: Promise<{ programId: string }> }) => {
  const actor = await requireActor();
  await endProgram(actor, (await ctx.params).programId, await readJson(req));
  return NextResponse.json({ ended: true });
});
