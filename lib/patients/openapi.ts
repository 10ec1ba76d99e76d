import { described, errorResponses, jsonBody, needs, pathParam, queryParams } from "@/lib/openapi/helpers";
import { patientSearchSchema, registerPatientSchema } from "./schema";

/** The patients API's part of the OpenAPI document (schemas from ./schema.ts, which the handlers parse with). */
export function patientsOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/patients": {
      get: {
        tags: ["patients"],
        summary:
          "Search the clinic's patients (staff). Prefer POST /api/patients/search: a name in a URL ends up in logs",
        deprecated: true,
        ...needs("patient:read:demographics"),
        parameters: queryParams(patientSearchSchema),
        responses: { "200": described("{ patients: [...] }"), ...errorResponses },
      },
      post: {
        tags: ["patients"],
        summary: "Register a patient (front desk, admin)",
        ...needs("patient:register"),
        requestBody: jsonBody(registerPatientSchema),
        responses: { "201": described("{ patient }"), ...errorResponses },
      },
    },
    "/api/patients/search": {
      post: {
        tags: ["patients"],
        summary: "Search the clinic's patients by name, phone or date of birth (staff); the text stays out of the URL",
        ...needs("patient:read:demographics"),
        requestBody: jsonBody(patientSearchSchema),
        responses: { "200": described("{ patients: [...] }"), ...errorResponses },
      },
    },
    "/api/patients/{patientId}": {
      get: {
        tags: ["patients"],
        summary: "One patient's demographics (staff of the clinic, or the patient)",
        ...needs(["patient:read:demographics", "patient:read:own"]),
        parameters: [pathParam("patientId")],
        responses: { "200": described("{ patient }"), ...errorResponses },
      },
    },
  };
}
