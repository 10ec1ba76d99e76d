import { errorSchema, errorWith, fromContract, needs, ok } from "@/lib/openapi/helpers";
import { z } from "zod";
import { waitlistContracts as c } from "./contracts";

const duplicate = errorWith({
  code: z.literal("conflict"),
  entryId: z.uuid().describe("The patient's open entry for this appointment type."),
});

/** The waitlist API's part of the OpenAPI document, from the endpoint contracts in ./contracts.ts. */
export function waitlistOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/waitlist/entries": {
      get: {
        tags: ["waitlist"],
        ...needs(["waitlist:join:own", "waitlist:manage"]),
        summary: "Waitlist entries: the clinic's open ones (staff), or the patient's own (every status)",
        ...fromContract(c.entries),
      },
      post: {
        tags: ["waitlist"],
        ...needs(["waitlist:join:own", "waitlist:manage"]),
        summary: "Put a patient on the waitlist (patients: themselves, online-bookable types only)",
        ...fromContract(c.addEntry, {
          responses: { "409": ok(duplicate, "Already waiting for this appointment type") },
        }),
      },
    },
    "/api/waitlist/entries/{entryId}": {
      delete: {
        tags: ["waitlist"],
        ...needs(["waitlist:join:own", "waitlist:manage"]),
        summary: "Take an entry off the waitlist (its pending offers are withdrawn)",
        ...fromContract(c.removeEntry, { responses: { "409": ok(errorSchema, "The entry has already ended") } }),
      },
      patch: {
        tags: ["waitlist"],
        ...needs("waitlist:prioritize"),
        summary: "Mark an entry urgent or routine (clinicians)",
        ...fromContract(c.setPriority, { responses: { "409": ok(errorSchema, "The entry has already ended") } }),
      },
    },
    "/api/waitlist/freed-times": {
      get: {
        tags: ["waitlist"],
        ...needs("waitlist:manage"),
        summary: "Open freed times of the next four weeks, each with the matching entries in offer order",
        ...fromContract(c.freedTimes),
      },
    },
  };
}
