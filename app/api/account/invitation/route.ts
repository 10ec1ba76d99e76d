import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { accountContracts } from "@/lib/accounts/contracts";

/** Accepting a staff or portal invitation: the token and the chosen password create the account. */
export const POST = apiRoute(async (req) => {
  const account = await acceptInvitation(await readJson(req), requestOrigin(req.headers));
  return respond(accountContracts.acceptInvitation, { account }, NO_STORE);
});
