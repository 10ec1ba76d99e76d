import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { episodeRoutes as r } from "./routes";
import {
  authorizationSchema,
  DISCHARGE_REASONS,
  episodeStatusChangeSchema,
  openEpisodeSchema,
  updateEpisodePlanSchema,
} from "./schema";

const day = z.string().describe("A clinic-local date, YYYY-MM-DD.");
const standing = z.object({
  id: z.uuid(),
  payerName: z.string(),
  reference: z.string().nullable(),
  visitsAuthorized: z.number().int(),
  validFrom: day,
  validUntil: day,
  used: z.number().int().describe("Completed or checked-in visits allocated to it."),
  planned: z.number().int().describe("Booked visits allocated to it."),
  remaining: z.number().int(),
});

/** An episode as the API sends it: schedule facts for all staff, `clinical` only with episode:read. */
export const episodeViewSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  status: z.enum(["active", "on_hold", "discharged"]),
  therapist: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  visitsPerWeek: z.number().int(),
  weeks: z.number().int(),
  startDate: day,
  plannedEndDate: day,
  lastReevaluatedOn: day.nullable(),
  dischargedOn: day.nullable(),
  version: z.number().int().describe("Send back as expectedVersion when editing the plan."),
  createdAt: z.iso.datetime(),
  visitsCounted: z.number().int(),
  current: standing.nullable().describe("The authorisation in force today, else the next, else the last."),
  authorizations: z.array(standing),
  beyondAuthorization: z.number().int().describe("Visits no authorisation covers."),
  visits: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.iso.datetime(),
      date: day,
      status: z.enum(["booked", "checked_in", "completed"]),
      counted: z.boolean(),
      authorizationId: z.uuid().nullable(),
      beyondAuthorization: z.boolean(),
    }),
  ),
  reevaluation: z.object({
    due: z.boolean(),
    visitsSince: z.number().int(),
    daysSince: z.number().int(),
    because: z.enum(["visits", "days"]).nullable(),
    since: day,
    rule: z.object({ everyVisits: z.number().int(), everyDays: z.number().int() }),
  }),
  clinical: z
    .object({
      reason: z.string(),
      icd10Code: z.string().nullable(),
      goals: z.array(z.string()),
      startBackRisk: z.enum(["low", "medium", "high"]).nullable(),
      openedFromIntakeId: z.uuid().nullable(),
      dischargeReason: z.enum(DISCHARGE_REASONS).nullable(),
      dischargeNote: z.string().nullable(),
      intakes: z.array(
        z.object({
          id: z.uuid(),
          kind: z.enum(["initial", "follow_up"]),
          status: z.enum(["draft", "submitted"]),
          submittedAt: z.iso.datetime().nullable(),
          createdAt: z.iso.datetime(),
        }),
      ),
      programs: z.array(
        z.object({ id: z.uuid(), status: z.string(), version: z.number().int(), createdAt: z.iso.datetime() }),
      ),
    })
    .nullable()
    .describe("Null for the front desk (episode:read:schedule only)."),
});

const written = z.object({ id: z.uuid() });
const authWritten = z.object({ id: z.uuid(), episodeId: z.uuid() });

/** The episodes API: one contract per endpoint, used by the handlers, the OpenAPI document and the client. */
export const episodeContracts = {
  patientEpisodes: {
    ...r.patientEpisodes,
    response: z.object({ timeZone: z.string(), episodes: z.array(episodeViewSchema) }),
  },
  openEpisode: {
    ...r.openEpisode,
    status: 201,
    request: openEpisodeSchema.describe("patientId in the body must match the path (the path wins)."),
    response: z.object({ id: z.uuid(), patientId: z.uuid() }),
  },
  episode: { ...r.episode, response: z.object({ episode: episodeViewSchema }) },
  updatePlan: {
    ...r.updatePlan,
    request: updateEpisodePlanSchema,
    response: z.object({ id: z.uuid(), version: z.number().int() }),
  },
  changeStatus: {
    ...r.changeStatus,
    request: episodeStatusChangeSchema,
    response: written.extend({ status: z.enum(["active", "on_hold", "discharged"]), version: z.number().int() }),
  },
  addAuthorization: { ...r.addAuthorization, status: 201, request: authorizationSchema, response: authWritten },
  updateAuthorization: { ...r.updateAuthorization, request: authorizationSchema, response: authWritten },
  removeAuthorization: { ...r.removeAuthorization, response: authWritten },
} as const satisfies Contracts<typeof r>;
