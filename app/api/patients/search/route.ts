import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson, respond } from "@/lib/http/respond";
import { patientContracts } from "@/lib/patients/contracts";
import { searchPatients } from "@/lib/patients/search-patients";

/**
 * Patient search with the search text in the body: a name typed into the
 * search box must not end up in a URL (server and proxy logs, browser history,
 * Referer). The app's own search boxes use this; see docs/decisions/046.
 */
export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  return respond(patientContracts.search, { patients: await searchPatients(actor, await readJson(req)) });
});
