/**
 * Red-flag screening rules, version 1: the AHCPR acute low back problems
 * guideline (Bigos et al., Clinical Practice Guideline No. 14, 1994) in three
 * tiers, plus the routine "see a professional" signs from the seed articles.
 * Screening, not diagnosis. Rules are data: a new version is a new file, and
 * each raised flag stores the version that raised it.
 */
import type { RedFlagRuleset } from "../red-flag-rules";

/** Onset answers that count as "new" back pain (under 6 weeks: acute). */
const NEW_PAIN = ["under_1_week", "1_2_weeks", "2_6_weeks"];
/** Onset answers past the guideline's 1-2 weeks. */
const OVER_TWO_WEEKS = ["2_6_weeks", "6_12_weeks", "3_12_months", "over_1_year"];

export const RED_FLAG_RULESET_V1 = {
  version: "ahcpr-1994/mend-1",
  rules: [
    {
      id: "saddle_numbness",
      tier: "emergency",
      label: "Numbness in the saddle area",
      when: { answer: "redFlags.saddleNumbness", in: ["yes"] },
    },
    {
      id: "bladder_bowel",
      tier: "emergency",
      label: "New bladder problems or loss of bowel control",
      when: { answer: "redFlags.bladderBowel", in: ["yes"] },
    },
    {
      id: "leg_weakness",
      tier: "emergency",
      label: "Severe or worsening weakness or numbness in the legs",
      when: { answer: "redFlags.legWeakness", in: ["yes"] },
    },
    {
      id: "cancer_history",
      tier: "same_day",
      label: "History of cancer",
      when: { answer: "redFlags.cancerHistory", in: ["yes"] },
    },
    {
      id: "fever_chills",
      tier: "same_day",
      label: "Fever or chills",
      when: { answer: "redFlags.feverChills", in: ["yes"] },
    },
    {
      id: "weight_loss",
      tier: "same_day",
      label: "Unexplained weight loss",
      when: { answer: "redFlags.weightLoss", in: ["yes"] },
    },
    {
      id: "night_pain",
      tier: "same_day",
      label: "Severe pain at night or when lying down",
      when: { answer: "redFlags.nightPain", in: ["yes"] },
    },
    {
      id: "major_trauma",
      tier: "same_day",
      label: "Major trauma",
      when: { answer: "redFlags.trauma", in: ["major"] },
    },
    {
      id: "minor_trauma_older",
      tier: "same_day",
      label: "Minor trauma in a patient over 50",
      when: { all: [{ answer: "redFlags.trauma", in: ["minor"] }, { ageOver: 50 }] },
    },
    {
      id: "age_new_pain",
      tier: "same_day",
      label: "Age over 50 or under 20 with new back pain",
      when: {
        all: [{ any: [{ ageOver: 50 }, { ageUnder: 20 }] }, { answer: "history.onsetAgo", in: NEW_PAIN }],
      },
    },
    {
      id: "infection_risk",
      tier: "same_day",
      label: "Recent infection, IV drug use or immune suppression",
      when: {
        any: [
          { answer: "redFlags.recentInfection", in: ["yes"] },
          { answer: "redFlags.ivDrugUse", in: ["yes"] },
          { answer: "redFlags.immuneSuppression", in: ["yes"] },
        ],
      },
    },
    {
      id: "no_improvement",
      tier: "routine",
      label: "Pain for over 1-2 weeks without improvement",
      when: {
        all: [
          { answer: "history.onsetAgo", in: OVER_TWO_WEEKS },
          { answer: "history.trend", in: ["same", "worse"] },
        ],
      },
    },
    {
      id: "getting_worse",
      tier: "routine",
      label: "Pain getting worse",
      when: { answer: "history.trend", in: ["worse"] },
    },
    {
      id: "tingling_numbness",
      tier: "routine",
      label: "Tingling or numbness",
      when: { painQualityAny: ["pins_and_needles", "numbness"] },
    },
  ],
} as const satisfies RedFlagRuleset;
