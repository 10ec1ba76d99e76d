import { described, errorResponses, needs, pathParam } from "@/lib/openapi/helpers";

/** The FHIR export's part of the OpenAPI document (H5; the episode API adds its own file). */
export function episodeFhirOpenApiPaths(): Record<string, unknown> {
  const bundle = described("FHIR R4 Bundle (type collection)", "application/fhir+json");
  return {
    "/api/episodes/{episodeId}/fhir": {
      get: {
        tags: ["episodes"],
        summary: "An episode of care as a FHIR R4 Bundle (download)",
        ...needs("episode:read"),
        parameters: [pathParam("episodeId")],
        responses: { "200": bundle, ...errorResponses },
      },
    },
    "/api/me/fhir": {
      get: {
        tags: ["episodes"],
        summary: "The signed-in patient's own record as a FHIR R4 Bundle (download)",
        ...needs("record:export:own"),
        responses: { "200": bundle, ...errorResponses },
      },
    },
  };
}
