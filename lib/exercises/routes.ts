import type { Route } from "@/lib/http/endpoint";

/** Where the exercise-library and program API lives; the schemas are in ./contracts.ts. */
export const exerciseRoutes = {
  list: { method: "GET", path: "/api/exercises" },
  create: { method: "POST", path: "/api/exercises" },
  get: { method: "GET", path: "/api/exercises/{exerciseId}" },
  update: { method: "PUT", path: "/api/exercises/{exerciseId}" },
  setArchived: { method: "PATCH", path: "/api/exercises/{exerciseId}" },
  uploadMedia: { method: "POST", path: "/api/exercises/{exerciseId}/media" },
  removeMedia: { method: "DELETE", path: "/api/exercises/{exerciseId}/media" },
  getProgram: { method: "GET", path: "/api/patients/{patientId}/program" },
  saveProgram: { method: "PUT", path: "/api/patients/{patientId}/program" },
  listTemplates: { method: "GET", path: "/api/program-templates" },
  saveTemplate: { method: "POST", path: "/api/program-templates" },
  archiveTemplate: { method: "DELETE", path: "/api/program-templates/{templateId}" },
  setTemplateRisk: { method: "PATCH", path: "/api/program-templates/{templateId}" },
  endProgram: { method: "POST", path: "/api/programs/{programId}/end" },
  followUp: { method: "GET", path: "/api/patients/{patientId}/program/follow-up" },
  lowAdherence: { method: "GET", path: "/api/clinic/low-adherence" },
} as const satisfies Record<string, Route>;

/** The signed-in patient's own exercise endpoints, apart so the Today page bundles only these. */
export const myExerciseRoutes = {
  today: { method: "GET", path: "/api/me/exercises/today" },
  history: { method: "GET", path: "/api/me/exercises/history" },
  logSessions: { method: "POST", path: "/api/me/exercise-logs" },
} as const satisfies Record<string, Route>;
