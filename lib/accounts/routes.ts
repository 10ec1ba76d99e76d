import type { Route } from "@/lib/http/endpoint";

/** Where the emailed-link account API lives; the schemas are in ./contracts.ts (pages with a JS budget import only this). */
export const accountRoutes = {
  requestReset: { method: "POST", path: "/api/account/password-reset" },
  completeReset: { method: "POST", path: "/api/account/password-reset/complete" },
  acceptInvitation: { method: "POST", path: "/api/account/invitation" },
  invitePatient: { method: "POST", path: "/api/patients/{patientId}/portal-invitation" },
} as const satisfies Record<string, Route>;
