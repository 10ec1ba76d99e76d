import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { patientContracts } from "@/lib/patients/contracts";
import { getPatient } from "@/lib/patients/get-patient";

import { updatePatient } from "@/lib/patients/update-patient";

type Params = { params: Promise<{ patientId: string }> };

export const GET = apiRoute(async (_req, ctx: Params) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return respond(patientContracts.get, { patient: await getPatient(actor, patientId) });
});

/** Corrects details; 409 with `current` when someone else saved since `expectedVersion`. */
export const PATCH = apiRoute(async (req, ctx: Params) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return respond(patientContracts.update, await updatePatient(actor, patientId, await readJson(req)));
});
