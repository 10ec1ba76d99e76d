import { describe, expect, it } from "vitest";
import { scoreChange } from "@/lib/scoring/change-rules";

describe("scoreChange", () => {
  it("ODI: a fall of 10 points or more is a detectable improvement", () => {
    expect(scoreChange("odi", 42, 32)).toEqual({ delta: -10, direction: "better", meaningful: true, threshold: 10 });
    expect(scoreChange("odi", 42, 34)).toMatchObject({ delta: -8, direction: "better", meaningful: false });
    expect(scoreChange("odi", 30, 44)).toMatchObject({ delta: 14, direction: "worse", meaningful: true });
  });

  it("ODI: works on unrounded percentages and reports one decimal", () => {
    expect(scoreChange("odi", (16 / 45) * 100, 24)).toMatchObject({ delta: -11.6, meaningful: true });
  });

  it("NPRS: 2 points is meaningful, 1 is not", () => {
    expect(scoreChange("nprs", 7, 5)).toMatchObject({ delta: -2, direction: "better", meaningful: true });
    expect(scoreChange("nprs", 7, 6)).toMatchObject({ delta: -1, direction: "better", meaningful: false });
    expect(scoreChange("nprs", 3, 5)).toMatchObject({ direction: "worse", meaningful: true });
  });

  it("PSFS: higher is better; 2 points in the mean, 3 for one activity", () => {
    expect(scoreChange("psfs", 3, 5)).toMatchObject({ delta: 2, direction: "better", meaningful: true });
    expect(scoreChange("psfs", 5, 3.5)).toMatchObject({ delta: -1.5, direction: "worse", meaningful: false });
    expect(scoreChange("psfsActivity", 4, 6)).toMatchObject({ meaningful: false, threshold: 3 });
    expect(scoreChange("psfsActivity", 4, 7)).toMatchObject({ meaningful: true });
  });

  it("no change is 'same' and never meaningful", () => {
    expect(scoreChange("nprs", 5, 5)).toMatchObject({ delta: 0, direction: "same", meaningful: false });
  });
});
