import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { getToday } from "@/lib/programs/get-today";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return NextResponse.json({ today: await getToday(actor) });
});
