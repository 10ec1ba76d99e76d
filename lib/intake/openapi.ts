import type { Contract } from "@/lib/http/endpoint";
import { intakeContracts as c, intakeFillContracts as f } from "./contracts";
import {
  credential,
  errorResponses,
  errorSchema,
  fhirBundle,
  fromContract,
  needs,
  ok,
  pathParam,
} from "@/lib/openapi/helpers";

const token = pathParam("token", { type: "string", pattern: "^[A-Za-z0-9_-]{43}$" });
const intakeId = pathParam("intakeId");
const conflict = { "409": ok(errorSchema, "Saved from another device since, or already submitted") };
const gone = { "410": ok(errorSchema, "The link has expired, was revoked or was used") };

/** The intake API's part of the OpenAPI document (schemas from the modules the handlers call). */
export function intakeOpenApiPaths(): Record<string, unknown> {
  // Through a link, the token is the credential: keep its exact shape in the document.
  const viaLink = (contract: Contract, more: Record<string, unknown>) => ({
    ...fromContract(contract, { responses: more }),
    parameters: [token],
  });
  const draft = (summary: string, access: object, op: object) => ({ tags: ["intake"], summary, ...access, ...op });
  return {
    "/api/intake/{token}": {
      get: {
        tags: ["intake"],
        summary: "The draft behind an intake link (no account needed: the link is the credential)",
        ...credential("intake-link"),
        ...viaLink(f.linkIntake, gone),
      },
    },
    "/api/intake/{token}/draft": {
      put: draft(
        "Autosave a draft through an intake link",
        credential("intake-link"),
        viaLink(f.linkSaveDraft, { ...conflict, ...gone }),
      ),
      post: draft(
        "Autosave (what a page being hidden can still send)",
        credential("intake-link"),
        viaLink(f.linkSaveDraftOnHide, { ...conflict, ...gone }),
      ),
    },
    "/api/intake/{token}/submit": {
      post: {
        tags: ["intake"],
        summary: "Submit through an intake link (idempotent per submissionKey)",
        ...credential("intake-link"),
        ...viaLink(f.linkSubmit, { ...conflict, ...gone }),
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
        ...fromContract(f.ownIntake, { responses: conflict }),
      },
    },
    "/api/intakes/{intakeId}/draft": {
      put: draft(
        "Autosave the patient's own draft",
        needs("intake:write:own"),
        fromContract(f.ownSaveDraft, { responses: conflict }),
      ),
      post: draft(
        "Autosave (what a page being hidden can still send)",
        needs("intake:write:own"),
        fromContract(f.ownSaveDraftOnHide, { responses: conflict }),
      ),
    },
    "/api/intakes/{intakeId}/submit": {
      post: {
        tags: ["intake"],
        summary: "Submit the patient's own intake (idempotent per submissionKey)",
        ...needs("intake:write:own"),
        ...fromContract(f.ownSubmit, { responses: conflict }),
      },
    },
    "/api/intakes/{intakeId}/fhir": {
      get: {
        tags: ["intake"],
        summary: "A submitted intake as a FHIR R4 Bundle (download)",
        ...needs(["intake:read", "intake:read:own"]),
        parameters: [intakeId],
        responses: {
          "200": fhirBundle("FHIR R4 Bundle (type collection): the QuestionnaireResponse and its Observations"),
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
        ...fromContract(c.status),
      },
    },
    "/api/red-flags": {
      get: {
        tags: ["intake"],
        summary: "The clinic's unacknowledged red flags (tier only for the front desk)",
        ...needs("red-flag:read-summary"),
        ...fromContract(c.redFlags),
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
