import type { Route } from "@/lib/http/endpoint";

/** Where the intake endpoints the staff pages and the account step call live; the schemas are in ./contracts.ts. */
export const intakeRoutes = {
  createAccount: { method: "POST", path: "/api/intake/account" },
  sendLink: { method: "POST", path: "/api/patients/{patientId}/intake-links" },
  revokeLinks: { method: "DELETE", path: "/api/intakes/{intakeId}/links" },
  acknowledgeFlag: { method: "POST", path: "/api/red-flags/{flagId}/acknowledge" },
} as const satisfies Record<string, Route>;
