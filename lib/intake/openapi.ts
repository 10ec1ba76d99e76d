import { intakeContracts as c } from "./contracts";
import { saveDraftSchema, submitIntakeSchema } from "./schema";
import {
  credential,
  described,
  errorResponses,
  fromContract,
  jsonBody,
  needs,
  ok,
  pathParam,
  errorSchema,
} from "@/lib/openapi/helpers";

const token = pathParam("token", { type: "string", pattern: "^[A-Za-z0-9_-]{43}$" });
const intakeId = pathParam("intakeId");
const conflict = { "409": ok(errorSchema, "Saved from another device since, or already submitted") };
const gone = { "410": ok(errorSchema, "The link has expired, was revoked or was used") };

/** The intake API's part of the OpenAPI document (schemas from the modules the handlers call). */
export function intakeOpenApiPaths(): Record<string, unknown> {
  const draft = (summary: string, access: object, params: object[]) => ({
    tags: ["intake"],
    summary,
    ...access,
    parameters: params,
    requestBody: jsonBody(saveDraftSchema),
    responses: { "200": described("{ saved: { revision, lastSavedAt } }"), ...conflict, ...errorResponses },
  });
  return {
    "/api/intake/{token}": {
      get: {
        tags: ["intake"],
        summary: "The draft behind an intake link (no account needed: the link is the credential)",
        ...credential("intake-link"),
        parameters: [token],
        responses: { "200": described("{ intake }"), ...gone, ...errorResponses },
      },
    },
    "/api/intake/{token}/draft": {
      put: draft("Autosave a draft through an intake link", credential("intake-link"), [token]),
      post: draft("Autosave (what a page being hidden can still send)", credential("intake-link"), [token]),
    },
    "/api/intake/{token}/submit": {
      post: {
        tags: ["intake"],
        summary: "Submit through an intake link (idempotent per submissionKey)",
        ...credential("intake-link"),
        parameters: [token],
        requestBody: jsonBody(submitIntakeSchema),
        responses: { "200": described("{ submitted }"), ...conflict, ...gone, ...errorResponses },
      },
    },
    "/api/intake/account": {
      post: {
        tags: ["intake"],
        summary: "Right after submitting through a link: choose a password for the portal",
        ...credential("account-setup-token"),
        ...fromContract(c.createAccount, { responses: { ...conflict, ...gone } }),
      },
    },
    "/api/intakes/{intakeId}": {
      get: {
        tags: ["intake"],
        summary: "A signed-in patient's own draft",
        ...needs("intake:write:own"),
        parameters: [intakeId],
        responses: { "200": described("{ intake }"), ...errorResponses },
      },
    },
    "/api/intakes/{intakeId}/draft": {
      put: draft("Autosave the patient's own draft", needs("intake:write:own"), [intakeId]),
      post: draft("Autosave (what a page being hidden can still send)", needs("intake:write:own"), [intakeId]),
    },
    "/api/intakes/{intakeId}/submit": {
      post: {
        tags: ["intake"],
        summary: "Submit the patient's own intake (idempotent per submissionKey)",
        ...needs("intake:write:own"),
        parameters: [intakeId],
        requestBody: jsonBody(submitIntakeSchema),
        responses: { "200": described("{ submitted }"), ...conflict, ...errorResponses },
      },
    },
    "/api/intakes/{intakeId}/fhir": {
      get: {
        tags: ["intake"],
        summary: "A submitted intake as a FHIR R4 Bundle (download)",
        ...needs(["intake:read", "intake:read:own"]),
        parameters: [intakeId],
        responses: {
          "200": described("FHIR R4 Bundle", "application/fhir+json"),
          "409": ok(errorSchema, "Not submitted yet"),
          ...errorResponses,
        },
      },
    },
    "/api/intakes/{intakeId}/links": {
      delete: {
        tags: ["intake"],
        summary: "Stop the intake's link from working (front desk)",
        ...needs("intake-link:send"),
        ...fromContract(c.revokeLinks),
      },
    },
    "/api/patients/{patientId}/intake-links": {
      post: {
        tags: ["intake"],
        summary: "Send (or resend) an intake or follow-up link; the link is returned once",
        ...needs("intake-link:send"),
        ...fromContract(c.sendLink),
      },
    },
    "/api/patients/{patientId}/intake-status": {
      get: {
        tags: ["intake"],
        summary: "Whether the patient's intake is done, and red-flag tiers",
        ...needs("intake-status:read"),
        parameters: [pathParam("patientId")],
        responses: { "200": described("{ status }"), ...errorResponses },
      },
    },
    "/api/red-flags": {
      get: {
        tags: ["intake"],
        summary: "The clinic's unacknowledged red flags (tier only for the front desk)",
        ...needs("red-flag:read-summary"),
        responses: { "200": described("{ alerts }"), ...errorResponses },
      },
    },
    "/api/red-flags/{flagId}/acknowledge": {
      post: {
        tags: ["intake"],
        summary: "A clinician acknowledges a red flag with a note",
        ...needs("red-flag:acknowledge"),
        ...fromContract(c.acknowledgeFlag, { responses: { "409": ok(errorSchema, "Already acknowledged") } }),
      },
    },
  };
}
