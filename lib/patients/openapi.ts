import { z } from "zod";
import { errorWith, fromContract, needs, ok } from "@/lib/openapi/helpers";
import { patientContracts as c, duplicateCandidateSchema, patientDetailsSchema } from "./contracts";

const duplicates = errorWith({ duplicates: z.array(duplicateCandidateSchema) });
const changed = errorWith({ current: patientDetailsSchema });

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
        ...fromContract(c.list),
      },
      post: {
        tags: ["patients"],
        summary:
          "Register a patient (front desk, admin). A likely duplicate (same date of birth, similar name) is refused with the candidates unless confirmDuplicate is true",
        ...needs("patient:register"),
        ...fromContract(c.register, {
          responses: {
            "409": ok(
              duplicates,
              "Likely duplicate: id, name and date of birth of each candidate; nothing was created",
            ),
          },
        }),
      },
    },
    "/api/patients/search": {
      post: {
        tags: ["patients"],
        summary:
          "Search the clinic's patients by name, phone or date of birth (staff); the text stays out of the URL. Inactive patients only with includeInactive",
        ...needs("patient:read:demographics"),
        ...fromContract(c.search),
      },
    },
    "/api/patients/{patientId}": {
      get: {
        tags: ["patients"],
        summary:
          "One patient's demographics, contact details and primary therapist (staff of the clinic, or the patient)",
        ...needs(["patient:read:demographics", "patient:read:own"]),
        ...fromContract(c.get),
      },
      patch: {
        tags: ["patients"],
        summary:
          "Correct a patient's details or primary therapist (staff). Absent fields are unchanged, empty strings clear; each change is audited with its old and new value",
        ...needs("patient:update"),
        ...fromContract(c.update, {
          responses: {
            "409": ok(changed, "Changed by someone else since expectedVersion: the current details; nothing was saved"),
          },
        }),
      },
    },
    "/api/patients/{patientId}/status": {
      post: {
        tags: ["patients"],
        summary:
          "Mark a patient inactive (history kept; out of default searches; no new bookings) or active again (staff)",
        ...needs("patient:update"),
        ...fromContract(c.setActive),
      },
    },
    "/api/patients/{patientId}/message-preferences": {
      get: {
        tags: ["patients"],
        summary:
          "How the patient wants to be reached (email, text or both) and their text consent (the patient, or staff)",
        ...needs(["patient:read:own", "patient:read:demographics"]),
        ...fromContract(c.getMessagePreferences),
      },
      put: {
        tags: ["patients"],
        summary:
          "Choose email, text or both. Text needs a mobile number and, for a new opt-in, consent: true (staff also say consentMethod); email only withdraws consent. Audited",
        ...needs(["message-preferences:write:own", "patient:update"]),
        ...fromContract(c.setMessagePreferences),
      },
    },
  };
}
