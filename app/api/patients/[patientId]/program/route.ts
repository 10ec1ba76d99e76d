import { requireActor } from "@/lib/auth/current-actor";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { getPatientProgram } from "@/lib/programs/get-patient-program";
import { saveProgram } from "@/lib/programs/save-program";

type Ctx = { params: Promise<{ patientId: string }> };

export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(c.getProgram, { program: await getPatientProgram(actor, (await ctx.params).patientId) });
});

/** Assign (baseVersion null) or save a new version (baseVersion = the version edited); 409 if someone saved first. */
export const PUT = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const result = await saveProgram(actor, (await ctx.params).patientId, await readJson(req));
  // A first assignment creates the program (201); a new version of it is 200.
  return respond(c.saveProgram, { result }, { status: result.created ? 201 : 200 });
});
