import { sendPortalInvitation } from "@/lib/accounts/send-portal-invitation";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, respond } from "@/lib/http/respond";
import { accountContracts } from "@/lib/accounts/contracts";

type Ctx = { params: Promise<{ patientId: string }> };

/** Front desk: email a registered patient a link to set up their portal account. The link is never returned. */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const invitation = await sendPortalInvitation(actor, (await ctx.params).patientId);
  return respond(accountContracts.invitePatient, { invitation }, NO_STORE);
});
