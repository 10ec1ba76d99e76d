import { completePasswordReset } from "@/lib/accounts/complete-password-reset";
import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { accountContracts } from "@/lib/accounts/contracts";

/** The emailed reset link's token (in the body, out of access logs) and the new password. */
export const POST = apiRoute(async (req) => {
  const reset = await completePasswordReset(await readJson(req), requestOrigin(req.headers));
  return respond(accountContracts.completeReset, { reset }, NO_STORE);
});
