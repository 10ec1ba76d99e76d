import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { privateJson } from "@/lib/intake/http";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";

/** The clinic's unacknowledged red flags (tier only for the front desk). */
export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return privateJson({ alerts: await listRedFlagAlerts(actor) });
});
