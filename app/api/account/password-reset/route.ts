import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";

/** "Forgot your password?": the same 202 whether or not the address has an account. */
export const POST = apiRoute(async (req) => {
  const result = await requestPasswordReset(await readJson(req), requestOrigin(req.headers));
  return privateJson(result, { status: 202 });
});
