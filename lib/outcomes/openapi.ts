import { errorResponses, file, needs } from "@/lib/openapi/helpers";

const day = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string", format: "date" },
});

/** The outcome report's part of the OpenAPI document (lib/outcomes). */
export function outcomesOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/outcomes/report.csv": {
      get: {
        tags: ["outcomes"],
        summary: "The clinic outcome report as CSV; groups of fewer than 5 episodes say so instead of figures",
        ...needs("outcome-report:read"),
        parameters: [
          day("from", "First discharge date (clinic-local); default 365 days before `to`"),
          day("to", "Last discharge date (clinic-local); default today"),
        ],
        responses: { "200": file("CSV, one row per group and measure", "text/csv"), ...errorResponses },
      },
    },
  };
}
