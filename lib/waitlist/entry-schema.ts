import { z } from "zod";
import { localDateSchema } from "@/lib/booking/schema";
import { hhmmToMinute } from "@/lib/time/calendar-rules";
import {
  ANY_THERAPIST,
  dateRangeProblems,
  MAX_NOTE_LENGTH,
  normalizeWindows,
  WAITLIST_PRIORITIES,
  windowsProblem,
} from "./entry-rules";
import type { TimeWindow } from "./waitlist-match-rules";

const windowInput = z.object({
  start: z.string({ error: "Enter a start time." }).trim().max(5, "Enter a time as HH:MM, e.g. 08:00."),
  end: z.string({ error: "Enter an end time." }).trim().max(5, "Enter a time as HH:MM, e.g. 12:00."),
});

/**
 * Windows as "HH:MM" pairs; every problem lands on the one `windows` field the
 * forms show (a nested path would have nowhere to appear beside).
 */
const windowsSchema = z
  .array(windowInput, { error: "Choose at least one time of day." })
  .max(8, "Choose at most 4 separate times of day.")
  .transform((list, ctx): TimeWindow[] => {
    const windows: TimeWindow[] = [];
    for (const w of list) {
      const startMinute = hhmmToMinute(w.start);
      const endMinute = hhmmToMinute(w.end);
      if (startMinute === null || endMinute === null) {
        ctx.addIssue({ code: "custom", message: "Enter times as HH:MM, e.g. 08:00 to 12:00." });
        return z.NEVER;
      }
      windows.push({ startMinute, endMinute });
    }
    const problem = windowsProblem(windows);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return normalizeWindows(windows);
  });

/** Checkboxes send strings (and nothing when none is ticked). */
const weekdaysSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number().int().min(1, "Choose days of the week.").max(7, "Choose days of the week."))
    .max(7)
    .transform((d) => [...new Set(d)].sort((a, b) => a - b))
    .refine((d) => d.length > 0, "Choose at least one day of the week."),
);

/** The date checks that need the clinic's today and booking window (server; the form when it knows them). */
export type EntryDateContext = { today: string; lastBookableDate: string };

const entryFields = {
  /** Staff only: a patient always adds themself. */
  patientId: z.uuid("Choose a patient.").optional(),
  appointmentTypeId: z.uuid("Choose an appointment type."),
  therapistId: z
    .union([z.literal(ANY_THERAPIST), z.uuid("Choose a therapist or any therapist.")], {
      error: "Choose a therapist or any therapist.",
    })
    .transform((v) => (v === ANY_THERAPIST ? null : v)),
  weekdays: weekdaysSchema,
  windows: windowsSchema,
  earliestDate: localDateSchema,
  latestDate: localDateSchema,
  /** Clinicians only (the server checks the permission). */
  priority: z.enum(WAITLIST_PRIORITIES, { error: "Choose routine or urgent." }).default("routine"),
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, `Note can be at most ${MAX_NOTE_LENGTH} characters.`)
    .optional()
    .transform((v) => v || null),
};

/** A new waitlist entry; with a context, the dates are checked against today and the booking window too. */
export function waitlistEntrySchema(context?: EntryDateContext) {
  return z.object(entryFields).superRefine((e, ctx) => {
    const problems = context
      ? dateRangeProblems({ earliestDate: e.earliestDate, latestDate: e.latestDate, ...context })
      : e.latestDate < e.earliestDate
        ? { latestDate: "The latest date must be on or after the earliest date." }
        : {};
    for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: "custom", path: [path], message });
  });
}
export type WaitlistEntryInput = z.input<ReturnType<typeof waitlistEntrySchema>>;

export const entryPrioritySchema = z.object({
  priority: z.enum(WAITLIST_PRIORITIES, { error: "Choose routine or urgent." }),
});

export const entryIdSchema = z.uuid("That waitlist entry was not found.");
