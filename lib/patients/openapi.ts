import { z } from "zod";
import {
  described,
  errorResponses,
  errorSchema,
  jsonBody,
  needs,
  ok,
  pathParam,
  queryParams,
} from "@/lib/openapi/helpers";
import { patientSearchSchema, registerPatientSchema, setPatientActiveSchema, updatePatientSchema } from "./schema";

const duplicates = z.object({
  error: errorSchema.shape.error.extend({
    duplicates: z.array(
      z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), dateOfBirth: z.string() }),
    ),
  }),
});
const changed = z.object({
  error: errorSchema.shape.error.extend({ current: z.record(z.string(), z.unknown()) }),
});

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
        summary:
          "Register a patient (front desk, admin). A likely duplicate (same date of birth, similar name) is refused with the candidates unless confirmDuplicate is true",
        ...needs("patient:register"),
        requestBody: jsonBody(registerPatientSchema),
        responses: {
          "201": described("{ patient }"),
          "409": ok(duplicates, "Likely duplicate: id, name and date of birth of each candidate; nothing was created"),
          ...errorResponses,
        },
      },
    },
    "/api/patients/search": {
      post: {
        tags: ["patients"],
        summary:
          "Search the clinic's patients by name, phone or date of birth (staff); the text stays out of the URL. Inactive patients only with includeInactive",
        ...needs("patient:read:demographics"),
        requestBody: jsonBody(patientSearchSchema),
        responses: { "200": described("{ patients: [...] }"), ...errorResponses },
      },
    },
    "/api/patients/{patientId}": {
      get: {
        tags: ["patients"],
        summary:
          "One patient's demographics, contact details and primary therapist (staff of the clinic, or the patient)",
        ...needs(["patient:read:demographics", "patient:read:own"]),
        parameters: [pathParam("patientId")],
        responses: { "200": described("{ patient }"), ...errorResponses },
      },
      patch: {
        tags: ["patients"],
        summary:
          "Correct a patient's details or primary therapist (staff). Absent fields are unchanged, empty strings clear; each change is audited with its old and new value",
        ...needs("patient:update"),
        parameters: [pathParam("patientId")],
        requestBody: jsonBody(updatePatientSchema),
        responses: {
          "200": described("{ patient, changed: [field names] }"),
          "409": ok(changed, "Changed by someone else since expectedVersion: the current details; nothing was saved"),
          ...errorResponses,
        },
      },
    },
    "/api/patients/{patientId}/status": {
      post: {
        tags: ["patients"],
        summary:
          "Mark a patient inactive (history kept; out of default searches; no new bookings) or active again (staff)",
        ...needs("patient:update"),
        parameters: [pathParam("patientId")],
        requestBody: jsonBody(setPatientActiveSchema),
        responses: { "200": described("{ patient, upcomingVisits }"), ...errorResponses },
      },
    },
  };
}
