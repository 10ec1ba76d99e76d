import type { Route } from "@/lib/http/endpoint";

/** Where the patients API lives; the schemas are in ./contracts.ts. */
export const patientRoutes = {
  list: { method: "GET", path: "/api/patients" },
  register: { method: "POST", path: "/api/patients" },
  search: { method: "POST", path: "/api/patients/search" },
  get: { method: "GET", path: "/api/patients/{patientId}" },
  update: { method: "PATCH", path: "/api/patients/{patientId}" },
  setActive: { method: "POST", path: "/api/patients/{patientId}/status" },
  getMessagePreferences: { method: "GET", path: "/api/patients/{patientId}/message-preferences" },
  setMessagePreferences: { method: "PUT", path: "/api/patients/{patientId}/message-preferences" },
} as const satisfies Record<string, Route>;
