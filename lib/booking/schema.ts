import { z } from "zod";
import { hhmmToMinute, isLocalDate } from "@/lib/time/calendar-rules";
import { MAX_REMINDER_HOURS, MAX_REMINDER_RULES } from "./reminder-rules";
import { STATUS_ACTION_NAMES } from "./status-rules";

const id = (what: string) => z.uuid(`Choose ${what}.`);

export const localDateSchema = z
  .string({ error: "Enter a date." })
  .refine(isLocalDate, "Enter a real date as YYYY-MM-DD.");

/** "HH:MM" → minutes after midnight ("24:00" allowed for the end of a day). */
export const timeOfDaySchema = z
  .string({ error: "Enter a time." })
  .trim()
  .transform((v, ctx) => {
    const m = hhmmToMinute(v);
    if (m === null) {
      ctx.addIssue({ code: "custom", message: "Enter a time as HH:MM, e.g. 09:30." });
      return z.NEVER;
    }
    return m;
  });

const intIn = (min: number, max: number, label: string) =>
  z.coerce
    .number({ error: `Enter ${label}.` })
    .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}.`);

export const bookingSettingsSchema = z.object({
  bookingWindowDays: intIn(1, 730, "the booking window in days"),
  minimumNoticeMinutes: intIn(0, 20160, "the minimum notice in minutes"),
  lateCancellationHours: intIn(0, 168, "the late-cancellation window in hours"),
  slotStepMinutes: intIn(5, 120, "the slot step in minutes"),
});
export type BookingSettingsInput = z.input<typeof bookingSettingsSchema>;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const appointmentTypeSchema = z.object({
  id: z.uuid().optional(),
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(80, "Name can be at most 80 characters."),
  durationMinutes: intIn(5, 480, "the duration in minutes"),
  bufferAfterMinutes: intIn(0, 120, "the buffer in minutes"),
  colour: z
    .string({ error: "Choose a colour." })
    .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #0f766e.")
    .transform((v) => v.toLowerCase()),
  onlineBookable: checkbox,
  active: checkbox.default(true),
});

const block = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((b) => b.start < b.end, { path: ["end"], message: "The end must be after the start." });

export const weeklyHoursSchema = z.object({
  therapistId: id("a therapist"),
  days: z
    .array(
      z.object({
        weekday: z.number().int().min(1).max(7),
        work: z.array(block).max(4, "At most four working blocks a day."),
        breaks: z.array(block).max(4, "At most four breaks a day."),
      }),
    )
    .max(7),
});
export type WeeklyHoursInput = z.input<typeof weeklyHoursSchema>;

export const scheduleOverrideSchema = z
  .object({
    therapistId: id("a therapist"),
    date: localDateSchema,
    kind: z.enum(["time_off", "extra_hours"], { error: "Choose time off or extra hours." }),
    start: z.union([timeOfDaySchema, z.literal("").transform(() => null)]).optional(),
    end: z.union([timeOfDaySchema, z.literal("").transform(() => null)]).optional(),
    note: z.string().trim().max(200, "Note can be at most 200 characters.").optional(),
  })
  .superRefine((o, ctx) => {
    const s = o.start ?? null;
    const e = o.end ?? null;
    if ((s === null) !== (e === null))
      ctx.addIssue({ code: "custom", path: ["end"], message: "Give both a start and an end, or neither." });
    else if (s === null && o.kind === "extra_hours")
      ctx.addIssue({ code: "custom", path: ["start"], message: "Extra hours need a start and an end." });
    else if (s !== null && e !== null && s >= e)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start." });
  });

export const slotQuerySchema = z
  .object({
    appointmentTypeId: id("an appointment type"),
    therapistId: id("a therapist").optional(),
    from: localDateSchema,
    to: localDateSchema,
    /** Staff booking on behalf of a patient: leave out times that patient already has. */
    patientId: id("a patient").optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date must not be before the start date." })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    path: ["to"],
    message: "Ask for at most 62 days at a time.",
  });

export const idempotencyKeySchema = z
  .string({ error: "Send an Idempotency-Key header." })
  .trim()
  .min(8, "The idempotency key is too short.")
  .max(200, "The idempotency key is too long.");

/**
 * Staff's reason for booking past the episode's authorised visits or date
 * (decision 092). Blank means none; patients cannot book such a visit at all.
 */
const overAuthorizationReasonSchema = z
  .string({ error: "Give the reason as text." })
  .trim()
  .max(500, "The reason can be at most 500 characters.")
  .optional()
  .transform((v) => (v ? v : undefined));

export const bookAppointmentSchema = z.object({
  appointmentTypeId: id("an appointment type"),
  therapistId: id("a therapist"),
  /** Staff only: patients always book for themselves. */
  patientId: id("a patient").optional(),
  startsAt: z.iso.datetime({ offset: true, error: "Choose a start time." }),
  note: z.string().trim().max(500, "Note can be at most 500 characters.").optional(),
  overAuthorizationReason: overAuthorizationReasonSchema,
});

export const seriesSchema = z.object({
  appointmentTypeId: id("an appointment type"),
  therapistId: id("a therapist"),
  patientId: id("a patient"),
  firstDate: localDateSchema,
  weekdays: z
    .array(z.number().int().min(1).max(7), { error: "Choose the days of the week." })
    .min(1, "Choose at least one day of the week.")
    .max(7)
    .transform((d) => [...new Set(d)].sort()),
  time: timeOfDaySchema,
  weeks: intIn(1, 26, "the number of weeks"),
  /** Stop after this many visits (the remaining authorised visits), even if the weeks hold more. Blank: all. */
  count: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    intIn(1, 182, "the number of visits").optional(),
  ),
  /** One reason for every occurrence beyond the authorisation. */
  overAuthorizationReason: overAuthorizationReasonSchema,
});
export type SeriesInput = z.input<typeof seriesSchema>;

export const expectedVersionSchema = z.coerce
  .number({ error: "Say which version of the appointment you saw." })
  .int()
  .min(1)
  // A Postgres integer column: a larger number is no version we gave out (and would overflow the query).
  .max(2_147_483_647, "Say which version of the appointment you saw.");

export const moveAppointmentSchema = z.object({
  expectedVersion: expectedVersionSchema,
  startsAt: z.iso.datetime({ offset: true, error: "Choose a new start time." }),
  therapistId: id("a therapist").optional(),
  overAuthorizationReason: overAuthorizationReasonSchema,
});

export const cancelAppointmentSchema = z.object({
  expectedVersion: expectedVersionSchema,
  reason: z
    .string({ error: "Give a reason for cancelling." })
    .trim()
    .min(3, "Give a reason for cancelling (at least 3 characters).")
    .max(300, "Reason can be at most 300 characters."),
  /** The late-cancellation rule is about patients: a clinic-initiated cancellation is never "late" (staff only). */
  initiatedBy: z.enum(["patient", "clinic"]).default("patient"),
});

export const statusChangeSchema = z.object({
  expectedVersion: expectedVersionSchema,
  action: z.enum(STATUS_ACTION_NAMES as [string, ...string[]], { error: "Unknown status change." }),
});

export const episodeStandingQuerySchema = z.object({
  /** A day a new visit is being considered for: the answer then says whether it would be covered. */
  date: localDateSchema.optional(),
});

export const calendarQuerySchema = z.object({
  date: localDateSchema,
  view: z.enum(["day", "week"]).default("day"),
});

/** The clinic's reminder schedule (lib/booking/reminder-rules.ts): 1 to 5 reminders, each channel-and-hours once. */
export const reminderScheduleSchema = z.object({
  rules: z
    .array(
      z.object({
        channel: z.enum(["email", "sms"], { error: "Choose email or text." }),
        hoursBefore: intIn(1, MAX_REMINDER_HOURS, "the hours before the visit"),
      }),
      { error: "Add at least one reminder." },
    )
    .min(1, "Keep at least one reminder.")
    .max(MAX_REMINDER_RULES, `At most ${MAX_REMINDER_RULES} reminders.`)
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((r, i) => {
        const key = `${r.channel}:${r.hoursBefore}`;
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: [i, "hoursBefore"], message: "This reminder is already in the list." });
        seen.add(key);
      });
    }),
});
export type ReminderScheduleInput = z.input<typeof reminderScheduleSchema>;
