import { describe, expect, it } from "vitest";
import { NPRS_BANDS, scoreNprs } from "@/lib/scoring/nprs-rules";
import { scorePsfs } from "@/lib/scoring/psfs-rules";

const a = (activity: string, rating: number | null) => ({ activity, rating });

describe("scorePsfs", () => {
  it("is the mean of the rated activities", () => {
    expect(scorePsfs([a("Sitting at work", 3), a("Lifting my child", 5), a("Running", 7)])).toMatchObject({
      mean: 5,
      display: 5,
      rated: 3,
    });
  });

  it("reports the mean to one decimal", () => {
    const score = scorePsfs([a("Walk the dog", 4), a("Garden", 5), a("Drive", 5)])!;
    expect(score.mean).toBeCloseTo(14 / 3, 10);
    expect(score.display).toBe(4.7);
  });

  it("takes up to five activities", () => {
    const five = [0, 2, 4, 6, 8].map((r, i) => a(`Activity ${i}`, r));
    expect(scorePsfs(five)).toMatchObject({ mean: 4, rated: 5 });
    expect(() => scorePsfs([...five, a("Sixth", 1)])).toThrow(RangeError);
  });

  it("needs at least three named and rated activities", () => {
    expect(scorePsfs([a("Walk", 4), a("Sit", 5)])).toBeNull();
    expect(scorePsfs([a("Walk", 4), a("Sit", 5), a("", 6)])).toBeNull();
    expect(scorePsfs([a("Walk", 4), a("Sit", 5), a("Run", null)])).toBeNull();
  });

  it("refuses ratings outside 0-10", () => {
    expect(() => scorePsfs([a("Walk", 11), a("Sit", 5), a("Run", 1)])).toThrow(RangeError);
    expect(() => scorePsfs([a("Walk", -1), a("Sit", 5), a("Run", 1)])).toThrow(RangeError);
  });
});

describe("scoreNprs (McCaffery & Beebe bands)", () => {
  it.each([
    [0, "none"],
    [1, "mild"],
    [3, "mild"],
    [4, "moderate"],
    [6, "moderate"],
    [7, "severe"],
    [10, "severe"],
  ])("puts %i in the %s band", (value, band) => {
    expect(scoreNprs(value)!.band.key).toBe(band);
  });

  it("is null when not answered and refuses values outside 0-10", () => {
    expect(scoreNprs(null)).toBeNull();
    expect(scoreNprs(undefined)).toBeNull();
    expect(() => scoreNprs(11)).toThrow(RangeError);
    expect(() => scoreNprs(2.5)).toThrow(RangeError);
  });

  it("takes other cut-points as data", () => {
    const other = [
      { key: "none", label: "None", max: 0, meaning: "" },
      { key: "mild", label: "Mild", max: 4, meaning: "" },
      { key: "moderate", label: "Moderate", max: 6, meaning: "" },
      { key: "severe", label: "Severe", max: 10, meaning: "" },
    ] as const;
    expect(scoreNprs(4, other)!.band.key).toBe("mild");
    expect(scoreNprs(4, NPRS_BANDS)!.band.key).toBe("moderate");
  });
});
