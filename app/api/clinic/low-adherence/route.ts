import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return NextResponse.json(await listLowAdherence(actor));
});
