import type { Route } from "@/lib/http/endpoint";

/** Where the intake endpoints the staff pages and the account step call live; the schemas are in ./contracts.ts. */
export const intakeRoutes = {
  createAccount: { method: "POST", path: "/api/intake/account" },
  sendLink: { method: "POST", path: "/api/patients/{patientId}/intake-links" },
  revokeLinks: { method: "DELETE", path: "/api/intakes/{intakeId}/links" },
  acknowledgeFlag: { method: "POST", path: "/api/red-flags/{flagId}/acknowledge" },
  status: { method: "GET", path: "/api/patients/{patientId}/intake-status" },
  redFlags: { method: "GET", path: "/api/red-flags" },
} as const satisfies Record<string, Route>;

/**
 * Filling in an intake: the same draft through an emailed link (the token is
 * the credential) or a signed-in patient's portal. Kept apart from the staff
 * routes so the intake link page bundles only these. A save is a PUT; a page
 * being hidden sends the same body as a keepalive POST.
 */
export const intakeFillRoutes = {
  linkIntake: { method: "GET", path: "/api/intake/{token}" },
  linkSaveDraft: { method: "PUT", path: "/api/intake/{token}/draft" },
  linkSaveDraftOnHide: { method: "POST", path: "/api/intake/{token}/draft" },
  linkSubmit: { method: "POST", path: "/api/intake/{token}/submit" },
  ownIntake: { method: "GET", path: "/api/intakes/{intakeId}" },
  ownSaveDraft: { method: "PUT", path: "/api/intakes/{intakeId}/draft" },
  ownSaveDraftOnHide: { method: "POST", path: "/api/intakes/{intakeId}/draft" },
  ownSubmit: { method: "POST", path: "/api/intakes/{intakeId}/submit" },
} as const satisfies Record<string, Route>;
