import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute, NO_STORE, readJson, respond } from "@/lib/http/respond";
import { intakeContracts } from "@/lib/intake/contracts";
import { createAccountFromIntake } from "@/lib/intake/create-account-from-intake";

/** After submitting through a link: the patient chooses a password for the portal. */
export const POST = apiRoute(async (req) => {
  const account = await createAccountFromIntake(await readJson(req), requestOrigin(req.headers));
  return respond(intakeContracts.createAccount, { account }, NO_STORE);
});
