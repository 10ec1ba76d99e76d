import {
  credential,
  described,
  errorResponses,
  errorSchema,
  jsonBody,
  needs,
  ok,
  pathParam,
} from "@/lib/openapi/helpers";
import { acceptInvitationSchema, completePasswordResetSchema, requestPasswordResetSchema } from "./schema";

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
        requestBody: jsonBody(requestPasswordResetSchema),
        responses: {
          "202": described("{ message }"),
          "429": ok(errorSchema, "Too many requests for this address or from this client"),
          ...errorResponses,
        },
      },
    },
    "/api/account/password-reset/complete": {
      post: {
        tags: ["accounts"],
        summary: "Set a new password with the emailed reset token; ends every session of the account",
        ...credential("account-link-token"),
        requestBody: jsonBody(completePasswordResetSchema),
        responses: { "200": described("{ reset: { role } }"), ...gone, ...errorResponses },
      },
    },
    "/api/account/invitation": {
      post: {
        tags: ["accounts"],
        summary: "Accept a staff or patient-portal invitation: the emailed token and a new password create the account",
        ...credential("account-link-token"),
        requestBody: jsonBody(acceptInvitationSchema),
        responses: { "201": described("{ account: { email, role } }"), ...conflict, ...gone, ...errorResponses },
      },
    },
    "/api/patients/{patientId}/portal-invitation": {
      post: {
        tags: ["accounts"],
        summary: "Email a registered patient without an account a link to set up the portal (front desk, admin)",
        ...needs("patient:register"),
        parameters: [pathParam("patientId")],
        responses: {
          "201": described("{ invitation: { id, email, expiresAt, resent } }"),
          ...conflict,
          ...errorResponses,
        },
      },
    },
  };
}
