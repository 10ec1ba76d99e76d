/**
 * The intake's steps, their order and titles, without the zod schemas: the
 * form in the browser needs these on first load and checks a step's answers
 * only when the patient moves on (lib/intake/schema.ts, loaded then).
 */
export const INTAKE_KINDS = ["initial", "follow_up"] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

export const INTAKE_STEP_IDS = [
  "contact",
  "reason",
  "painMap",
  "history",
  "factors",
  "treatments",
  "redFlags",
  "odi",
  "startBack",
  "psfs",
  "consent",
] as const;
export type IntakeStepId = (typeof INTAKE_STEP_IDS)[number];

export const INTAKE_STEPS: Record<IntakeKind, readonly IntakeStepId[]> = {
  initial: INTAKE_STEP_IDS,
  // Progress and discharge: the measures that change, re-rated the same way.
  follow_up: ["painMap", "redFlags", "odi", "psfs"],
};

export const STEP_TITLE: Record<IntakeStepId, string> = {
  contact: "Your details",
  reason: "Why you are coming in",
  painMap: "Where it hurts",
  history: "How it started",
  factors: "What makes it worse or better",
  treatments: "Past injuries and treatment",
  redFlags: "Safety questions",
  odi: "Daily activities (Oswestry)",
  startBack: "How your back pain affects you (STarT Back)",
  psfs: "Activities that matter to you",
  consent: "Consent and signature",
};

export const RED_FLAG_FIELDS = [
  "saddleNumbness",
  "bladderBowel",
  "legWeakness",
  "cancerHistory",
  "feverChills",
  "weightLoss",
  "nightPain",
  "trauma",
  "recentInfection",
  "ivDrugUse",
  "immuneSuppression",
] as const;
