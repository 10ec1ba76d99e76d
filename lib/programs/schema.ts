import { z } from "zod";
import { DIFFICULTIES } from "@/lib/exercises/catalog";
import { prescribedDosageSchema } from "@/lib/exercises/dosage-rules";
import { MATCHED_RISK_GROUPS } from "@/lib/episodes/matched-care-rules";

export const MAX_PROGRAM_ITEMS = 20;

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD.`)
    // Date, not Temporal, so this schema stays light enough for the browser bundle.
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, `That ${label} does not exist.`);

const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.string().trim().max(max, `${label} can be at most ${max} characters.`).optional(),
  );

export const programItemInputSchema = z.object({
  exerciseId: z.uuid({ error: "Choose an exercise from the library." }),
  dosage: prescribedDosageSchema,
});
export type ProgramItemInput = z.input<typeof programItemInputSchema>;

const items = z
  .array(programItemInputSchema, { error: "Add at least one exercise." })
  .min(1, "Add at least one exercise.")
  .max(MAX_PROGRAM_ITEMS, `A home program works best with at most ${MAX_PROGRAM_ITEMS} exercises.`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.exerciseId))
        ctx.addIssue({ code: "custom", path: [i, "exerciseId"], message: "This exercise is already in the program." });
      seen.add(item.exerciseId);
    });
  });

export const saveProgramSchema = z
  .object({
    /** The version the editor started from; null to create the patient's program. */
    // Versions are Postgres integers: a larger number is no version we ever gave out (and would overflow the column).
    baseVersion: z
      .number({ error: "Reload the program and try again." })
      .int()
      .min(1)
      .max(2_147_483_647, "Reload the program and try again.")
      .nullable(),
    title: z
      .string({ error: "Give the program a title." })
      .trim()
      .min(1, "Give the program a title.")
      .max(100, "Keep the title under 100 characters."),
    startDate: isoDate("start date"),
    endDate: z.preprocess((v) => (v === "" ? null : v), isoDate("end date").nullable().default(null)),
    changeNote: optionalText(300, "The note about this change"),
    templateId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable().default(null)),
    items,
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date must be on or after the start date." });
  });
export type SaveProgramInput = z.input<typeof saveProgramSchema>;

export const saveTemplateSchema = z.object({
  name: z
    .string({ error: "Name the template." })
    .trim()
    .min(2, "Name the template (at least 2 characters).")
    .max(80, "Keep the template name under 80 characters."),
  description: optionalText(300, "The description"),
  items,
});
export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;

/** The STarT Back group a template suits; null clears it. */
export const templateRiskSchema = z.object({
  matchedRisk: z.enum(MATCHED_RISK_GROUPS, { error: "Choose low, medium or high risk, or none." }).nullable(),
});

const amount = (max: number, label: string) =>
  z
    .number({ error: `Enter the ${label} as a number.` })
    .int(`Enter the ${label} as a whole number.`)
    .min(0, `The ${label} cannot be negative.`)
    .max(max, `The ${label} can be at most ${max}.`)
    .nullable()
    .default(null);

const pain = (label: string) =>
  z
    .number({ error: `Rate ${label} from 0 to 10.` })
    .int(`Rate ${label} as a whole number from 0 to 10.`)
    .min(0, `Rate ${label} from 0 to 10.`)
    .max(10, `Rate ${label} from 0 to 10.`)
    .nullable()
    .default(null);

/** One exercise session as the patient's device sends it (maybe long after, from an offline queue). */
export const exerciseLogSchema = z.object({
  clientKey: z.uuid({ error: "Each log needs its own key." }),
  itemId: z.uuid({ error: "Choose an exercise from your program." }),
  completed: z.boolean({ error: "Say whether you did the exercise." }),
  performedAt: z.iso.datetime({ offset: true, error: "Give the time you did the exercise." }),
  setsDone: amount(20, "number of sets"),
  repsDone: amount(200, "number of reps"),
  holdSecondsDone: amount(600, "hold time"),
  minutesDone: amount(240, "number of minutes"),
  painBefore: pain("your pain before"),
  painAfter: pain("your pain after"),
  difficulty: z.enum(DIFFICULTIES, { error: "Choose easy, about right or hard." }).nullable().default(null),
  note: optionalText(500, "The note"),
});
export type ExerciseLogInput = z.input<typeof exerciseLogSchema>;

export const logBatchSchema = z.object({
  logs: z
    .array(exerciseLogSchema, { error: "Send the logs as a list." })
    .min(1, "Send at least one log.")
    .max(50, "Send at most 50 logs at a time."),
});

export const endProgramSchema = z.object({
  baseVersion: z
    .number({ error: "Reload the program and try again." })
    .int()
    .min(1)
    .max(2_147_483_647, "Reload the program and try again."),
});
