import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { accountContracts } from "@/lib/accounts/contracts";

/** "Forgot your password?": the same 202 whether or not the address has an account. */
export const POST = apiRoute(async (req) => {
  const result = await requestPasswordReset(await readJson(req), requestOrigin(req.headers));
  return respond(accountContracts.requestReset, result, NO_STORE);
});
