/**
 * Dosage: how much of an exercise, how often. One zod schema for the library's
 * default dosage, a program item and a template item, used by the form (instant
 * feedback) and the server (the real check). Pure: no framework imports.
 */
import { z } from "zod";
import { DOSAGE_KINDS, SIDES, type DosageKind, type Side } from "./catalog";

/** Limits a home program stays within; outside them a typo is far likelier than intent. */
export const DOSAGE_LIMITS = {
  sets: { min: 1, max: 10 },
  reps: { min: 1, max: 100 },
  holdSeconds: { min: 5, max: 300 },
  minutes: { min: 1, max: 120 },
  timesPerDay: { min: 1, max: 6 },
  daysPerWeek: { min: 1, max: 7 },
  loadChars: 60,
  notesChars: 500,
} as const;

type CountField = "sets" | "reps" | "holdSeconds" | "minutes" | "timesPerDay" | "daysPerWeek";

const FIELD_WORDS: Record<CountField, { name: string; unit: string }> = {
  sets: { name: "number of sets", unit: "sets" },
  reps: { name: "number of reps", unit: "reps" },
  holdSeconds: { name: "hold time", unit: "seconds" },
  minutes: { name: "number of minutes", unit: "minutes" },
  timesPerDay: { name: "times per day", unit: "times a day" },
  daysPerWeek: { name: "days per week", unit: "days a week" },
};

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A whole number in the field's range; "" and null mean "not given". Accepts numbers and digit strings (forms). */
function count(field: CountField) {
  const { min, max } = DOSAGE_LIMITS[field];
  const { name, unit } = FIELD_WORDS[field];
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter the ${name} as a number.` })
      .int(`Enter the ${name} as a whole number.`)
      .min(min, `Use at least ${min} ${unit}.`)
      .max(max, `Use at most ${max} ${unit}.`)
      .optional(),
  );
}

const optionalText = (max: number, label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(max, `${label} can be at most ${max} characters.`)
      .transform((v) => (v === "" ? undefined : v))
      .optional(),
  );

/** The fields each kind needs; the others are dropped, so switching kind in a form never leaves stale numbers. */
const REQUIRED_BY_KIND: Record<DosageKind, Array<{ field: CountField; message: string }>> = {
  reps: [
    { field: "sets", message: "Enter the number of sets." },
    { field: "reps", message: "Enter the number of reps." },
  ],
  hold: [
    { field: "sets", message: "Enter how many times to hold." },
    { field: "holdSeconds", message: "Enter how long to hold, in seconds." },
  ],
  duration: [{ field: "minutes", message: "Enter the number of minutes." }],
};

const FIELDS_BY_KIND: Record<DosageKind, ReadonlyArray<"sets" | "reps" | "holdSeconds" | "minutes">> = {
  reps: ["sets", "reps"],
  hold: ["sets", "holdSeconds"],
  duration: ["minutes"],
};

const baseDosage = z.object({
  kind: z.enum(DOSAGE_KINDS, { error: "Choose sets and reps, holds or time." }),
  sets: count("sets"),
  reps: count("reps"),
  holdSeconds: count("holdSeconds"),
  minutes: count("minutes"),
  timesPerDay: z.preprocess((v) => blankToUndefined(v) ?? 1, count("timesPerDay")),
  daysPerWeek: z.preprocess((v) => blankToUndefined(v) ?? 7, count("daysPerWeek")),
  // "none" (or nothing) means the exercise has no side, e.g. cat-cow.
  side: z.preprocess(
    (v) => (v === "" || v === "none" || v === null ? undefined : v),
    z.enum(SIDES, { error: "Choose each side, left, right or no side." }).optional(),
  ),
  load: optionalText(DOSAGE_LIMITS.loadChars, "Load"),
});

export type Dosage = {
  kind: DosageKind;
  sets: number | null;
  reps: number | null;
  holdSeconds: number | null;
  minutes: number | null;
  timesPerDay: number;
  daysPerWeek: number;
  side: Side | null;
  load: string | null;
};

function checkAndNormalise(value: z.output<typeof baseDosage>, ctx: z.RefinementCtx): Dosage | typeof z.NEVER {
  let ok = true;
  for (const { field, message } of REQUIRED_BY_KIND[value.kind]) {
    if (value[field] === undefined) {
      ctx.addIssue({ code: "custom", path: [field], message });
      ok = false;
    }
  }
  if (!ok) return z.NEVER;
  const keep = new Set(FIELDS_BY_KIND[value.kind]);
  return {
    kind: value.kind,
    sets: keep.has("sets") ? (value.sets ?? null) : null,
    reps: keep.has("reps") ? (value.reps ?? null) : null,
    holdSeconds: keep.has("holdSeconds") ? (value.holdSeconds ?? null) : null,
    minutes: keep.has("minutes") ? (value.minutes ?? null) : null,
    timesPerDay: value.timesPerDay ?? 1,
    daysPerWeek: value.daysPerWeek ?? 7,
    side: value.side ?? null,
    load: value.load ?? null,
  };
}

/** A default dosage in the library (no notes: those belong to one patient's program). */
export const dosageSchema = baseDosage.transform(checkAndNormalise);

/** One exercise as prescribed: dosage plus the therapist's note to this patient. */
export const prescribedDosageSchema = baseDosage
  .extend({ notes: optionalText(DOSAGE_LIMITS.notesChars, "Notes") })
  .transform((value, ctx) => {
    const dosage = checkAndNormalise(value, ctx);
    if (dosage === z.NEVER) return z.NEVER;
    return { ...dosage, notes: value.notes ?? null };
  });
export type PrescribedDosage = Dosage & { notes: string | null };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function amount(d: Dosage): string {
  switch (d.kind) {
    case "reps":
      return d.sets && d.sets > 1
        ? `${d.sets} sets of ${plural(d.reps ?? 0, "rep", "reps")}`
        : plural(d.reps ?? 0, "rep", "reps");
    case "hold":
      return `Hold ${plural(d.holdSeconds ?? 0, "second", "seconds")}, ${d.sets === 1 ? "once" : `${d.sets} times`}`;
    case "duration":
      return plural(d.minutes ?? 0, "minute", "minutes");
  }
}

const SIDE_WORDS: Record<Side, string> = { both: "each side", left: "left side only", right: "right side only" };

function describeFrequency(d: Pick<Dosage, "timesPerDay" | "daysPerWeek">): string {
  const perDay =
    d.timesPerDay === 1 ? "once a day" : d.timesPerDay === 2 ? "twice a day" : `${d.timesPerDay} times a day`;
  const perWeek = d.daysPerWeek === 7 ? "every day" : `${plural(d.daysPerWeek, "day", "days")} a week`;
  return `${perDay}, ${perWeek}`;
}

/** "2 sets of 8 reps, each side · once a day, 5 days a week · Load: light band": the line a patient reads. */
export function describeDosage(d: Dosage): string {
  const parts = [d.side ? `${amount(d)}, ${SIDE_WORDS[d.side]}` : amount(d), describeFrequency(d)];
  if (d.load) parts.push(`Load: ${d.load}`);
  return parts.join(" · ");
}

/** Seconds a hold timer counts down, or null when the exercise has no hold. */
export function holdTimerSeconds(d: Pick<Dosage, "kind" | "holdSeconds">): number | null {
  return d.kind === "hold" && d.holdSeconds ? d.holdSeconds : null;
}
