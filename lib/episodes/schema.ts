import { z } from "zod";
import { addDays, isLocalDate } from "@/lib/time/calendar-rules";

/**
 * Episode forms and API bodies, shared by the browser (instant messages) and
 * the server (the same rules again). Dates are clinic-local "YYYY-MM-DD".
 */

export const DISCHARGE_REASONS = [
  "goals_met",
  "plan_completed",
  "patient_stopped",
  "dropped_out",
  "referred_on",
  "other",
] as const;
export type DischargeReasonValue = (typeof DISCHARGE_REASONS)[number];

export const DISCHARGE_REASON_LABEL: Record<DischargeReasonValue, string> = {
  goals_met: "Goals met",
  plan_completed: "Plan of care completed",
  patient_stopped: "Patient chose to stop",
  dropped_out: "Dropped out (stopped coming)",
  referred_on: "Referred on",
  other: "Other",
};

/** The int4 column's ceiling: a version sent back above it is a field error, never an overflow (a 500). */
export const INT4_MAX = 2_147_483_647;

/**
 * ICD-10-CM as written: a letter, a digit, a letter or digit, then optionally
 * "." and 1-4 letters or digits (M54.50, S83.511A). Only the shape is checked:
 * the code list changes every October and is not shipped with Mend.
 */
export const ICD10_CM_PATTERN = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

// A plan of care in another century is a typing slip, and keeps DATE arithmetic far from its limits.
const EARLIEST = "2000-01-01";
const LATEST = "2199-12-31";

export const episodeDateSchema = z
  .string({ error: "Enter a date." })
  .trim()
  .refine(isLocalDate, "Enter a real date as YYYY-MM-DD.")
  .refine((d) => d >= EARLIEST && d <= LATEST, "Enter a date between 2000 and 2199.");

const count = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max}.`);

const icd10Schema = z
  .string()
  .max(20, "Enter an ICD-10-CM code such as M54.50.")
  .optional()
  .nullable()
  .transform((v) => (v ?? "").trim().toUpperCase())
  .refine((v) => v === "" || ICD10_CM_PATTERN.test(v), "Enter an ICD-10-CM code such as M54.50 or S83.511A.")
  .transform((v) => v || null);

/** Blank goal boxes of the form are dropped; what is left is 1-5 goals of up to 200 characters. */
const goalsSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v.map((g) => (typeof g === "string" ? g.trim() : g)).filter((g) => g !== "") : v),
  z
    .array(z.string({ error: "Enter each goal as text." }).max(200, "Each goal can be at most 200 characters."), {
      error: "Enter the goals as a list.",
    })
    .max(5, "List at most five goals."),
);

const planFields = {
  reason: z
    .string({ error: "Enter the reason for care." })
    .trim()
    .min(1, "Enter the reason for care.")
    .max(500, "The reason can be at most 500 characters."),
  icd10Code: icd10Schema,
  goals: goalsSchema.optional(),
  visitsPerWeek: count("visits a week", 1, 14),
  weeks: count("the number of weeks", 1, 104),
  startDate: episodeDateSchema,
  /** Absent or blank: the start plus the plan's weeks. */
  plannedEndDate: z
    .union([episodeDateSchema, z.literal("")])
    .optional()
    .nullable(),
};

type PlanShape = {
  startDate: string;
  weeks: number;
  plannedEndDate?: string | null;
};

/** The planned end the form pre-fills and the server assumes when none is given. */
export function defaultPlannedEnd(startDate: string, weeks: number): string {
  return addDays(startDate, weeks * 7);
}

function withPlannedEnd<T extends PlanShape>(
  plan: T,
  ctx: z.RefinementCtx,
): Omit<T, "plannedEndDate"> & {
  plannedEndDate: string;
} {
  const plannedEndDate = plan.plannedEndDate || defaultPlannedEnd(plan.startDate, plan.weeks);
  if (plannedEndDate < plan.startDate)
    ctx.addIssue({
      code: "custom",
      path: ["plannedEndDate"],
      message: "The planned end must be on or after the start.",
    });
  return { ...plan, plannedEndDate };
}

/** The plan as the browser checks it before sending (the server adds the patient, intake or version). */
export const planFormSchema = z.object(planFields).transform(withPlannedEnd);

/** Opening an episode: from a submitted intake (goals and STarT Back group from it) or by a therapist without one. */
export const openEpisodeSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    intakeId: z
      .union([z.uuid("That intake was not found."), z.literal("")])
      .optional()
      .nullable()
      .transform((v) => v || null),
    ...planFields,
  })
  .transform(withPlannedEnd);
export type OpenEpisodeInput = z.input<typeof openEpisodeSchema>;

/** Editing the plan: the whole plan again, with the version the form was loaded with. */
export const updateEpisodePlanSchema = z
  .object({
    expectedVersion: z
      .number({ error: "Reload the page and try again." })
      .int("Reload the page and try again.")
      .min(1, "Reload the page and try again.")
      .max(INT4_MAX, "Reload the page and try again."),
    ...planFields,
    goals: goalsSchema,
  })
  .transform(withPlannedEnd);
export type UpdateEpisodePlanInput = z.input<typeof updateEpisodePlanSchema>;

/** A payer's authorisation: so many visits between two dates (inclusive). */
export const authorizationSchema = z
  .object({
    payerName: z
      .string({ error: "Enter the payer." })
      .trim()
      .min(1, "Enter the payer.")
      .max(120, "The payer's name can be at most 120 characters."),
    reference: z
      .string()
      .trim()
      .max(60, "The reference can be at most 60 characters.")
      .optional()
      .nullable()
      .transform((v) => v || null),
    visitsAuthorized: count("visits authorised", 1, 999),
    validFrom: episodeDateSchema,
    validUntil: episodeDateSchema,
  })
  .superRefine((a, ctx) => {
    if (a.validUntil < a.validFrom)
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "The authorisation must end on or after the day it starts.",
      });
  });
export type AuthorizationInput = z.input<typeof authorizationSchema>;

export const STATUS_ACTIONS = ["hold", "resume", "reevaluated", "discharge"] as const;

/**
 * Hold, resume, record a re-evaluation (on `date`, else today), or discharge
 * with a reason, an optional note and the day. One flat object (not a union)
 * so the form and the API document name every field.
 */
export const episodeStatusChangeSchema = z
  .object({
    action: z.enum(STATUS_ACTIONS, { error: "Choose hold, resume, re-evaluated or discharge." }),
    reason: z.enum(DISCHARGE_REASONS, { error: "Choose why the patient is discharged." }).optional(),
    note: z
      .string()
      .trim()
      .max(1000, "The note can be at most 1000 characters.")
      .optional()
      .nullable()
      .transform((v) => v || null),
    date: episodeDateSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.action !== "discharge") return;
    if (!c.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Choose why the patient is discharged." });
    if (!c.date) ctx.addIssue({ code: "custom", path: ["date"], message: "Enter the discharge date." });
  });
export type EpisodeStatusChangeInput = z.input<typeof episodeStatusChangeSchema>;

export const episodeIdSchema = z.uuid("That episode was not found.");
export const authorizationIdSchema = z.uuid("That authorisation was not found.");
