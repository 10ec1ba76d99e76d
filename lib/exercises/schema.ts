import { z } from "zod";
import { BODY_AREAS, EQUIPMENT, POSITIONS } from "./catalog";
import { dosageSchema } from "./dosage-rules";
import { FIGURE_KEYS } from "./figures";

/** A list typed one item per line in a textarea, or sent as an array. */
function lines(label: string, { min, max, chars }: { min: number; max: number; chars: number }) {
  return z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
            .filter(Boolean)
        : v,
    z
      .array(z.string().trim().min(1).max(chars, `Keep each ${label} under ${chars} characters.`), {
        error: `Enter the ${label}s, one per line.`,
      })
      .min(min, min === 1 ? `Enter at least one ${label}.` : `Enter at least ${min} ${label}s.`)
      .max(max, `Use at most ${max} ${label}s.`),
  );
}

const muscles = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,\n]/) : v),
  z
    .array(z.string().trim().toLowerCase().max(40, "Keep each muscle name under 40 characters."), {
      error: "Enter the target muscles, separated by commas.",
    })
    .transform((xs) => [...new Set(xs.filter(Boolean))])
    .pipe(z.array(z.string()).min(1, "Name at least one target muscle.").max(8, "Name at most 8 muscles.")),
);

const equipment = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : typeof v === "string" ? [v] : v),
  z.array(z.enum(EQUIPMENT, { error: "Choose equipment from the list." })).transform((xs) => [...new Set(xs)]),
);

export const exerciseInputSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(2, "Enter a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
  summary: z
    .string({ error: "Say in one line what the exercise is for." })
    .trim()
    .min(1, "Say in one line what the exercise is for.")
    .max(200, "Keep the summary under 200 characters."),
  bodyArea: z.enum(BODY_AREAS, { error: "Choose a body area." }),
  position: z.enum(POSITIONS, { error: "Choose a position." }),
  equipment,
  targetMuscles: muscles,
  steps: lines("step", { min: 1, max: 12, chars: 300 }),
  cues: lines("cue", { min: 0, max: 8, chars: 200 }),
  cautions: lines("caution", { min: 0, max: 8, chars: 200 }),
  figureKey: z.preprocess(
    (v) => (v === "" ? null : v),
    z
      .enum(FIGURE_KEYS as [string, ...string[]], { error: "Choose a drawing from the list." })
      .nullable()
      .default(null),
  ),
  defaultDosage: dosageSchema,
});
export type ExerciseInput = z.input<typeof exerciseInputSchema>;

const optionalFilter = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

export const exerciseFilterSchema = z.object({
  q: z.string().trim().max(80, "Search text is too long.").default(""),
  bodyArea: optionalFilter(BODY_AREAS),
  position: optionalFilter(POSITIONS),
  equipment: optionalFilter(EQUIPMENT),
  muscle: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().toLowerCase().max(40).optional()),
  status: z.enum(["active", "archived", "all"]).default("active"),
  take: z.coerce.number().int().min(1).max(200).default(100),
});

export const archiveExerciseSchema = z.object({ archived: z.boolean({ error: "Say whether to archive." }) });

export const idSchema = z.uuid();
