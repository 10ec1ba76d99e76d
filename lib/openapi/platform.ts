import { z } from "zod";
import { credential, ok } from "./helpers";

/** Endpoints that belong to no domain. next-auth's /api/auth/* is its own protocol (form posts), not listed. */
export function platformOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/health": {
      get: {
        tags: ["platform"],
        summary: "Liveness: the server and its database answer",
        ...credential("none"),
        responses: { "200": ok(z.object({ ok: z.literal(true) })), "503": ok(z.object({ ok: z.literal(false) })) },
      },
    },
    "/api/openapi.json": {
      get: {
        tags: ["platform"],
        summary: "This document",
        ...credential("none"),
        responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
      },
    },
  };
}
