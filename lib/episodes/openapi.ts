import { errorSchema, errorWith, fromContract, needs, ok } from "@/lib/openapi/helpers";
import { z } from "zod";
import { episodeContracts as c } from "./contracts";

const alreadyOpen = errorWith({
  code: z.literal("conflict"),
  episodeId: z.uuid().describe("The patient's open episode."),
});
const discharged = ok(errorSchema, "The episode is discharged (or changed since it was loaded)");

/** The episodes API's part of the OpenAPI document, from the endpoint contracts in ./contracts.ts. */
export function episodesOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/patients/{patientId}/episodes": {
      get: {
        tags: ["episodes"],
        ...needs("episode:read:schedule"),
        summary: "A patient's episodes of care, the open one first (clinical part only with episode:read)",
        ...fromContract(c.patientEpisodes),
      },
      post: {
        tags: ["episodes"],
        ...needs("episode:write"),
        summary: "Open an episode of care, from a submitted intake or without one",
        ...fromContract(c.openEpisode, {
          responses: { "409": ok(alreadyOpen, "The patient already has an open episode") },
        }),
      },
    },
    "/api/episodes/{episodeId}": {
      get: {
        tags: ["episodes"],
        ...needs("episode:read:schedule"),
        summary: "An episode: plan, authorisations with visits used, visits, re-evaluation status",
        ...fromContract(c.episode),
      },
      patch: {
        tags: ["episodes"],
        ...needs("episode:write"),
        summary: "Edit the plan of care (compare-and-set on expectedVersion)",
        ...fromContract(c.updatePlan, { responses: { "409": discharged } }),
      },
    },
    "/api/episodes/{episodeId}/status": {
      post: {
        tags: ["episodes"],
        ...needs("episode:write"),
        summary: "Hold, resume, record a re-evaluation, or discharge with a reason",
        ...fromContract(c.changeStatus, { responses: { "409": discharged } }),
      },
    },
    "/api/episodes/{episodeId}/authorizations": {
      post: {
        tags: ["episodes"],
        ...needs("episode:authorize"),
        summary: "Record a payer's authorisation (visits between two dates)",
        ...fromContract(c.addAuthorization, { responses: { "409": discharged } }),
      },
    },
    "/api/episodes/{episodeId}/authorizations/{authorizationId}": {
      patch: {
        tags: ["episodes"],
        ...needs("episode:authorize"),
        summary: "Correct an authorisation",
        ...fromContract(c.updateAuthorization, { responses: { "409": discharged } }),
      },
      delete: {
        tags: ["episodes"],
        ...needs("episode:authorize"),
        summary: "Remove an authorisation recorded in error",
        ...fromContract(c.removeAuthorization, { responses: { "409": discharged } }),
      },
    },
  };
}
