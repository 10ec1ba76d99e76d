import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, queryOf, readJson, respond } from "@/lib/http/respond";
import { patientContracts } from "@/lib/patients/contracts";
import { registerPatient } from "@/lib/patients/register-patient";
import { searchPatients } from "@/lib/patients/search-patients";

export const GET = apiRoute(async (req) => {
  const actor = await requireActor();
  return respond(patientContracts.list, { patients: await searchPatients(actor, queryOf(req)) });
});

/** 409 with `duplicates` (id, name, date of birth) for a likely duplicate, unless `confirmDuplicate: true`. */
export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  const patient = await registerPatient(actor, await readJson(req));
  return respond(patientContracts.register, { patient });
});
