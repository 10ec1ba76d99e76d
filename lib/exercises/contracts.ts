import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { endProgramSchema, saveProgramSchema, saveTemplateSchema, templateRiskSchema } from "@/lib/programs/schema";
import { MATCHED_RISK_GROUPS } from "@/lib/episodes/matched-care-rules";
import { BODY_AREAS, DOSAGE_KINDS, EQUIPMENT, MEDIA_KINDS, POSITIONS, SIDES } from "./catalog";
import { exerciseRoutes as r } from "./routes";
import { archiveExerciseSchema, exerciseFilterSchema, exerciseInputSchema } from "./schema";

/** A dosage as stored and sent (every count present, null when the kind has none). */
export const dosageViewSchema = z.object({
  kind: z.enum(DOSAGE_KINDS),
  sets: z.number().int().nullable(),
  reps: z.number().int().nullable(),
  holdSeconds: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  timesPerDay: z.number().int(),
  daysPerWeek: z.number().int(),
  side: z.enum(SIDES).nullable(),
  load: z.string().nullable(),
});

export const mediaRefSchema = z.object({
  id: z.uuid(),
  kind: z.enum(MEDIA_KINDS),
  contentType: z.string(),
  originalName: z.string(),
  url: z.string().describe("Where the file is served (GET /api/exercise-media/{mediaId})."),
});

export const exerciseViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  summary: z.string(),
  bodyArea: z.enum(BODY_AREAS),
  position: z.enum(POSITIONS),
  equipment: z.array(z.enum(EQUIPMENT)),
  targetMuscles: z.array(z.string()),
  steps: z.array(z.string()),
  cues: z.array(z.string()),
  cautions: z.array(z.string()),
  figureKey: z.string().nullable(),
  starter: z.boolean(),
  archived: z.boolean(),
  updatedAt: z.iso.datetime(),
  defaultDosage: dosageViewSchema,
  defaultDosageText: z.string(),
  media: mediaRefSchema.nullable(),
});

export const programItemViewSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  exercise: exerciseViewSchema,
  dosage: dosageViewSchema.extend({ notes: z.string().nullable() }),
  dosageText: z.string(),
});

export const programVersionViewSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  effectiveFrom: z.iso.date(),
  changeNote: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.iso.datetime(),
  items: z.array(programItemViewSchema),
});

export const programViewSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  status: z.enum(["active", "ended"]),
  currentVersion: z.number().int().describe("Send it back as baseVersion: a save is compare-and-set."),
  endedOn: z.iso.date().nullable(),
  current: programVersionViewSchema,
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      createdByName: z.string(),
      createdAt: z.iso.datetime(),
      effectiveFrom: z.iso.date(),
      changeNote: z.string().nullable(),
      itemCount: z.number().int(),
      logCount: z.number().int(),
    }),
  ),
});

export const programTemplateViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  /** The STarT Back group the template suits (decision 097), pre-selected for such patients. */
  matchedRisk: z.enum(MATCHED_RISK_GROUPS).nullable(),
  items: z.array(programItemViewSchema),
});

const oneExercise = z.object({ exercise: exerciseViewSchema });

/** The exercise library and program API: one contract per endpoint the handlers, the document and the client share. */
export const exerciseContracts = {
  list: {
    ...r.list,
    query: exerciseFilterSchema,
    response: z.object({ exercises: z.array(exerciseViewSchema), muscles: z.array(z.string()) }),
  },
  create: { ...r.create, status: 201, request: exerciseInputSchema, response: oneExercise },
  get: { ...r.get, response: oneExercise },
  update: { ...r.update, request: exerciseInputSchema, response: oneExercise },
  setArchived: { ...r.setArchived, request: archiveExerciseSchema, response: oneExercise },
  /** multipart/form-data with one `file` (no JSON body). */
  uploadMedia: { ...r.uploadMedia, status: 201, response: oneExercise },
  removeMedia: { ...r.removeMedia, response: oneExercise },
  getProgram: { ...r.getProgram, response: z.object({ program: programViewSchema.nullable() }) },
  saveProgram: {
    ...r.saveProgram,
    request: saveProgramSchema,
    response: z.object({
      result: z.object({ programId: z.uuid(), version: z.number().int(), created: z.boolean() }),
    }),
  },
  listTemplates: { ...r.listTemplates, response: z.object({ templates: z.array(programTemplateViewSchema) }) },
  saveTemplate: {
    ...r.saveTemplate,
    status: 201,
    request: saveTemplateSchema,
    response: z.object({ template: z.object({ id: z.uuid(), name: z.string() }) }),
  },
  archiveTemplate: { ...r.archiveTemplate, response: z.object({ archived: z.literal(true) }) },
  setTemplateRisk: {
    ...r.setTemplateRisk,
    request: templateRiskSchema,
    response: z.object({ template: z.object({ id: z.uuid(), matchedRisk: z.enum(MATCHED_RISK_GROUPS).nullable() }) }),
  },
  endProgram: { ...r.endProgram, request: endProgramSchema, response: z.object({ ended: z.literal(true) }) },
} as const satisfies Contracts<typeof r>;
