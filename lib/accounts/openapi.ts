import { credential, errorSchema, fromContract, needs, ok } from "@/lib/openapi/helpers";
import { accountContracts as c } from "./contracts";

const gone = { "410": ok(errorSchema, "The link is unknown, expired, revoked or already used") };
const conflict = { "409": ok(errorSchema, "An account already exists") };

/** The accounts API's part of the OpenAPI document: emailed links (decision 050). */
export function accountsOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/account/password-reset": {
      post: {
        tags: ["accounts"],
        summary:
          "Forgot your password: emails a 30-minute reset link to an active account. The same 202 whether or not the address has one",
        ...credential("none"),
        ...fromContract(c.requestReset, {
          description: "Accepted",
          responses: { "429": ok(errorSchema, "Too many requests for this address or from this client") },
        }),
      },
    },
    "/api/account/password-reset/complete": {
      post: {
        tags: ["accounts"],
        summary: "Set a new password with the emailed reset token; ends every session of the account",
        ...credential("account-link-token"),
        ...fromContract(c.completeReset, { responses: gone }),
      },
    },
    "/api/account/invitation": {
      post: {
        tags: ["accounts"],
        summary: "Accept a staff or patient-portal invitation: the emailed token and a new password create the account",
        ...credential("account-link-token"),
        ...fromContract(c.acceptInvitation, { responses: { ...conflict, ...gone } }),
      },
    },
    "/api/patients/{patientId}/portal-invitation": {
      post: {
        tags: ["accounts"],
        summary: "Email a registered patient without an account a link to set up the portal (front desk, admin)",
        ...needs("patient:register"),
        ...fromContract(c.invitePatient, { responses: conflict }),
      },
    },
  };
}
