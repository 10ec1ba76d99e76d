import { describe, expect, it } from "vitest";
import { ODI_BANDS, scoreOswestry } from "@/lib/scoring/odi-rules";

/** Ten sections whose scores add up to `sum` (filled 5, 5, ... then the rest). */
function answersSumming(sum: number, sections = 10): number[] {
  const out: number[] = [];
  let left = sum;
  for (let i = 0; i < sections; i++) {
    const v = Math.min(5, left);
    out.push(v);
    left -= v;
  }
  if (left > 0) throw new Error("sum too large");
  return out;
}

describe("scoreOswestry (Fairbank & Pynsent 2000)", () => {
  it("scores the published example: all 10 sections answered, summing 16 -> 32%", () => {
    const score = scoreOswestry([3, 2, 2, 1, 2, 2, 1, 0, 2, 1])!;
    expect(score.sum).toBe(16);
    expect(score.sectionsAnswered).toBe(10);
    expect(score.percent).toBe(32);
    expect(score.band.key).toBe("moderate");
  });

  it("scores the published example: 9 sections answered summing 16 -> 35.6% (denominator 45)", () => {
    const score = scoreOswestry([3, 2, 2, 1, 2, 2, 1, null, 2, 1])!;
    expect(score.sectionsAnswered).toBe(9);
    expect(score.percent).toBeCloseTo((16 / 45) * 100, 10);
    expect(score.display).toBe(35.6);
  });

  it("counts the higher statement when two are marked in one section", () => {
    const single = scoreOswestry([2, 0, 0, 0, 0, 0, 0, 0, 0, 0])!;
    const double = scoreOswestry([[1, 4], 0, 0, 0, 0, 0, 0, 0, 0, 0])!;
    expect(single.sum).toBe(2);
    expect(double.sum).toBe(4);
    expect(double.percent).toBe(8);
  });

  it("treats an empty list of marks like an unanswered section", () => {
    const score = scoreOswestry([[], 5, 5, 5, 5, 5, 5, 5, 5, 5])!;
    expect(score.sectionsAnswered).toBe(9);
    expect(score.percent).toBe(100);
  });

  it("returns null when nothing is answered (no denominator)", () => {
    expect(scoreOswestry([])).toBeNull();
    expect(scoreOswestry(Array(10).fill(null))).toBeNull();
  });

  it("scores a single answered section on its own denominator", () => {
    expect(scoreOswestry([null, null, 3])!.percent).toBe(60);
  });

  it.each([
    [0, "minimal"],
    [20, "minimal"],
    [22, "moderate"],
    [40, "moderate"],
    [42, "severe"],
    [60, "severe"],
    [62, "very_severe"],
    [80, "very_severe"],
    [82, "bed_bound"],
    [100, "bed_bound"],
  ])("puts %i%% in the %s band", (percent, band) => {
    const score = scoreOswestry(answersSumming(percent / 2))!;
    expect(score.percent).toBe(percent);
    expect(score.band.key).toBe(band);
  });

  it("bands a 9-section score by the number shown: 20.0 minimal, 22.2 moderate", () => {
    expect(scoreOswestry([...answersSumming(9, 9), null])!.band.key).toBe("minimal");
    const next = scoreOswestry([...answersSumming(10, 9), null])!;
    expect(next.display).toBe(22.2);
    expect(next.band.key).toBe("moderate");
  });

  it("keeps its bands contiguous and ending at 100", () => {
    expect(ODI_BANDS.map((b) => b.max)).toEqual([20, 40, 60, 80, 100]);
  });

  it("refuses statement indexes outside 0-5 and more than 10 sections", () => {
    expect(() => scoreOswestry([6])).toThrow(RangeError);
    expect(() => scoreOswestry([-1])).toThrow(RangeError);
    expect(() => scoreOswestry([1.5])).toThrow(RangeError);
    expect(() => scoreOswestry(Array(11).fill(0))).toThrow(RangeError);
  });
});
