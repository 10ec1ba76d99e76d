import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, readJson } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";

/** Accepting a staff or portal invitation: the token and the chosen password create the account. */
export const POST = apiRoute(async (req) => {
  const account = await acceptInvitation(await readJson(req), requestOrigin(req.headers));
  return privateJson({ account }, { status: 201 });
});
