import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { listExercises, listLibraryMuscles } from "@/lib/exercises/list-exercises";
import { createExercise } from "@/lib/exercises/save-exercise";
import { apiRoute, queryOf, readJson } from "@/lib/http/respond";

export const GET = apiRoute(async (req) => {
  const actor = await requireActor();
  const [exercises, muscles] = await Promise.all([listExercises(actor, queryOf(req)), listLibraryMuscles(actor)]);
  return NextResponse.json({ exercises, muscles });
});

export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  return NextResponse.json({ exercise: await createExercise(actor, await readJson(req)) }, { status: 201 });
});
