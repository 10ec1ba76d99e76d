import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, queryOf, readJson } from "@/lib/http/respond";

import { registerPatient } from "@/lib/patients/register-patient";
import { searchPatients } from "@/lib/patients/search-patients";

export const GET = apiRoute(async (req) => {
  const actor = await requireActor();
  return NextResponse.json({ patients: await searchPatients(actor, queryOf(req)) });
});

/** 409 with `duplicates` (id, name, date of birth) for a likely duplicate, unless `confirmDuplicate: true`. */
export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  const patient = await registerPatient(actor, await readJson(req));
  return NextResponse.json({ patient }, { status: 201 });
});
