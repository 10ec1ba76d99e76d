import { z } from "zod";
import { credential, ok } from "./helpers";

const notReady = z.object({
  ok: z.literal(false),
  ready: z.literal(false),
  reason: z.enum(["shutting_down", "database_unreachable", "migrations_pending", "migrations_failed"]),
  /** The migrations pending or failed. */
  migrations: z.array(z.string()).optional(),
});

const readiness = {
  "200": ok(z.object({ ok: z.literal(true) })),
  "503": ok(notReady, "Not ready: send no traffic"),
};

/** Endpoints that belong to no domain. next-auth's /api/auth/* is its own protocol (form posts), not listed. */
export function platformOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/health": {
      get: {
        tags: ["platform"],
        summary: "Readiness (kept for existing probes): the same answer as /api/health/ready",
        ...credential("none"),
        responses: readiness,
      },
    },
    "/api/health/live": {
      get: {
        tags: ["platform"],
        summary: "Liveness: the process answers (no database)",
        ...credential("none"),
        responses: { "200": ok(z.object({ ok: z.literal(true) })) },
      },
    },
    "/api/health/ready": {
      get: {
        tags: ["platform"],
        summary: "Readiness: database reachable, every migration of this build applied, not shutting down",
        ...credential("none"),
        responses: readiness,
      },
    },
    "/api/openapi.json": {
      get: {
        tags: ["platform"],
        summary: "This document",
        ...credential("none"),
        responses: {
          "200": ok(
            z.looseObject({
              openapi: z.literal("3.1.0"),
              info: z.looseObject({ title: z.string(), version: z.string() }),
              paths: z.record(z.string(), z.record(z.string(), z.unknown())),
            }),
            "OpenAPI 3.1",
          ),
        },
      },
    },
  };
}
