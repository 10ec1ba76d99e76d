/**
 * The intake's answers, validated by the same schemas in the browser and on
 * the server. Each step has a `draft` schema (format only: a half-filled step
 * always saves) and a `complete` schema (what submitting needs). Messages are
 * written for patients.
 */
import { z } from "zod";
import { draftPainMapSchema, painMapSchema } from "@/lib/pain-map/schema";
import { START_BACK_BOTHER } from "@/lib/scoring/start-back-rules";
import {
  AGGRAVATING_FACTORS,
  CONTRIBUTORS,
  EASING_FACTORS,
  ONSET_AGO,
  ONSET_TYPES,
  PAIN_PATTERNS,
  PAIN_TRENDS,
  TRAUMA_OPTIONS,
  TREATMENTS,
  YES_NO,
} from "./options";
import { INTAKE_STEP_IDS, INTAKE_STEPS, RED_FLAG_FIELDS, type IntakeKind, type IntakeStepId } from "./steps";

const text = (max: number, label: string) =>
  z
    .string({ error: `${label}: please type your answer as text.` })
    .trim()
    .max(max, `Please keep this under ${max} characters.`);

const pick = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "Please choose one of the options." });

/** Several options, each at most once (a double tap must not count twice). */
const pickMany = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: "Please choose from the options shown." }))
    .max(values.length)
    .transform((v) => [...new Set(v)]);

const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};
const dateText = (label: string) =>
  z
    .string()
    .trim()
    .max(10, `Enter ${label} as a date.`)
    .refine((v) => v === "" || isRealDate(v), `Enter ${label} as a real date.`);

const phoneText = z
  .string()
  .trim()
  .max(32, "That phone number is too long.")
  .regex(/^[+()\d\s.-]*$/, "Use digits, spaces and + ( ) - only.")
  .refine((v) => v === "" || v.replace(/\D/g, "").length >= 7, "That phone number looks too short.");

const emailText = z
  .string()
  .trim()
  .max(254, "That email address is too long.")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like name@example.com.");

const yesNo = pick(YES_NO);
const rating = z
  .number({ error: "Choose a number from 0 to 10." })
  .int("Choose a whole number from 0 to 10.")
  .min(0, "Choose a number from 0 to 10.")
  .max(10, "Choose a number from 0 to 10.");

type Issue = { path: (string | number)[]; message: string };
/** Adds "required" issues for blank fields: the one place a step says what it needs. */
function need(ctx: z.RefinementCtx, issues: Issue[]) {
  for (const i of issues) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
}
/**
 * Requirement checks run even when a field has a format error, so the patient
 * sees everything a step needs at once (zod skips refinements after an issue
 * by default). They read raw values defensively for that reason.
 */
const always = { when: () => true };
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

// ---- contact and demographics
const contactDraft = z
  .object({
    firstName: text(100, "First name"),
    lastName: text(100, "Last name"),
    preferredName: text(100, "Preferred name"),
    dateOfBirth: dateText("your date of birth"),
    email: emailText,
    phone: phoneText,
    addressLine: text(200, "Address"),
    city: text(100, "Town or city"),
    postalCode: text(20, "ZIP code"),
    emergencyContactName: text(120, "Emergency contact"),
    emergencyContactPhone: phoneText,
  })
  .partial();
const contactComplete = contactDraft.superRefine((v, ctx) => {
  const issues: Issue[] = [];
  if (blank(v.firstName)) issues.push({ path: ["firstName"], message: "Enter your first name." });
  if (blank(v.lastName)) issues.push({ path: ["lastName"], message: "Enter your last name." });
  if (blank(v.dateOfBirth)) issues.push({ path: ["dateOfBirth"], message: "Enter your date of birth." });
  if (blank(v.email) && blank(v.phone))
    issues.push({ path: ["phone"], message: "Give us a phone number or an email address so we can reach you." });
  need(ctx, issues);
}, always);

// ---- reason for visit and goals
const reasonDraft = z.object({ reason: text(2000, "Reason"), goals: text(2000, "Goals") }).partial();
const reasonComplete = reasonDraft.superRefine((v, ctx) => {
  if (blank(v.reason)) need(ctx, [{ path: ["reason"], message: "Tell us in a few words what brings you in." }]);
});

