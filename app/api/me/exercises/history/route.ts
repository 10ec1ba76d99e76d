import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { forbidden } from "@/lib/errors";
import { apiRoute } from "@/lib/http/respond";
import { getExerciseHistory } from "@/lib/programs/get-exercise-history";

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  if (!actor.patientId) throw forbidden();
  return NextResponse.json({ history: await getExerciseHistory(actor, actor.patientId) });
});
