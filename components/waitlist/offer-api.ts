import type { offerContracts } from "@/lib/waitlist/offer-contracts";
import { offerRoutes } from "@/lib/waitlist/offer-routes";
import { apiClient } from "@/lib/http/api-client";

/** The offer link's endpoints, typed by lib/waitlist/offer-contracts.ts; only the routes are bundled. */
export const offerApi = apiClient<typeof offerContracts>(offerRoutes);
