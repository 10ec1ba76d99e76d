import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { patientContracts } from "@/lib/patients/contracts";
import { setPatientActive } from "@/lib/patients/set-patient-active";

/** Marks the patient inactive or active again: { active, reason? }. */
export const POST = apiRoute(async (req, ctx: { params: Promise<{ patientId: string }> }) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return respond(patientContracts.setActive, await setPatientActive(actor, patientId, await readJson(req)));
});
