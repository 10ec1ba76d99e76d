import { errorResponses, fhirBundle, needs, pathParam } from "@/lib/openapi/helpers";

/** The FHIR export's part of the OpenAPI document (H5; the episode API adds its own file). */
export function episodeFhirOpenApiPaths(): Record<string, unknown> {
  const bundle = fhirBundle("FHIR R4 Bundle (type collection)");
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
