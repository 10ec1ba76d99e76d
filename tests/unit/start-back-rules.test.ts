import { describe, expect, it } from "vitest";
import { scoreStartBack, type StartBackAnswers } from "@/lib/scoring/start-back-rules";

/** Agree with the listed item numbers (1-8), disagree with the rest. */
function answers(agreeWith: number[], bothersome: StartBackAnswers["bothersome"]): StartBackAnswers {
  return { agree: Array.from({ length: 8 }, (_, i) => agreeWith.includes(i + 1)), bothersome };
}

describe("scoreStartBack (Keele STarT Back Screening Tool)", () => {
  it("scores a form with nothing agreed as 0 / low risk", () => {
    expect(scoreStartBack(answers([], "not_at_all"))).toMatchObject({ total: 0, subscale: 0, risk: { key: "low" } });
  });

  it("counts item 9 only for 'very much' or 'extremely'", () => {
    expect(scoreStartBack(answers([], "moderately"))!.total).toBe(0);
    expect(scoreStartBack(answers([], "slightly"))!.total).toBe(0);
    expect(scoreStartBack(answers([], "very_much"))).toMatchObject({ total: 1, subscale: 1 });
    expect(scoreStartBack(answers([], "extremely"))).toMatchObject({ total: 1, subscale: 1 });
  });

  it("is medium risk at total 4 with a low distress subscale (physical items only)", () => {
    expect(scoreStartBack(answers([1, 2, 3, 4], "moderately"))).toMatchObject({
      total: 4,
      subscale: 0,
      risk: { key: "medium" },
    });
  });

  it("is low risk at total 3", () => {
    expect(scoreStartBack(answers([1, 2, 5], "slightly"))).toMatchObject({
      total: 3,
      subscale: 1,
      risk: { key: "low" },
    });
  });

  it("is high risk when the subscale (items 5-9) reaches 4, even when the total is only 4", () => {
    expect(scoreStartBack(answers([5, 6, 7], "very_much"))).toMatchObject({
      total: 4,
      subscale: 4,
      risk: { key: "high" },
    });
  });

  it("stays medium when the subscale is 3 and the total is 4", () => {
    expect(scoreStartBack(answers([1, 5, 6, 7], "moderately"))).toMatchObject({
      total: 4,
      subscale: 3,
      risk: { key: "medium" },
    });
  });

  it("scores the maximum as 9 / 5 / high", () => {
    expect(scoreStartBack(answers([1, 2, 3, 4, 5, 6, 7, 8], "extremely"))).toMatchObject({
      total: 9,
      subscale: 5,
      risk: { key: "high" },
    });
  });

  it("does not score an incomplete form", () => {
    const partial = answers([1, 2], "slightly");
    expect(scoreStartBack({ ...partial, agree: [...partial.agree.slice(0, 7), null] })).toBeNull();
    expect(scoreStartBack({ ...partial, bothersome: null })).toBeNull();
    expect(() => scoreStartBack({ agree: [true], bothersome: "slightly" })).toThrow(RangeError);
  });
});
