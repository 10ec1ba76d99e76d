import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, respond } from "@/lib/http/respond";
import { intakeContracts } from "@/lib/intake/contracts";
import { getIntakeStatus } from "@/lib/intake/get-intake-status";

type Ctx = { params: Promise<{ patientId: string }> };

export const GET = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(
    intakeContracts.status,
    { status: await getIntakeStatus(actor, (await ctx.params).patientId) },
    NO_STORE,
  );
});
