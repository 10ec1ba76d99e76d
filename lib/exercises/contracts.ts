import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import {
  endProgramSchema,
  logBatchSchema,
  saveProgramSchema,
  saveTemplateSchema,
  templateRiskSchema,
} from "@/lib/programs/schema";
import { MATCHED_RISK_GROUPS } from "@/lib/episodes/matched-care-rules";
import { BODY_AREAS, DIFFICULTIES, DOSAGE_KINDS, EQUIPMENT, MEDIA_KINDS, POSITIONS, SIDES } from "./catalog";
import { exerciseRoutes as r, myExerciseRoutes as mine } from "./routes";
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

const localDay = z.iso.date().describe("Clinic-local YYYY-MM-DD");
const count = z.number().int().min(0);

/** Prescribed against done over a range of days (lib/programs/rules/adherence-rules.ts). */
const tallySchema = z.object({
  prescribed: count,
  done: count,
  completedLogs: count.describe("Every completed log in the range, uncapped"),
  daysInForce: count,
  ratio: z.number().nullable().describe("done / prescribed; null when nothing was prescribed"),
});

/** What the history and follow-up views show about one program. */
export const programInsightsSchema = z.object({
  weeks: z.array(tallySchema.extend({ weekStart: localDay, from: localDay, to: localDay, inProgress: z.boolean() })),
  pain: z.array(z.object({ date: localDay, before: z.number().nullable(), after: z.number().nullable() })),
  streak: count,
  lastActivity: localDay.nullable(),
  recent: z.array(
    z.object({
      id: z.uuid(),
      localDate: localDay,
      performedAt: z.iso.datetime(),
      exerciseName: z.string(),
      version: z.number().int(),
      completed: z.boolean(),
      setsDone: z.number().int().nullable(),
      repsDone: z.number().int().nullable(),
      holdSecondsDone: z.number().int().nullable(),
      minutesDone: z.number().int().nullable(),
      painBefore: z.number().int().nullable(),
      painAfter: z.number().int().nullable(),
      difficulty: z.enum(DIFFICULTIES).nullable(),
    }),
  ),
  recentTally: tallySchema.extend({ from: localDay, to: localDay }),
  painFlags: z.array(
    z.object({
      exerciseId: z.uuid(),
      exerciseName: z.string(),
      rated: count,
      flagged: count,
      largestRise: z.number(),
      lastFlaggedOn: localDay,
    }),
  ),
});

export const todayItemSchema = z.object({
  itemId: z.uuid(),
  status: z.enum(["due", "done_today", "weekly_goal_met"]),
  doneToday: count,
  remainingToday: count,
  daysDoneThisWeek: count,
  exercise: exerciseViewSchema.pick({
    id: true,
    name: true,
    summary: true,
    position: true,
    steps: true,
    cues: true,
    cautions: true,
    figureKey: true,
    media: true,
    equipment: true,
  }),
  dosage: dosageViewSchema.extend({ notes: z.string().nullable() }),
  dosageText: z.string(),
  holdSeconds: z.number().int().nullable().describe("Seconds for the hold timer; null when the dosage has no hold"),
});

/** The signed-in patient's day (GET /api/me/exercises/today), every day and time in the clinic's zone. */
export const todayViewSchema = z.object({
  clinic: z.object({ name: z.string(), phone: z.string(), timeZone: z.string().describe("The clinic's IANA zone") }),
  today: localDay,
  todayLabel: z.string(),
  state: z.enum(["none", "active", "not_started", "ended"]),
  startsOn: localDay.nullable(),
  startsOnLabel: z.string().nullable(),
  program: z.object({ id: z.uuid(), version: z.number().int(), title: z.string() }).nullable(),
  items: z.array(todayItemSchema),
  streak: count,
  week: z.object({ done: count, prescribed: count }),
  painBeforeToday: z.number().int().nullable().describe("The pain last rated before exercising today"),
});

const logResults = z.object({
  results: z.array(
    z.object({
      clientKey: z.uuid(),
      id: z.uuid(),
      status: z.enum(["created", "duplicate"]).describe('"duplicate": this clientKey was logged before'),
    }),
  ),
});

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
  followUp: {
    ...r.followUp,
    response: z.object({
      followUp: z.object({
        patient: z.object({ id: z.uuid(), name: z.string() }),
        today: localDay,
        timeZone: z.string(),
        program: programViewSchema.nullable(),
        insights: programInsightsSchema.nullable(),
        intakeScores: z.array(
          z.object({ date: localDay, measure: z.enum(["NPRS", "ODI", "PSFS"]), value: z.number() }),
        ),
      }),
    }),
  },
  lowAdherence: {
    ...r.lowAdherence,
    response: z.object({
      from: localDay,
      to: localDay,
      rows: z.array(
        z.object({
          patientId: z.uuid(),
          patientName: z.string(),
          programId: z.uuid(),
          ratio: z.number(),
          done: count,
          prescribed: count,
          lastActivity: localDay.nullable(),
        }),
      ),
    }),
  },
} as const satisfies Contracts<typeof r>;

/** The signed-in patient's day, history and session logs (the offline queue on Today sends the logs). */
export const myExerciseContracts = {
  today: { ...mine.today, response: z.object({ today: todayViewSchema }) },
  history: {
    ...mine.history,
    response: z.object({
      history: z.object({
        today: localDay,
        timeZone: z.string(),
        program: z
          .object({ id: z.uuid(), title: z.string(), version: z.number().int(), status: z.enum(["active", "ended"]) })
          .nullable(),
        insights: programInsightsSchema.nullable(),
      }),
    }),
  },
  /** 201 when at least one log is new; 200 when every one was logged before (a resend of the offline queue). */
  logSessions: { ...mine.logSessions, status: 201, request: logBatchSchema, response: logResults },
} as const satisfies Contracts<typeof mine>;
