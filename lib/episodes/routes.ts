import type { Route } from "@/lib/http/endpoint";

/** Where the episodes API lives; the schemas are in ./contracts.ts (kept apart so pages call these without zod). */
export const episodeRoutes = {
  patientEpisodes: { method: "GET", path: "/api/patients/{patientId}/episodes" },
  openEpisode: { method: "POST", path: "/api/patients/{patientId}/episodes" },
  episode: { method: "GET", path: "/api/episodes/{episodeId}" },
  updatePlan: { method: "PATCH", path: "/api/episodes/{episodeId}" },
  changeStatus: { method: "POST", path: "/api/episodes/{episodeId}/status" },
  addAuthorization: { method: "POST", path: "/api/episodes/{episodeId}/authorizations" },
  updateAuthorization: { method: "PATCH", path: "/api/episodes/{episodeId}/authorizations/{authorizationId}" },
  removeAuthorization: { method: "DELETE", path: "/api/episodes/{episodeId}/authorizations/{authorizationId}" },
} as const satisfies Record<string, Route>;
