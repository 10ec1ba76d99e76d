import { describe, expect, it } from "vitest";
import { ONSET_AGO, PAIN_TRENDS, TRAUMA_OPTIONS, YES_NO } from "@/lib/intake/options";
import { ageOn, evaluateRedFlags, hasEmergency, type RuleCondition } from "@/lib/intake/red-flag-rules";
import { RED_FLAG_RULESET_V1 } from "@/lib/intake/red-flags/ruleset-v1";
import { RED_FLAG_FIELDS } from "@/lib/intake/steps";
import { PAIN_QUALITIES } from "@/lib/pain-map/schema";

const NO_TO_ALL = Object.fromEntries(RED_FLAG_FIELDS.map((f) => [f, f === "trauma" ? "none" : "no"]));

function facts(
  redFlags: Record<string, string> = {},
  history: Record<string, string> = { onsetAgo: "3_12_months", trend: "better" },
  ageYears: number | null = 40,
  qualities: string[] = [],
) {
  return {
    answers: {
      redFlags: { ...NO_TO_ALL, ...redFlags },
      history,
      painMap: { marks: [{ code: 218, intensity: 5, qualities }] },
    },
    ageYears,
  };
}
const ids = (f: ReturnType<typeof facts>) => evaluateRedFlags(RED_FLAG_RULESET_V1, f).map((r) => r.ruleId);

