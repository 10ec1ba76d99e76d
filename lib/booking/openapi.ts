import { z } from "zod";
import { credential, needs } from "@/lib/openapi/helpers";
import { APPOINTMENT_STATUSES } from "./status-rules";
import {
  bookAppointmentSchema,
  calendarQuerySchema,
  cancelAppointmentSchema,
  moveAppointmentSchema,
  seriesSchema,
  slotQuerySchema,
  statusChangeSchema,
} from "./schema";

/**
 * The booking API's part of the OpenAPI document, generated from the same zod
 * schemas the handlers parse with (zod 4's own JSON Schema output, which is
 * what OpenAPI 3.1 uses), so the document cannot drift from the validation.
 */
const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

const appointment = z.object({
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
  bookedVia: z.enum(["portal", "staff"]),
});
const slotGroup = z.object({ start: z.iso.datetime(), end: z.iso.datetime(), therapistIds: z.array(z.uuid()) });
const error = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
const slotTaken = z.object({
  error: z.object({
    code: z.literal("conflict"),
    message: z.string().describe('"That time was just taken. Please choose another time."'),
    freshSlots: z.array(slotGroup),
  }),
});
const seriesConflict = z.object({
  error: z.object({
    code: z.literal("conflict"),
    message: z.string(),
    conflicts: z.array(
      z.object({
        date: z.string(),
        startsAt: z.string(),
        reason: z.string(),
        alternatives: z.array(z.object({ start: z.iso.datetime(), therapistId: z.uuid() })),
      }),
    ),
  }),
});
const slotsResponse = z.object({
  timeZone: z.string().describe("The clinic's IANA zone; slots are computed per local day in it."),
  timeZoneName: z.string(),
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

const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const ok = (schema: z.ZodType, description = "OK") => ({
  description,
  content: { "application/json": { schema: json(schema) } },
});
const errors = {
  "401": ok(error, "Not signed in"),
  "403": ok(error, "Not allowed for this role"),
  "404": ok(error, "Not found or not yours"),
  "422": ok(error, "Invalid input, with a message per field"),
};
const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description:
    "Any unique string (e.g. a UUID) per booking attempt; a retry with the same key returns the first result.",
  schema: { type: "string", minLength: 8, maxLength: 200 },
};
const queryParams = (schema: z.ZodObject) =>
  Object.entries((json(schema).properties ?? {}) as Record<string, unknown>).map(([name, s]) => ({
    name,
    in: "query",
    required: ((json(schema).required as string[] | undefined) ?? []).includes(name),
    schema: s,
  }));
const appointmentId = { name: "appointmentId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export function bookingOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/booking/slots": {
      get: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Free slots for an appointment type, one or every therapist, over local dates",
        parameters: queryParams(slotQuerySchema as unknown as z.ZodObject),
        responses: { "200": ok(slotsResponse), ...errors },
      },
    },
    "/api/booking/appointments": {
      post: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Book an appointment (patients for themselves; staff for a patient)",
        parameters: [idempotencyHeader],
        requestBody: body(bookAppointmentSchema),
        responses: {
          "201": ok(z.object({ appointment }), "Booked (or the replay of an earlier request with this key)"),
          "409": ok(slotTaken, "That time was just taken: fresh slots included"),
          ...errors,
        },
      },
    },
    "/api/booking/appointments/mine": {
      get: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "The signed-in patient's appointments",
        responses: { "200": { description: "OK" }, ...errors },
      },
    },
    "/api/booking/appointments/{appointmentId}": {
      patch: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Move an appointment (compare-and-set on expectedVersion)",
        parameters: [appointmentId],
        requestBody: body(moveAppointmentSchema),
        responses: {
          "200": ok(z.object({ appointment })),
          "409": ok(slotTaken, "Taken, or changed by someone else"),
          ...errors,
        },
      },
    },
    "/api/booking/appointments/{appointmentId}/cancel": {
      post: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Cancel one appointment with a reason",
        parameters: [appointmentId],
        requestBody: body(cancelAppointmentSchema.extend({ initiatedBy: z.enum(["patient", "clinic"]).optional() })),
        responses: { "200": ok(z.object({ appointment })), "409": ok(error, "Changed by someone else"), ...errors },
      },
    },
    "/api/booking/appointments/{appointmentId}/status": {
      post: {
        tags: ["booking"],
        ...needs("appointment:manage"),
        summary: "Check in, undo check-in, complete or mark no-show (staff)",
        parameters: [appointmentId],
        requestBody: body(statusChangeSchema),
        responses: {
          "200": ok(z.object({ appointment })),
          "409": ok(error, "Changed by someone else, or not allowed now"),
          ...errors,
        },
      },
    },
    "/api/booking/series": {
      post: {
        tags: ["booking"],
        ...needs("appointment:manage"),
        summary: "Book a plan-of-care series: every occurrence or none",
        parameters: [idempotencyHeader],
        requestBody: body(seriesSchema),
        responses: {
          "201": ok(z.object({ seriesId: z.uuid(), appointments: z.array(appointment) })),
          "409": ok(seriesConflict, "Some dates conflict; nothing was booked"),
          ...errors,
        },
      },
    },
    "/api/booking/calendar": {
      get: {
        tags: ["booking"],
        ...needs("schedule:read"),
        summary: "Staff calendar for a day or week in the clinic's zone",
        parameters: queryParams(calendarQuerySchema),
        responses: { "200": { description: "OK" }, ...errors },
      },
    },
    "/api/booking/appointment-types": {
      get: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "schedule:read"]),
        summary: "Appointment types this user may book",
        responses: { "200": { description: "OK" }, ...errors },
      },
    },
    "/api/booking/calendar-feed": {
      get: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "Whether the patient's calendar feed is on",
        responses: { "200": { description: "OK" }, ...errors },
      },
      post: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "Create a new secret feed URL (the previous one stops working)",
        responses: { "201": { description: "Created" }, ...errors },
      },
      delete: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "Turn the feed off",
        responses: { "204": { description: "Revoked" }, ...errors },
      },
    },
    "/api/calendar-feed/{token}": {
      get: {
        tags: ["booking"],
        ...credential("calendar-feed-token"),
        summary: "A patient's appointments as iCalendar (the secret token is the credential)",
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "text/calendar" }, "404": { description: "Unknown or revoked token" } },
      },
    },
  };
}
