/**
 * Answer options for the intake, one `as const` list each, shared by the form,
 * the zod schemas, the triage rules and the staff view.
 */
export const ONSET_AGO = [
  "under_1_week",
  "1_2_weeks",
  "2_6_weeks",
  "6_12_weeks",
  "3_12_months",
  "over_1_year",
] as const;
export type OnsetAgo = (typeof ONSET_AGO)[number];
export const ONSET_AGO_LABEL: Record<OnsetAgo, string> = {
  under_1_week: "Less than a week ago",
  "1_2_weeks": "1 to 2 weeks ago",
  "2_6_weeks": "2 to 6 weeks ago",
  "6_12_weeks": "6 to 12 weeks ago",
  "3_12_months": "3 to 12 months ago",
  over_1_year: "More than a year ago",
};

export const ONSET_TYPES = ["sudden", "gradual"] as const;
export const ONSET_TYPE_LABEL: Record<(typeof ONSET_TYPES)[number], string> = {
  sudden: "Suddenly",
  gradual: "Gradually",
};

export const PAIN_PATTERNS = ["constant", "intermittent"] as const;
export const PAIN_PATTERN_LABEL: Record<(typeof PAIN_PATTERNS)[number], string> = {
  constant: "Constant (always there)",
  intermittent: "Comes and goes",
};

export const PAIN_TRENDS = ["better", "same", "worse"] as const;
export type PainTrend = (typeof PAIN_TRENDS)[number];
export const PAIN_TREND_LABEL: Record<PainTrend, string> = {
  better: "Getting better",
  same: "About the same",
  worse: "Getting worse",
};

export const AGGRAVATING_FACTORS = [
  "sitting",
  "standing",
  "lifting",
  "bending",
  "twisting",
  "walking",
  "lying",
  "getting_up",
] as const;
export const AGGRAVATING_LABEL: Record<(typeof AGGRAVATING_FACTORS)[number], string> = {
  sitting: "Sitting for a long time",
  standing: "Standing for a long time",
  lifting: "Lifting",
  bending: "Bending",
  twisting: "Twisting",
  walking: "Walking",
  lying: "Sleeping or lying down",
  getting_up: "Getting up after rest",
};

export const EASING_FACTORS = [
  "rest",
  "moving",
  "heat",
  "ice",
  "stretching",
  "medication",
  "changing_position",
] as const;
export const EASING_LABEL: Record<(typeof EASING_FACTORS)[number], string> = {
  rest: "Resting",
  moving: "Gentle movement or walking",
  heat: "Heat",
  ice: "Ice",
  stretching: "Stretching",
  medication: "Pain medication",
  changing_position: "Changing position often",
};

export const CONTRIBUTORS = [
  "posture",
  "favouring_one_side",
  "carrying_one_side",
  "repetitive_twisting",
  "activity_increase",
  "weak_core",
  "stress",
  "hydration",
  "previous_injury",
] as const;
export const CONTRIBUTOR_LABEL: Record<(typeof CONTRIBUTORS)[number], string> = {
  posture: "Posture (desk, driving, phone)",
  favouring_one_side: "Favouring one side",
  carrying_one_side: "Carrying bags or children on one side",
  repetitive_twisting: "Repetitive twisting at work",
  activity_increase: "A sudden increase in activity",
  weak_core: "Weak core or hip muscles",
  stress: "Stress",
  hydration: "Not drinking enough water",
  previous_injury: "A previous injury",
};

export const TREATMENTS = [
  "physical_therapy",
  "chiropractic",
  "massage",
  "acupuncture",
  "injections",
  "surgery",
  "pain_medication",
] as const;
export const TREATMENT_LABEL: Record<(typeof TREATMENTS)[number], string> = {
  physical_therapy: "Physical therapy",
  chiropractic: "Chiropractic care",
  massage: "Massage",
  acupuncture: "Acupuncture",
  injections: "Injections",
  surgery: "Surgery",
  pain_medication: "Pain medication",
};

export const YES_NO = ["yes", "no"] as const;
export type YesNo = (typeof YES_NO)[number];

export const TRAUMA_OPTIONS = ["none", "minor", "major"] as const;
export type TraumaOption = (typeof TRAUMA_OPTIONS)[number];
export const TRAUMA_LABEL: Record<TraumaOption, string> = {
  none: "No",
  minor: "Yes, a minor one (for example a small slip or lifting something heavy)",
  major: "Yes, a major one (for example a car accident or a fall from a height)",
};
