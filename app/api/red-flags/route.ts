import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, NO_STORE, respond } from "@/lib/http/respond";
import { intakeContracts } from "@/lib/intake/contracts";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";

/** The clinic's unacknowledged red flags (tier only for the front desk). */
export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return respond(intakeContracts.redFlags, { alerts: await listRedFlagAlerts(actor) }, NO_STORE);
});
