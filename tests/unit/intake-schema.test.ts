import { describe, expect, it } from "vitest";
import { draftAnswersSchema, saveDraftSchema, validateStep, validateSubmission } from "@/lib/intake/schema";

const completeInitial = {
  contact: { firstName: "Ana", lastName: "Silva", dateOfBirth: "1980-02-03", phone: "207 555 0199" },
  reason: { reason: "Low back pain since moving house" },
  painMap: {
    nprsNow: 6,
    marks: [
      { code: 218, intensity: 7, qualities: ["aching"], role: "origin", spreadFrom: null },
      { code: 223, intensity: 4, qualities: ["aching"], role: "spread", spreadFrom: 218 },
    ],
  },
  history: { onsetAgo: "2_6_weeks", onsetType: "sudden", pattern: "intermittent", trend: "same" },
  factors: {},
  treatments: {},
  redFlags: {
    saddleNumbness: "no",
    bladderBowel: "no",
    legWeakness: "no",
    cancerHistory: "no",
    feverChills: "no",
    weightLoss: "no",
    nightPain: "no",
    trauma: "none",
    recentInfection: "no",
    ivDrugUse: "no",
    immuneSuppression: "no",
  },
  odi: { sections: [2, 1, 2, 1, 2, 2, 1, null, 1, 1] },
  startBack: { agree: [true, false, true, false, false, false, false, false], bothersome: "moderately" },
  psfs: {
    activities: [
      { activity: "Sitting at my desk", rating: 4 },
      { activity: "Lifting groceries", rating: 3 },
      { activity: "Running", rating: 2 },
    ],
  },
  consent: { agreeTreatment: true, agreePrivacy: true, signatureName: "Ana Silva" },
};

describe("intake answers", () => {
  it("accepts a complete initial intake", () => {
    const answers = draftAnswersSchema.parse(completeInitial);
    expect(validateSubmission("initial", answers)).toEqual({});
  });

  it("saves any half-filled draft, but checks the format of what is there", () => {
    expect(draftAnswersSchema.safeParse({}).success).toBe(true);
    expect(draftAnswersSchema.safeParse({ reason: { reason: "" }, contact: { email: "" } }).success).toBe(true);
    const bad = draftAnswersSchema.safeParse({ contact: { email: "not-an-email" }, odi: { sections: [7] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["contact.email", "odi.sections.0"]);
  });

  it("strips unknown keys, including prototype tricks", () => {
    const parsed = draftAnswersSchema.parse(JSON.parse('{"__proto__": {"admin": true}, "x": 1, "reason": {"y": 2}}'));
    expect(parsed).toEqual({ reason: {} });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("explains what a step still needs, in patient words, keyed by field", () => {
    expect(validateStep("contact", { firstName: "Ana" })).toEqual({
      "contact.lastName": ["Enter your last name."],
      "contact.dateOfBirth": ["Enter your date of birth."],
      "contact.phone": ["Give us a phone number or an email address so we can reach you."],
    });
    expect(validateStep("redFlags", { saddleNumbness: "no" })["redFlags.bladderBowel"]).toEqual([
      "Please answer this question.",
    ]);
  });

  it("needs every marked region rated and described, and spread tied to a starting point", () => {
    const errors = validateStep("painMap", {
      nprsNow: 5,
      marks: [
        { code: 218, intensity: null, qualities: [], role: "origin" },
        { code: 223, intensity: 3, qualities: ["aching"], role: "spread", spreadFrom: 107 },
      ],
    });
    expect(Object.keys(errors).sort()).toEqual([
      "painMap.marks.0.intensity",
      "painMap.marks.0.qualities",
      "painMap.marks.1.spreadFrom",
    ]);
  });

  it("needs a marked region when there is pain, but accepts no marks at 0/10", () => {
    expect(validateStep("painMap", { nprsNow: 4, marks: [] })).toEqual({
      "painMap.marks": ["Mark at least one place where you feel pain."],
    });
    expect(validateStep("painMap", { nprsNow: 0, marks: [] })).toEqual({});
  });

  it("refuses unknown and duplicate region codes", () => {
    expect(draftAnswersSchema.safeParse({ painMap: { marks: [{ code: 999 }] } }).success).toBe(false);
    expect(draftAnswersSchema.safeParse({ painMap: { marks: [{ code: 137 }] } }).success).toBe(false);
    const dup = draftAnswersSchema.safeParse({ painMap: { marks: [{ code: 218 }, { code: 218 }] } });
    expect(dup.error?.issues[0]?.message).toBe("This region is marked twice.");
  });

  it("needs at least three named and rated PSFS activities", () => {
    expect(validateStep("psfs", { activities: [{ activity: "Walking", rating: 3 }] })).toEqual({
      "psfs.activities": ["Name and rate at least three activities."],
    });
    expect(validateStep("psfs", { activities: [{ activity: "Walking", rating: null }] })).toMatchObject({
      "psfs.activities.0.rating": ["Rate how well you can do this, from 0 to 10."],
    });
  });

  it("checks only the steps of a follow-up questionnaire", () => {
    const { painMap, redFlags, odi, psfs } = completeInitial;
    expect(validateSubmission("follow_up", draftAnswersSchema.parse({ painMap, redFlags, odi, psfs }))).toEqual({});
    expect(Object.keys(validateSubmission("follow_up", {}))).toContain("redFlags.saddleNumbness");
  });

  it("refuses oversized text and malformed save requests", () => {
    expect(draftAnswersSchema.safeParse({ reason: { reason: "x".repeat(2001) } }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ answers: {}, baseRevision: -1 }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ answers: [], baseRevision: 0 }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ answers: {}, baseRevision: 0, currentStep: "admin" }).success).toBe(false);
  });
});
