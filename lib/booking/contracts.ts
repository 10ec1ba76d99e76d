import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { bookingRoutes as r } from "./routes";
import {
  bookAppointmentSchema,
  calendarQuerySchema,
  cancelAppointmentSchema,
  episodeStandingQuerySchema,
  moveAppointmentSchema,
  seriesSchema,
  slotQuerySchema,
  statusChangeSchema,
} from "./schema";
import { APPOINTMENT_STATUSES } from "./status-rules";

/** What the booking API answers, as it travels (dates are ISO strings). */
export const appointmentSchema = z.object({
  id: z.uuid(),
  therapistId: z.uuid(),
  patientId: z.uuid(),
  appointmentTypeId: z.uuid(),
  seriesId: z.uuid().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  blockedUntil: z.iso.datetime().describe("End of the visit plus the type's buffer: the therapist's busy time."),
  status: z.enum(APPOINTMENT_STATUSES),
  version: z.number().int().describe("Send it back as expectedVersion: changes are compare-and-set."),
  lateCancellation: z.boolean(),
  cancelReason: z.string().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  bookedVia: z.string().describe('"portal", "staff" or "waitlist" (an accepted waitlist offer)'),
  confirmedAt: z.iso
    .datetime()
    .nullable()
    .describe("When the patient confirmed they are coming (a text reply); cleared when the visit moves."),
});

export const appointmentTypeViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  colour: z.string(),
  durationMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  onlineBookable: z.boolean(),
  active: z.boolean(),
});

/** A booking conflict's fresh times (a few, by therapist id). */
export const slotGroupSchema = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  therapistIds: z.array(z.uuid()),
});

export const seriesConflictSchema = z.object({
  date: z.string(),
  startsAt: z.string(),
  reason: z.string(),
  alternatives: z.array(z.object({ start: z.iso.datetime(), therapistId: z.uuid() })),
});

const zoned = { timeZone: z.string().describe("The clinic's IANA zone."), timeZoneName: z.string() };

export const slotsResponseSchema = z.object({
  ...zoned,
  from: z.string(),
  to: z.string(),
  appointmentType: z.object({ id: z.uuid(), name: z.string(), durationMinutes: z.number() }),
  therapists: z.array(z.object({ id: z.uuid(), name: z.string() })),
  slots: z.array(
    z.object({
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      therapistIndexes: z
        .array(z.number().int().min(0))
        .describe("The therapists free at this time, as positions in `therapists` (each id is listed once)."),
    }),
  ),
});

const myAppointment = appointmentSchema.extend({
  therapistName: z.string(),
  typeName: z.string(),
  colour: z.string(),
  canReschedule: z.boolean(),
  canCancel: z.boolean(),
  cancelWouldBeLate: z.boolean(),
});

/** Where a visit stands against its episode's authorisation (null: not in an episode, or none recorded). */
export const episodeVisitSchema = z
  .union([
    z.object({
      kind: z.literal("within"),
      visitNumber: z.number().int(),
      visitsAuthorized: z.number().int(),
      validUntil: z.string().describe("Clinic-local YYYY-MM-DD"),
    }),
    z.object({ kind: z.literal("beyond"), reason: z.string().nullable() }),
  ])
  .nullable();

export const calendarAppointmentSchema = appointmentSchema.extend({
  patient: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() }),
  intake: z.enum(["done", "not_done", "unknown"]),
  emergencyRedFlag: z.boolean(),
  episodeVisit: episodeVisitSchema,
});

const localDay = z.string().describe("Clinic-local YYYY-MM-DD");

/** GET /api/patients/{patientId}/episode-standing: schedule facts of the open episode, nothing clinical. */
export const episodeStandingSchema = z.object({
  episodeId: z.uuid(),
  status: z.enum(["active", "on_hold"]),
  visitsPerWeek: z.number().int(),
  weeks: z.number().int(),
  startDate: localDay,
  plannedEndDate: localDay,
  visitsCounted: z.number().int().describe("Completed and checked-in visits"),
  visitsBooked: z.number().int().describe("Booked visits not yet attended"),
  plannedVisitsRemaining: z.number().int().describe("visitsPerWeek x weeks, less counted and booked; never below 0"),
  authorization: z
    .object({
      payerName: z.string(),
      visitsAuthorized: z.number().int(),
      used: z.number().int(),
      planned: z.number().int(),
      remaining: z.number().int(),
      validFrom: localDay,
      validUntil: localDay,
    })
    .nullable(),
  authorizedVisitsRemaining: z
    .number()
    .int()
    .nullable()
    .describe("Free authorised visits in authorisations not yet ended; null when none is recorded"),
  label: z.string().describe('"visit 5 of 12 authorised, until 15 Jan 2027"'),
  newVisit: z
    .union([
      z.object({ kind: z.literal("no_authorizations") }),
      z.object({
        kind: z.literal("within"),
        visitNumber: z.number().int(),
        visitsAuthorized: z.number().int(),
        validUntil: localDay,
      }),
      z.object({ kind: z.literal("beyond"), message: z.string() }),
    ])
    .optional()
    .describe("Only when `date` was asked: whether a new visit that day would be covered"),
});

export const calendarResponseSchema = z.object({
  ...zoned,
  view: z.enum(["day", "week"]),
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ date: z.string(), startMs: z.number(), endMs: z.number() })),
  slotStepMinutes: z.number().int(),
  therapists: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      working: z.array(z.object({ date: z.string(), start: z.iso.datetime(), end: z.iso.datetime() })),
    }),
  ),
  appointmentTypes: z.array(appointmentTypeViewSchema),
  appointments: z.array(calendarAppointmentSchema),
});

const oneAppointment = z.object({ appointment: appointmentSchema });

/** The booking API: one contract per endpoint, used by the handlers, the OpenAPI document and the client. */
export const bookingContracts = {
  slots: { ...r.slots, query: slotQuerySchema, response: slotsResponseSchema },
  book: { ...r.book, status: 201, request: bookAppointmentSchema, response: oneAppointment },
  mine: {
    ...r.mine,
    response: z.object({
      ...zoned,
      clinicPhone: z.string().nullable(),
      lateCancellationHours: z.number(),
      upcoming: z.array(myAppointment),
      past: z.array(myAppointment),
    }),
  },
  move: { ...r.move, request: moveAppointmentSchema, response: oneAppointment },
  cancel: { ...r.cancel, request: cancelAppointmentSchema, response: oneAppointment },
  status: { ...r.status, request: statusChangeSchema, response: oneAppointment },
  bookSeries: {
    ...r.bookSeries,
    status: 201,
    request: seriesSchema,
    response: z.object({ seriesId: z.uuid().nullable(), appointments: z.array(appointmentSchema) }),
  },
  calendar: { ...r.calendar, query: calendarQuerySchema, response: calendarResponseSchema },
  appointmentTypes: {
    ...r.appointmentTypes,
    response: z.object({ appointmentTypes: z.array(appointmentTypeViewSchema) }),
  },
  feedStatus: { ...r.feedStatus, response: z.object({ active: z.boolean(), createdAt: z.iso.datetime().nullable() }) },
  createFeed: { ...r.createFeed, status: 201, response: z.object({ url: z.url() }) },
  revokeFeed: { ...r.revokeFeed, status: 204 },
  episodeStanding: {
    ...r.episodeStanding,
    query: episodeStandingQuerySchema,
    response: z.object({ standing: episodeStandingSchema.nullable() }),
  },
} as const satisfies Contracts<typeof r>;
