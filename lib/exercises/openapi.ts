import { errorResponses, errorSchema, file, fromContract, needs, ok, pathParam } from "@/lib/openapi/helpers";
import { exerciseContracts as c, myExerciseContracts as mine } from "./contracts";

const patientId = pathParam("patientId");
const stale = { "409": ok(errorSchema, "Someone saved a newer version first") };

/** The exercise library and home programs' part of the OpenAPI document (lib/exercises, lib/programs). */
export function exercisesOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/exercises": {
      get: {
        tags: ["exercises"],
        summary: "The clinic's exercise library, filtered",
        ...needs("program:read"),
        ...fromContract(c.list),
      },
      post: {
        tags: ["exercises"],
        summary: "Add an exercise to the library",
        ...needs("exercise-library:write"),
        ...fromContract(c.create),
      },
    },
    "/api/exercises/{exerciseId}": {
      get: {
        tags: ["exercises"],
        summary: "One library exercise",
        ...needs("program:read"),
        ...fromContract(c.get),
      },
      put: {
        tags: ["exercises"],
        summary: "Edit a library exercise",
        ...needs("exercise-library:write"),
        ...fromContract(c.update),
      },
      patch: {
        tags: ["exercises"],
        summary: "Archive or restore a library exercise",
        ...needs("exercise-library:write"),
        ...fromContract(c.setArchived),
      },
    },
    "/api/exercises/{exerciseId}/media": {
      post: {
        tags: ["exercises"],
        summary: "Upload a picture or video (multipart/form-data, one `file`; checked from its bytes)",
        ...needs("exercise-library:write"),
        ...fromContract(c.uploadMedia),
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: { file: { type: "string", format: "binary" } },
                required: ["file"],
              },
            },
          },
        },
      },
      delete: {
        tags: ["exercises"],
        summary: "Remove the exercise's picture or video",
        ...needs("exercise-library:write"),
        ...fromContract(c.removeMedia),
      },
    },
    "/api/exercise-media/{mediaId}": {
      get: {
        tags: ["exercises"],
        summary: "An uploaded picture or video (one byte range honoured)",
        ...needs(["program:read", "program:read:own"]),
        parameters: [pathParam("mediaId")],
        responses: {
          "200": file(
            "The file, in the media type it was uploaded as (image/* or video/*)",
            "application/octet-stream",
            true,
          ),
          "206": file("One byte range of the file (Range header)", "application/octet-stream", true),
          ...errorResponses,
        },
      },
    },
    "/api/patients/{patientId}/program": {
      get: {
        tags: ["exercises"],
        summary: "The patient's current home exercise program",
        ...needs(["program:read", "program:read:own"]),
        ...fromContract(c.getProgram),
      },
      put: {
        tags: ["exercises"],
        summary: "Assign (baseVersion null) or save a new version (baseVersion = the version edited)",
        ...needs("program:write"),
        ...fromContract(c.saveProgram, {
          description: "A new version of the program",
          responses: { "201": ok(c.saveProgram.response, "The program, assigned for the first time"), ...stale },
        }),
      },
    },
    "/api/patients/{patientId}/program/follow-up": {
      get: {
        tags: ["exercises"],
        summary: "Adherence per week beside pain and score trends",
        ...needs("program:read"),
        ...fromContract(c.followUp),
      },
    },
    "/api/patients/{patientId}/program/handout": {
      get: {
        tags: ["exercises"],
        summary: "The printable handout as a PDF download",
        ...needs(["program:read", "program:read:own"]),
        parameters: [patientId],
        responses: { "200": file("The handout as a PDF download", "application/pdf", true), ...errorResponses },
      },
    },
    "/api/program-templates": {
      get: {
        tags: ["exercises"],
        summary: "The clinic's program templates",
        ...needs("program:read"),
        ...fromContract(c.listTemplates),
      },
      post: {
        tags: ["exercises"],
        summary: "Save a program template",
        ...needs("program:write"),
        ...fromContract(c.saveTemplate),
      },
    },
    "/api/program-templates/{templateId}": {
      delete: {
        tags: ["exercises"],
        summary: "Archive a program template",
        ...needs("program:write"),
        ...fromContract(c.archiveTemplate),
      },
      patch: {
        tags: ["exercises"],
        summary: "Set the STarT Back group a template suits (or none)",
        ...needs("program:write"),
        ...fromContract(c.setTemplateRisk),
      },
    },
    "/api/programs/{programId}/end": {
      post: {
        tags: ["exercises"],
        summary: "End a program (compare-and-set on baseVersion)",
        ...needs("program:write"),
        ...fromContract(c.endProgram, { responses: stale }),
      },
    },
    "/api/clinic/low-adherence": {
      get: {
        tags: ["exercises"],
        summary: "Patients whose adherence is low this week",
        ...needs("program:read"),
        ...fromContract(c.lowAdherence),
      },
    },
    "/api/me/exercise-logs": {
      post: {
        tags: ["exercises"],
        summary: "Log exercise sessions from the patient's device (idempotent per clientKey)",
        ...needs("exercise-log:write:own"),
        ...fromContract(mine.logSessions, {
          description: "At least one log was new",
          responses: {
            "200": ok(mine.logSessions.response, "Every log was logged before (a resend): nothing changed"),
          },
        }),
      },
    },
    "/api/me/exercises/history": {
      get: {
        tags: ["exercises"],
        summary: "The signed-in patient's logged sessions",
        ...needs("program:read:own"),
        ...fromContract(mine.history),
      },
    },
    "/api/me/exercises/today": {
      get: {
        tags: ["exercises"],
        summary: "What the signed-in patient has to do today",
        ...needs("program:read:own"),
        ...fromContract(mine.today),
      },
    },
  };
}
