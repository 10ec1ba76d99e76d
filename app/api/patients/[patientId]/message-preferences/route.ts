import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { patientContracts } from "@/lib/patients/contracts";
import { getMessagePreferences, setMessagePreferences } from "@/lib/patients/message-preferences";

type Params = { params: Promise<{ patientId: string }> };

export const GET = apiRoute(async (_req, ctx: Params) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return respond(patientContracts.getMessagePreferences, {
    preferences: await getMessagePreferences(actor, patientId),
  });
});

/** A new opt-in to texts is recorded with its time and source; email only withdraws consent. */
export const PUT = apiRoute(async (req, ctx: Params) => {
  const actor = await requireActor();
  const { patientId } = await ctx.params;
  return respond(patientContracts.setMessagePreferences, {
    preferences: await setMessagePreferences(actor, patientId, await readJson(req)),
  });
});
