import { describe, expect, it } from "vitest";
import { FIGURES, figureFor, figureShapes } from "@/lib/exercises/figures";
import { exerciseInputSchema } from "@/lib/exercises/schema";
import { STARTER_EXERCISES } from "@/lib/exercises/starter-library";

describe("starter library", () => {
  it("has every exercise the seed articles name", () => {
    const names = STARTER_EXERCISES.map((e) => e.name.toLowerCase());
    for (const expected of [
      "cat-cow",
      "child's pose",
      "bird dog",
      "standing rotation",
      "donkey kicks",
      "kneeling hip flexor",
      "seal stretch",
      "diaphragmatic breathing",
      "knee-to-chest",
      "posterior pelvic tilt",
      "quadratus lumborum",
      "plank",
      "ball",
      "foam rolling",
      "walking",
      "rest position",
    ])
      expect(
        names.some((n) => n.includes(expected)),
        expected,
      ).toBe(true);
  });

  it.each(STARTER_EXERCISES.map((e) => [e.name, e] as const))(
    "%s passes the same checks as a clinic's own entry",
    (_n, e) => {
      const parsed = exerciseInputSchema.safeParse(e);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(e.steps.length).toBeGreaterThanOrEqual(3);
      expect(e.figureKey in FIGURES).toBe(true);
    },
  );

  it("keeps the knee-to-chest hold at about 30 s and the ball release within 30-60 s (seed articles)", () => {
    const knee = STARTER_EXERCISES.find((e) => e.name.startsWith("Knee-to-chest"))!;
    const ball = STARTER_EXERCISES.find((e) => e.name.includes("ball"))!;
    expect(knee.defaultDosage.holdSeconds).toBe(30);
    expect(ball.defaultDosage.holdSeconds).toBeGreaterThanOrEqual(30);
    expect(ball.defaultDosage.holdSeconds).toBeLessThanOrEqual(60);
  });
});

describe("figures", () => {
  it("falls back to a drawing of the position when an exercise has none", () => {
    expect(figureFor(null, "lying_on_back")).toBe(FIGURES.generic_lying_on_back);
    expect(figureFor("not-a-figure", "standing")).toBe(FIGURES.generic_standing);
    expect(figureFor("plank", "standing")).toBe(FIGURES.plank);
  });

  it("lays panels side by side and crops the empty space above a lying figure", () => {
    const catCow = figureShapes(FIGURES.cat_cow);
    expect(catCow.width).toBe(2 * figureShapes(FIGURES.plank).width);
    const lying = figureShapes(FIGURES.rest_prone);
    const standing = figureShapes(FIGURES.walking);
    expect(lying.top).toBeGreaterThan(standing.top);
    expect(lying.height).toBeLessThan(standing.height);
  });
});
