import { z } from "zod";
import { credential, errorSchema, errorWith, file, fromContract, needs, ok } from "@/lib/openapi/helpers";
import { bookingContracts as c, seriesConflictSchema, slotGroupSchema } from "./contracts";

const slotTaken = errorWith({
  code: z.literal("conflict"),
  message: z.string().describe('"That time was just taken. Please choose another time."'),
  freshSlots: z.array(slotGroupSchema),
});
const seriesConflict = errorWith({ code: z.literal("conflict"), conflicts: z.array(seriesConflictSchema) });
const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description:
    "Any unique string (e.g. a UUID) per booking attempt; a retry with the same key returns the first result.",
  schema: { type: "string", minLength: 8, maxLength: 200 },
};

/** The booking API's part of the OpenAPI document, from the endpoint contracts in ./contracts.ts. */
export function bookingOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/booking/slots": {
      get: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Free slots for an appointment type, one or every therapist, over local dates",
        ...fromContract(c.slots),
      },
    },
    "/api/booking/appointments": {
      post: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Book an appointment (patients for themselves; staff for a patient)",
        ...fromContract(c.book, {
          parameters: [idempotencyHeader],
          description: "Booked (or the replay of an earlier request with this key)",
          responses: { "409": ok(slotTaken, "That time was just taken: fresh slots included") },
        }),
      },
    },
    "/api/booking/appointments/mine": {
      get: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "The signed-in patient's appointments",
        ...fromContract(c.mine),
      },
    },
    "/api/booking/appointments/{appointmentId}": {
      patch: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Move an appointment (compare-and-set on expectedVersion)",
        ...fromContract(c.move, { responses: { "409": ok(slotTaken, "Taken, or changed by someone else") } }),
      },
    },
    "/api/booking/appointments/{appointmentId}/cancel": {
      post: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "appointment:manage"]),
        summary: "Cancel one appointment with a reason",
        ...fromContract(c.cancel, { responses: { "409": ok(errorSchema, "Changed by someone else") } }),
      },
    },
    "/api/booking/appointments/{appointmentId}/status": {
      post: {
        tags: ["booking"],
        ...needs("appointment:manage"),
        summary: "Check in, undo check-in, complete or mark no-show (staff)",
        ...fromContract(c.status, {
          responses: { "409": ok(errorSchema, "Changed by someone else, or not allowed now") },
        }),
      },
    },
    "/api/booking/series": {
      post: {
        tags: ["booking"],
        ...needs("appointment:manage"),
        summary: "Book a plan-of-care series: every occurrence or none",
        ...fromContract(c.bookSeries, {
          parameters: [idempotencyHeader],
          responses: { "409": ok(seriesConflict, "Some dates conflict; nothing was booked") },
        }),
      },
    },
    "/api/booking/calendar": {
      get: {
        tags: ["booking"],
        ...needs("schedule:read"),
        summary: "Staff calendar for a day or week in the clinic's zone",
        ...fromContract(c.calendar),
      },
    },
    "/api/booking/appointment-types": {
      get: {
        tags: ["booking"],
        ...needs(["appointment:book:own", "schedule:read"]),
        summary: "Appointment types this user may book",
        ...fromContract(c.appointmentTypes),
      },
    },
    "/api/booking/calendar-feed": {
      get: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "Whether the patient's calendar feed is on",
        ...fromContract(c.feedStatus),
      },
      post: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "Create a new secret feed URL (the previous one stops working)",
        ...fromContract(c.createFeed),
      },
      delete: {
        tags: ["booking"],
        ...needs("appointment:read:own"),
        summary: "Turn the feed off",
        ...fromContract(c.revokeFeed, { description: "Revoked" }),
      },
    },
    "/api/patients/{patientId}/episode-standing": {
      get: {
        tags: ["booking"],
        ...needs(["episode:read:schedule", "episode:read:own"]),
        summary:
          "Visits used and booked against the open episode's authorisation; with ?date, whether a new visit is covered",
        ...fromContract(c.episodeStanding),
      },
    },
    "/api/calendar-feed/{token}": {
      get: {
        tags: ["booking"],
        ...credential("calendar-feed-token"),
        summary: "A patient's appointments as iCalendar (the secret token is the credential)",
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": file(
            "The patient's visits as an iCalendar (RFC 5545) feed, times in the clinic's zone",
            "text/calendar",
          ),
          "404": file("Unknown or revoked token", "text/plain"),
        },
      },
    },
  };
}