describe("red-flag triage, ruleset v1 (AHCPR 1994)", () => {
  it("raises nothing for a patient who answers no to everything and is improving", () => {
    expect(ids(facts())).toEqual([]);
  });

  it.each([
    ["saddleNumbness", "saddle_numbness"],
    ["bladderBowel", "bladder_bowel"],
    ["legWeakness", "leg_weakness"],
  ])("%s = yes is an emergency (possible cauda equina)", (field, ruleId) => {
    const raised = evaluateRedFlags(RED_FLAG_RULESET_V1, facts({ [field]: "yes" }));
    expect(raised).toEqual([
      expect.objectContaining({ ruleId, tier: "emergency", ruleVersion: RED_FLAG_RULESET_V1.version }),
    ]);
    expect(hasEmergency(raised)).toBe(true);
  });

  it.each([
    ["cancerHistory", "cancer_history"],
    ["feverChills", "fever_chills"],
    ["weightLoss", "weight_loss"],
    ["nightPain", "night_pain"],
    ["recentInfection", "infection_risk"],
    ["ivDrugUse", "infection_risk"],
    ["immuneSuppression", "infection_risk"],
  ])("%s = yes needs same-day review", (field, ruleId) => {
    const raised = evaluateRedFlags(RED_FLAG_RULESET_V1, facts({ [field]: "yes" }));
    expect(raised).toEqual([expect.objectContaining({ ruleId, tier: "same_day" })]);
    expect(hasEmergency(raised)).toBe(false);
  });

  it("major trauma is a same-day flag at any age; minor trauma only over 50", () => {
    expect(ids(facts({ trauma: "major" }, undefined, 30))).toEqual(["major_trauma"]);
    expect(ids(facts({ trauma: "minor" }, undefined, 30))).toEqual([]);
    expect(ids(facts({ trauma: "minor" }, undefined, 50))).toEqual([]);
    expect(ids(facts({ trauma: "minor" }, undefined, 51))).toEqual(["minor_trauma_older"]);
  });

  it("age over 50 or under 20 with new pain (under 6 weeks) needs same-day review", () => {
    const newPain = { onsetAgo: "2_6_weeks", trend: "better" };
    expect(ids(facts({}, newPain, 51))).toEqual(["age_new_pain"]);
    expect(ids(facts({}, newPain, 50))).toEqual([]);
    expect(ids(facts({}, newPain, 19))).toEqual(["age_new_pain"]);
    expect(ids(facts({}, newPain, 20))).toEqual([]);
    expect(ids(facts({}, newPain, null))).toEqual([]);
    expect(ids(facts({}, { onsetAgo: "6_12_weeks", trend: "better" }, 70))).toEqual([]);
  });

  it("notes pain over 1-2 weeks that is not improving, and pain getting worse", () => {
    expect(ids(facts({}, { onsetAgo: "2_6_weeks", trend: "same" }))).toEqual(["no_improvement"]);
    expect(ids(facts({}, { onsetAgo: "1_2_weeks", trend: "same" }))).toEqual([]);
    expect(ids(facts({}, { onsetAgo: "1_2_weeks", trend: "worse" }))).toEqual(["getting_worse"]);
    expect(ids(facts({}, { onsetAgo: "over_1_year", trend: "worse" }))).toEqual(["no_improvement", "getting_worse"]);
  });

  it("notes tingling or numbness marked on the pain map", () => {
    expect(ids(facts({}, undefined, 40, ["aching", "pins_and_needles"]))).toEqual(["tingling_numbness"]);
    expect(ids(facts({}, undefined, 40, ["numbness"]))).toEqual(["tingling_numbness"]);
    expect(ids(facts({}, undefined, 40, ["aching"]))).toEqual([]);
  });

  it("lists emergency flags first, then same-day, then routine", () => {
    const raised = evaluateRedFlags(
      RED_FLAG_RULESET_V1,
      facts({ cancerHistory: "yes", bladderBowel: "yes" }, { onsetAgo: "over_1_year", trend: "worse" }),
    );
    expect(raised.map((r) => r.tier)).toEqual(["emergency", "same_day", "routine", "routine"]);
  });

  it("can evaluate one tier only (drafts raise emergencies at once)", () => {
    const raised = evaluateRedFlags(RED_FLAG_RULESET_V1, facts({ cancerHistory: "yes", legWeakness: "yes" }), {
      tiers: ["emergency"],
    });
    expect(raised.map((r) => r.ruleId)).toEqual(["leg_weakness"]);
  });

  it("ignores missing, malformed and hostile answers instead of throwing", () => {
    for (const answers of [undefined, null, 42, "yes", { redFlags: null }, { redFlags: { saddleNumbness: true } }]) {
      expect(evaluateRedFlags(RED_FLAG_RULESET_V1, { answers, ageYears: null })).toEqual([]);
    }
    const proto = JSON.parse('{"redFlags": {"__proto__": {"saddleNumbness": "yes"}}}');
    expect(evaluateRedFlags(RED_FLAG_RULESET_V1, { answers: proto, ageYears: null })).toEqual([]);
  });

  it("refers only to questions and options the intake actually asks (the data stays consistent)", () => {
    const known: Record<string, readonly string[]> = {
      ...Object.fromEntries(RED_FLAG_FIELDS.map((f) => [`redFlags.${f}`, f === "trauma" ? TRAUMA_OPTIONS : YES_NO])),
      "history.onsetAgo": ONSET_AGO,
      "history.trend": PAIN_TRENDS,
    };
    const check = (c: RuleCondition) => {
      if ("all" in c) return c.all.forEach(check);
      if ("any" in c) return c.any.forEach(check);
      if ("answer" in c) {
        expect(known[c.answer], c.answer).toBeDefined();
        for (const v of c.in) expect(known[c.answer]).toContain(v);
      }
      if ("painQualityAny" in c) for (const q of c.painQualityAny) expect(PAIN_QUALITIES).toContain(q);
    };
    RED_FLAG_RULESET_V1.rules.forEach((r) => check(r.when));
    const ruleIds = RED_FLAG_RULESET_V1.rules.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    // Every emergency question of the form has a rule.
    for (const f of ["saddleNumbness", "bladderBowel", "legWeakness"]) {
      expect(RED_FLAG_RULESET_V1.rules.some((r) => r.tier === "emergency" && JSON.stringify(r.when).includes(f))).toBe(
        true,
      );
    }
  });
});

describe("ageOn", () => {
  it("counts whole years by calendar, turning a year older on the birthday", () => {
    expect(ageOn("1974-06-15", "2024-06-14")).toBe(49);
    expect(ageOn("1974-06-15", "2024-06-15")).toBe(50);
    expect(ageOn("1974-06-15", "2025-01-01")).toBe(50);
    expect(ageOn("2000-02-29", "2021-02-28")).toBe(20);
    expect(ageOn("2000-02-29", "2021-03-01")).toBe(21);
  });
});
