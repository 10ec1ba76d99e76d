import { describe, expect, it } from "vitest";
import { dailyPain, painfulExercises, painRise, type PainFact } from "@/lib/programs/rules/pain-rules";

const f = (exerciseId: string, localDate: string, painBefore: number | null, painAfter: number | null): PainFact => ({
  exerciseId,
  localDate,
  painBefore,
  painAfter,
});

describe("pain around exercise", () => {
  it("measures the rise only when both ratings were given", () => {
    expect(painRise(f("X", "2026-11-20", 3, 5))).toBe(2);
    expect(painRise(f("X", "2026-11-20", 5, 2))).toBe(-3);
    expect(painRise(f("X", "2026-11-20", null, 5))).toBeNull();
  });

  it("flags an exercise when pain rose by 2 or more, not by 1", () => {
    const flags = painfulExercises(
      [
        f("X", "2026-11-18", 3, 4),
        f("X", "2026-11-19", 3, 5),
        f("Y", "2026-11-19", 4, 5),
        f("Y", "2026-11-20", 6, 2),
        f("Z", "2026-11-20", null, 9),
      ],
      "2026-11-01",
    );
    expect(flags).toEqual([{ exerciseId: "X", rated: 2, flagged: 1, largestRise: 2, lastFlaggedOn: "2026-11-19" }]);
  });

  it("looks only at sessions since the given day and lists the most recent first", () => {
    const flags = painfulExercises(
      [f("X", "2026-10-01", 1, 8), f("X", "2026-11-19", 2, 4), f("Y", "2026-11-21", 2, 6)],
      "2026-11-08",
    );
    expect(flags.map((x) => [x.exerciseId, x.largestRise, x.rated])).toEqual([
      ["Y", 4, 1],
      ["X", 2, 1],
    ]);
  });

  it("gives one point per day: mean before and mean after, to one decimal", () => {
    expect(
      dailyPain([
        f("X", "2026-11-20", 4, 5),
        f("Y", "2026-11-20", 4, 6),
        f("Y", "2026-11-20", null, 6),
        f("X", "2026-11-19", null, null),
        f("X", "2026-11-18", 5, null),
      ]),
    ).toEqual([
      { date: "2026-11-18", before: 5, after: null },
      { date: "2026-11-20", before: 4, after: 5.7 },
    ]);
  });
});
