import { describe, expect, it } from "vitest";
import {
  baselineAndLatest,
  compareMeasure,
  scoreValuesOf,
  summarizeEpisodeOutcome,
  type SubmittedIntakeFact,
} from "@/lib/episodes/discharge-summary-rules";
import type { ProgramPlan } from "@/lib/programs/rules/plan-rules";

const intake = (id: string, day: string, odi: number | null, nprs: number | null, psfs: number | null) =>
  ({
    id,
    submittedOn: day,
    submittedAt: Date.parse(`${day}T10:00:00Z`),
    scores: { odi, nprs, psfs },
  }) satisfies SubmittedIntakeFact;

describe("baselineAndLatest", () => {
  const a = intake("a", "2027-01-02", 40, 7, 3);
  const b = intake("b", "2027-01-20", 30, 5, 5);
  const c = intake("c", "2027-02-10", 20, 3, 7);

  it("takes the intake the episode was opened from as the baseline and the latest after it as follow-up", () => {
    expect(baselineAndLatest([c, a, b], "b")).toMatchObject({ baseline: { id: "b" }, latest: { id: "c" } });
  });
  it("falls back to the earliest submitted intake", () => {
    expect(baselineAndLatest([c, b, a], null)).toMatchObject({ baseline: { id: "a" }, latest: { id: "c" } });
    expect(baselineAndLatest([c, b, a], "not-in-episode")).toMatchObject({ baseline: { id: "a" } });
  });
  it("has no follow-up with one questionnaire, nothing without any", () => {
    expect(baselineAndLatest([a], "a")).toEqual({ baseline: a, latest: null });
    expect(baselineAndLatest([], null)).toEqual({ baseline: null, latest: null });
  });
});

describe("compareMeasure", () => {
  it("counts a fall in ODI or NPRS and a rise in PSFS as improvement", () => {
    expect(compareMeasure("odi", 40, 28)).toMatchObject({ improvement: 12, reachedThreshold: true });
    expect(compareMeasure("nprs", 6, 5)).toMatchObject({ improvement: 1, reachedThreshold: false });
    expect(compareMeasure("psfs", 3, 5.5)).toMatchObject({ improvement: 2.5, reachedThreshold: true });
  });
  it("never counts a meaningful worsening as reaching the threshold", () => {
    const worse = compareMeasure("nprs", 3, 7);
    expect(worse.change?.meaningful).toBe(true);
    expect(worse).toMatchObject({ improvement: -4, reachedThreshold: false });
  });
  it("has no change without both scores", () => {
    expect(compareMeasure("odi", 40, null)).toMatchObject({ change: null, improvement: null, reachedThreshold: false });
  });
  it("reaches the threshold exactly at it", () => {
    expect(compareMeasure("odi", 40, 30).reachedThreshold).toBe(true);
    expect(compareMeasure("nprs", 6, 4).reachedThreshold).toBe(true);
    expect(compareMeasure("psfs", 4, 6).reachedThreshold).toBe(true);
  });
});

describe("summarizeEpisodeOutcome", () => {
  const plan: ProgramPlan = {
    endedOn: null,
    versions: [
      {
        version: 1,
        effectiveFrom: "2027-01-04",
        startDate: "2027-01-04",
        endDate: null,
        items: [{ exerciseId: "x", timesPerDay: 1, daysPerWeek: 7 }],
      },
    ],
  };
  const logs = ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-06", "2027-01-20"].map((d) => ({
    exerciseId: "x",
    localDate: d,
    completed: true,
  }));
  const facts = {
    startDate: "2027-01-04",
    dischargedOn: "2027-01-13",
    openedFromIntakeId: "a",
    intakes: [intake("a", "2027-01-02", 40, 7, 3), intake("z", "2027-01-13", 20, 3, null)],
    authorizations: [
      { id: "p1", payerName: "P", visitsAuthorized: 6, validFrom: "2027-01-01", validUntil: "2027-01-31" },
      { id: "p2", payerName: "P", visitsAuthorized: 4, validFrom: "2027-02-01", validUntil: "2027-02-28" },
    ],
    visits: [
      { id: "v1", date: "2027-01-05", counted: true },
      { id: "v2", date: "2027-01-08", counted: true },
      { id: "v3", date: "2027-01-12", counted: false },
    ],
    programs: [{ plan, logs }],
  };

  it("compares the measures, counts used visits against all authorised ones and adherence up to discharge", () => {
    const s = summarizeEpisodeOutcome(facts, "2027-03-01");
    expect(s.measures.map((m) => [m.measure, m.improvement, m.reachedThreshold])).toEqual([
      ["odi", 20, true],
      ["nprs", 4, true],
      ["psfs", null, false],
    ]);
    expect(s.visitsUsed).toBe(2);
    expect(s.visitsAuthorized).toBe(10);
    // 10 days in force (4th to 13th) at once a day; the double log on the 6th counts once, the 20th is after discharge.
    expect(s.adherence).toMatchObject({ prescribed: 10, done: 3, from: "2027-01-04", to: "2027-01-13" });
    expect(s.through).toBe("2027-01-13");
  });
  it("runs to today while the episode is open, and has no adherence without a program", () => {
    const s = summarizeEpisodeOutcome({ ...facts, dischargedOn: null, programs: [], authorizations: [] }, "2027-01-10");
    expect(s.through).toBe("2027-01-10");
    expect(s.adherence).toBeNull();
    expect(s.visitsAuthorized).toBeNull();
  });
});

describe("scoreValuesOf", () => {
  it("reads the stored intake scores and ignores what is missing or malformed", () => {
    expect(scoreValuesOf({ nprs: { value: 6 }, odi: { display: 42, percent: 42 }, psfs: null })).toEqual({
      nprs: 6,
      odi: 42,
      psfs: null,
    });
    expect(scoreValuesOf(null)).toEqual({ nprs: null, odi: null, psfs: null });
    expect(scoreValuesOf({ nprs: { value: "6" } }).nprs).toBeNull();
  });
});
