/** The episodes JSON API for the browser: a typed client and the types of what it answers. */

import type { ResponseOf } from "@/lib/http/endpoint";
import { apiClient } from "@/lib/http/api-client";
import type { episodeContracts } from "@/lib/episodes/contracts";
import { episodeRoutes } from "@/lib/episodes/routes";

type C = typeof episodeContracts;

/** The episodes API, typed by its contracts (lib/episodes/contracts.ts); only the routes are bundled. */
export const episodeApi = apiClient<C>(episodeRoutes);

export type EpisodeViewWire = ResponseOf<C["episode"]>["episode"];
export type AuthorizationWire = EpisodeViewWire["authorizations"][number];

export const EPISODE_STATUS_LABEL: Record<EpisodeViewWire["status"], string> = {
  active: "Active",
  on_hold: "On hold",
  discharged: "Discharged",
};
