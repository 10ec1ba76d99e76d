import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, readJson } from "@/lib/http/respond";
import { createAccountFromIntake } from "@/lib/intake/create-account-from-intake";
import { privateJson } from "@/lib/intake/http";

/** After submitting through a link: the patient chooses a password for the portal. */
export const POST = apiRoute(async (req) => {
  const account = await createAccountFromIntake(await readJson(req), requestOrigin(req.headers));
  return privateJson({ account }, { status: 201 });
});