// ---- pain map and pain now (NPRS)
const painMapDraft = z.object({ marks: draftPainMapSchema, nprsNow: rating.nullable() }).partial();
const painMapComplete = z
  .object({ marks: painMapSchema.default([]), nprsNow: rating.nullable().optional() })
  .superRefine((v, ctx) => {
    if (typeof v?.nprsNow !== "number")
      need(ctx, [{ path: ["nprsNow"], message: "Choose how strong your pain is right now, from 0 to 10." }]);
    else if (v.nprsNow > 0 && Array.isArray(v.marks) && v.marks.length === 0)
      need(ctx, [{ path: ["marks"], message: "Mark at least one place where you feel pain." }]);
  }, always);

// ---- pain history
const historyDraft = z
  .object({
    onsetAgo: pick(ONSET_AGO),
    onsetDate: dateText("the date it started"),
    onsetType: pick(ONSET_TYPES),
    cause: text(1000, "Cause"),
    pattern: pick(PAIN_PATTERNS),
    trend: pick(PAIN_TRENDS),
  })
  .partial();
const historyComplete = historyDraft.superRefine((v, ctx) => {
  const issues: Issue[] = [];
  if (!v.onsetAgo) issues.push({ path: ["onsetAgo"], message: "Choose roughly when the pain started." });
  if (!v.onsetType) issues.push({ path: ["onsetType"], message: "Choose whether it started suddenly or gradually." });
  if (!v.pattern) issues.push({ path: ["pattern"], message: "Choose whether the pain is constant or comes and goes." });
  if (!v.trend)
    issues.push({ path: ["trend"], message: "Choose whether it is getting better, worse or staying the same." });
  if (v.onsetDate && new Date(`${v.onsetDate}T00:00:00Z`).getTime() > Date.now())
    issues.push({ path: ["onsetDate"], message: "The date it started cannot be in the future." });
  need(ctx, issues);
}, always);

// ---- what makes it worse or better
const factorsDraft = z
  .object({
    worse: pickMany(AGGRAVATING_FACTORS),
    worseOther: text(500, "Other things"),
    better: pickMany(EASING_FACTORS),
    betterOther: text(500, "Other things"),
    contributors: pickMany(CONTRIBUTORS),
  })
  .partial();

// ---- past injuries and treatments
const treatmentsDraft = z
  .object({
    pastInjuries: text(2000, "Past injuries"),
    treatments: pickMany(TREATMENTS),
    treatmentNotes: text(2000, "Treatment notes"),
    medications: text(1000, "Medicines"),
  })
  .partial();

// ---- red-flag questions
const redFlagsDraft = z
  .object({
    saddleNumbness: yesNo,
    bladderBowel: yesNo,
    legWeakness: yesNo,
    cancerHistory: yesNo,
    feverChills: yesNo,
    weightLoss: yesNo,
    nightPain: yesNo,
    trauma: pick(TRAUMA_OPTIONS),
    recentInfection: yesNo,
    ivDrugUse: yesNo,
    immuneSuppression: yesNo,
  })
  .partial();
const redFlagsComplete = redFlagsDraft.superRefine((v, ctx) => {
  need(
    ctx,
    RED_FLAG_FIELDS.filter((f) => !v?.[f]).map((f) => ({ path: [f], message: "Please answer this question." })),
  );
}, always);

// ---- Oswestry Disability Index
const odiDraft = z
  .object({
    sections: z
      .array(
        z
          .number({ error: "Choose one statement." })
          .int()
          .min(0, "Choose one of the statements.")
          .max(5, "Choose one of the statements.")
          .nullable(),
      )
      .max(10, "The questionnaire has 10 sections."),
  })
  .partial();
const odiComplete = odiDraft.superRefine((v, ctx) => {
  if (!(Array.isArray(v?.sections) ? v.sections : []).some((s) => s !== null && s !== undefined))
    need(ctx, [{ path: ["sections"], message: "Answer the sections that apply to you (skip any that do not)." }]);
}, always);

// ---- STarT Back
const startBackDraft = z
  .object({
    agree: z.array(z.boolean({ error: "Choose agree or disagree." }).nullable()).max(8),
    bothersome: pick(START_BACK_BOTHER).nullable(),
  })
  .partial();
const startBackComplete = startBackDraft.superRefine((v, ctx) => {
  const issues: Issue[] = [];
  for (let i = 0; i < 8; i++) {
    if (typeof v?.agree?.[i] !== "boolean") issues.push({ path: ["agree", i], message: "Choose agree or disagree." });
  }
  if (!v.bothersome) issues.push({ path: ["bothersome"], message: "Choose how bothersome your back pain has been." });
  need(ctx, issues);
}, always);

