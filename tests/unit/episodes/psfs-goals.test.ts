import { describe, expect, it } from "vitest";
import { psfsGoalsOf } from "@/lib/episodes/psfs-goals";

describe("goals from the intake's PSFS activities", () => {
  it("takes the named activities in order, trimmed, skipping blank rows", () => {
    const answers = {
      psfs: {
        activities: [
          { activity: " Sitting at my desk ", rating: 4 },
          { activity: "", rating: null },
          { activity: "Lifting my toddler", rating: 2 },
        ],
      },
    };
    expect(psfsGoalsOf(answers)).toEqual(["Sitting at my desk", "Lifting my toddler"]);
  });

  it("keeps at most five, of at most 200 characters, and nothing from answers without a PSFS", () => {
    const many = {
      psfs: { activities: Array.from({ length: 7 }, (_, i) => ({ activity: `A${i}${"x".repeat(300)}` })) },
    };
    const goals = psfsGoalsOf(many);
    expect(goals).toHaveLength(5);
    expect(goals.every((g) => g.length === 200)).toBe(true);
    expect(psfsGoalsOf({})).toEqual([]);
    expect(psfsGoalsOf(null)).toEqual([]);
    expect(psfsGoalsOf({ psfs: { activities: "not a list" } })).toEqual([]);
  });
});
