import { z } from "zod";
import type { Contracts } from "@/lib/http/endpoint";
import { WAITLIST_PRIORITIES } from "./entry-rules";
import { entryPrioritySchema, waitlistEntrySchema } from "./entry-schema";
import { waitlistRoutes as r } from "./routes";

const ENTRY_STATUSES = ["waiting", "offered", "booked", "removed", "expired"] as const;
const named = z.object({ id: z.uuid(), name: z.string() });

/** A waitlist entry as the API sends it (dates are the clinic's local dates, windows HH:MM on its clock). */
export const waitlistEntryViewSchema = z.object({
  id: z.uuid(),
  patient: named,
  appointmentType: named,
  therapist: named.nullable().describe("Null: any therapist."),
  weekdays: z.array(z.number().int().min(1).max(7)).describe("ISO weekdays, 1 = Monday."),
  windows: z.array(z.object({ start: z.string(), end: z.string() })),
  earliestDate: z.string(),
  latestDate: z.string(),
  priority: z.enum(WAITLIST_PRIORITIES),
  note: z.string().nullable(),
  status: z.enum(ENTRY_STATUSES),
  createdVia: z.string().describe('"front_desk" or "portal"'),
  createdAt: z.iso.datetime(),
  waitingDays: z.number().int().describe("Whole days on the list, by the clinic's calendar."),
  endedAt: z.iso.datetime().nullable(),
});

export const freedTimeViewSchema = z.object({
  id: z.uuid(),
  therapist: named,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string().describe('What freed it: "cancel", "move" or "extra".'),
  matches: z
    .array(
      z.object({
        entryId: z.uuid(),
        patient: named,
        appointmentType: named,
        priority: z.enum(WAITLIST_PRIORITIES),
        waitingDays: z.number().int(),
        visit: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }),
      }),
    )
    .describe("Matching waiting entries in offer order (urgent, then oldest), each with the visit it would get."),
  pendingOffers: z.array(
    z.object({
      id: z.uuid(),
      entryId: z.uuid(),
      patientName: z.string(),
      startsAt: z.iso.datetime(),
      expiresAt: z.iso.datetime(),
    }),
  ),
});

const oneEntry = z.object({ entry: waitlistEntryViewSchema });
const zoned = { timeZone: z.string().describe("The clinic's IANA zone.") };

/** The waitlist API: one contract per endpoint, used by the handlers, the OpenAPI document and the client. */
export const waitlistContracts = {
  entries: { ...r.entries, response: z.object({ ...zoned, entries: z.array(waitlistEntryViewSchema) }) },
  addEntry: { ...r.addEntry, status: 201, request: waitlistEntrySchema(), response: oneEntry },
  removeEntry: { ...r.removeEntry, response: oneEntry },
  setPriority: { ...r.setPriority, request: entryPrioritySchema, response: oneEntry },
  freedTimes: { ...r.freedTimes, response: z.object({ ...zoned, freedTimes: z.array(freedTimeViewSchema) }) },
} as const satisfies Contracts<typeof r>;