// ---- Patient-Specific Functional Scale
const psfsDraft = z
  .object({
    activities: z
      .array(z.object({ activity: text(200, "Activity").default(""), rating: rating.nullable().default(null) }))
      .max(5, "List at most five activities."),
  })
  .partial();
const psfsComplete = psfsDraft.superRefine((v, ctx) => {
  const issues: Issue[] = [];
  const rows = (Array.isArray(v?.activities) ? v.activities : []).filter((r) => r && typeof r === "object");
  rows.forEach((row, i) => {
    if (!blank(row.activity) && row.rating === null)
      issues.push({ path: ["activities", i, "rating"], message: "Rate how well you can do this, from 0 to 10." });
    if (blank(row.activity) && row.rating !== null)
      issues.push({ path: ["activities", i, "activity"], message: "Name the activity you rated." });
  });
  if (rows.filter((r) => !blank(r.activity) && r.rating !== null).length < 3)
    issues.push({ path: ["activities"], message: "Name and rate at least three activities." });
  need(ctx, issues);
}, always);

// ---- consent
const consentDraft = z
  .object({
    agreeTreatment: z.boolean(),
    agreePrivacy: z.boolean(),
    signatureName: text(120, "Name"),
  })
  .partial();
const consentComplete = consentDraft.superRefine((v, ctx) => {
  const issues: Issue[] = [];
  if (v.agreeTreatment !== true)
    issues.push({ path: ["agreeTreatment"], message: "Please agree to assessment and treatment to continue." });
  if (v.agreePrivacy !== true)
    issues.push({ path: ["agreePrivacy"], message: "Please confirm you have read how we use your information." });
  if (blank(v.signatureName))
    issues.push({ path: ["signatureName"], message: "Type your full name as your signature." });
  need(ctx, issues);
}, always);

export const STEP_SCHEMAS = {
  contact: { draft: contactDraft, complete: contactComplete },
  reason: { draft: reasonDraft, complete: reasonComplete },
  painMap: { draft: painMapDraft, complete: painMapComplete },
  history: { draft: historyDraft, complete: historyComplete },
  factors: { draft: factorsDraft, complete: factorsDraft },
  treatments: { draft: treatmentsDraft, complete: treatmentsDraft },
  redFlags: { draft: redFlagsDraft, complete: redFlagsComplete },
  odi: { draft: odiDraft, complete: odiComplete },
  startBack: { draft: startBackDraft, complete: startBackComplete },
  psfs: { draft: psfsDraft, complete: psfsComplete },
  consent: { draft: consentDraft, complete: consentComplete },
} as const satisfies Record<IntakeStepId, unknown>;
/** Every step optional and format-checked: what a draft save accepts. */
export const draftAnswersSchema = z
  .object(
    Object.fromEntries(Object.entries(STEP_SCHEMAS).map(([k, s]) => [k, s.draft.optional()])) as {
      [K in IntakeStepId]: z.ZodOptional<(typeof STEP_SCHEMAS)[K]["draft"]>;
    },
  )
  .strip();
export type DraftAnswers = z.output<typeof draftAnswersSchema>;
export type StepAnswers<K extends IntakeStepId> = NonNullable<DraftAnswers[K]>;

export type FieldErrorMap = Record<string, string[]>;

function errorsOf(prefix: string, error: z.ZodError): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path].join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** One step, as the Next button checks it. Keys are "painMap.marks.0.intensity"-style paths. */
export function validateStep(step: IntakeStepId, value: unknown): FieldErrorMap {
  const result = STEP_SCHEMAS[step].complete.safeParse(value ?? {});
  return result.success ? {} : errorsOf(step, result.error);
}

/** The whole intake, as submitting checks it: every step of this kind of intake must be complete. */
export function validateSubmission(kind: IntakeKind, answers: DraftAnswers): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const step of INTAKE_STEPS[kind]) Object.assign(out, validateStep(step, answers[step]));
  return out;
}

export const saveDraftSchema = z.object({
  answers: draftAnswersSchema,
  /** The revision the browser last saw; a save based on an older one is refused (another device saved since). */
  baseRevision: z.number().int().min(0),
  /** The step the patient is on, so another device resumes there. */
  currentStep: z.enum(INTAKE_STEP_IDS).optional(),
});

export const submitIntakeSchema = z.object({
  /** Chosen by the browser once per form; a retry with the same key gets the same answer. */
  submissionKey: z.uuid("The submission key must be a UUID."),
});
