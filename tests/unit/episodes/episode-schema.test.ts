import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation";
import {
  authorizationSchema,
  episodeStatusChangeSchema,
  openEpisodeSchema,
  updateEpisodePlanSchema,
} from "@/lib/episodes/schema";

const PATIENT = "0190a4e2-0000-7000-8000-000000000001";
const plan = {
  patientId: PATIENT,
  reason: "Low back pain",
  visitsPerWeek: 2,
  weeks: 6,
  startDate: "2026-12-01",
};

function errorsOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error as never);
}

describe("opening an episode", () => {
  it("defaults the planned end to the start plus the weeks", () => {
    expect(openEpisodeSchema.parse(plan).plannedEndDate).toBe("2027-01-12");
  });

  it("refuses a planned end before the start, on the planned end", () => {
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, plannedEndDate: "2026-11-30" }))).toEqual([
      "plannedEndDate",
    ]);
  });

  it.each([
    ["visitsPerWeek", 0],
    ["visitsPerWeek", -1],
    ["visitsPerWeek", 15],
    ["weeks", 0],
    ["weeks", 105],
    ["weeks", 2.5],
    ["weeks", 9_007_199_254_740_991],
  ])("refuses %s = %s with a field error", (field, value) => {
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, [field]: value }))).toEqual([field]);
  });

  it("normalises an ICD-10-CM code to upper case and refuses an unknown format", () => {
    expect(openEpisodeSchema.parse({ ...plan, icd10Code: " s83.511a " }).icd10Code).toBe("S83.511A");
    expect(openEpisodeSchema.parse({ ...plan, icd10Code: "M54.50" }).icd10Code).toBe("M54.50");
    expect(openEpisodeSchema.parse({ ...plan, icd10Code: "" }).icd10Code).toBeNull();
    for (const bad of ["54.5", "M5", "M54.", "M54.12345", "MM4.5", "M54-50"])
      expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, icd10Code: bad })), bad).toEqual(["icd10Code"]);
  });

  it("needs a reason of 1-500 characters", () => {
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, reason: "  " }))).toEqual(["reason"]);
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, reason: "x".repeat(501) }))).toEqual(["reason"]);
  });

  it("drops blank goal boxes and allows at most five goals of up to 200 characters", () => {
    expect(openEpisodeSchema.parse({ ...plan, goals: ["Walk the dog", " ", ""] }).goals).toEqual(["Walk the dog"]);
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, goals: ["a", "b", "c", "d", "e", "f"] }))).toEqual([
      "goals",
    ]);
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, goals: ["x".repeat(201)] }))).toEqual(["goals.0"]);
  });

  it("refuses dates that are not real days", () => {
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, startDate: "2026-02-30" }))).toEqual(["startDate"]);
    expect(Object.keys(errorsOf(openEpisodeSchema, { ...plan, startDate: "99999-01-01" }))).toEqual(["startDate"]);
  });
});

describe("editing the plan", () => {
  it("needs the version the form was loaded with, within the int4 column", () => {
    const body = { ...plan, goals: [], expectedVersion: 2_147_483_648 };
    expect(Object.keys(errorsOf(updateEpisodePlanSchema, body))).toEqual(["expectedVersion"]);
    expect(updateEpisodePlanSchema.parse({ ...body, expectedVersion: 3 }).plannedEndDate).toBe("2027-01-12");
  });
});

describe("an authorisation", () => {
  const auth = {
    payerName: "Blue Harbor Health",
    visitsAuthorized: 12,
    validFrom: "2026-12-01",
    validUntil: "2027-01-15",
  };

  it("refuses one ending before it starts, on its end", () => {
    expect(Object.keys(errorsOf(authorizationSchema, { ...auth, validUntil: "2026-11-30" }))).toEqual(["validUntil"]);
  });

  it.each([0, -3, 1000])("refuses %s visits authorised", (visitsAuthorized) => {
    expect(Object.keys(errorsOf(authorizationSchema, { ...auth, visitsAuthorized }))).toEqual(["visitsAuthorized"]);
  });

  it("accepts a one-day authorisation and the form's numbers as text", () => {
    expect(
      authorizationSchema.parse({ ...auth, visitsAuthorized: "1", validUntil: "2026-12-01" }).visitsAuthorized,
    ).toBe(1);
  });
});

describe("a status change", () => {
  it("needs a known reason and a date to discharge", () => {
    expect(Object.keys(errorsOf(episodeStatusChangeSchema, { action: "discharge" })).sort()).toEqual([
      "date",
      "reason",
    ]);
    expect(
      Object.keys(errorsOf(episodeStatusChangeSchema, { action: "discharge", reason: "bored", date: "2026-12-03" })),
    ).toEqual(["reason"]);
    expect(
      episodeStatusChangeSchema.parse({ action: "discharge", reason: "goals_met", date: "2026-12-03", note: "" }),
    ).toEqual({ action: "discharge", reason: "goals_met", date: "2026-12-03", note: null });
    expect(episodeStatusChangeSchema.parse({ action: "hold" })).toEqual({ action: "hold", note: null });
  });

  it("refuses an unknown action", () => {
    expect(errorsOf(episodeStatusChangeSchema, { action: "delete" })).not.toEqual({});
  });
});
