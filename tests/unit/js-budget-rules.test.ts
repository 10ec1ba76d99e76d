import { describe, expect, it } from "vitest";
import { budgetProblems, firstLoadSizes } from "@/scripts/perf/js-budget-rules";

const sizes: Record<string, number> = { "a.js": 100 * 1024, "b.js": 20 * 1024, "c.js": 15 * 1024 };
const sent = (p: string) => sizes[p]!;

describe("first-load JS budgets", () => {
  it("sums the sent (brotli) size of a route's first-load chunks in KiB", () => {
    const lines = firstLoadSizes([{ route: "/x", firstLoadChunkPaths: ["a.js", "b.js"] }], sent, { "/x": 130 });
    expect(lines).toEqual([{ route: "/x", kib: 120, budgetKib: 130 }]);
    expect(budgetProblems(lines)).toEqual([]);
  });

  it("names the route that grew past its budget, with its size", () => {
    const lines = firstLoadSizes(
      [
        { route: "/small", firstLoadChunkPaths: ["a.js"] },
        { route: "/big", firstLoadChunkPaths: ["a.js", "b.js", "c.js"] },
      ],
      sent,
      { "/small": 130, "/big": 130 },
    );
    expect(budgetProblems(lines)).toEqual(["/big: 135.0 KiB brotli first-load JS, budget 130 KiB"]);
  });

  it("is exactly at the budget: passes", () => {
    expect(budgetProblems([{ route: "/x", kib: 130, budgetKib: 130 }])).toEqual([]);
  });

  it("fails for a budgeted route the build no longer has, so a rename cannot skip the check", () => {
    const lines = firstLoadSizes([], sent, { "/gone": 150 });
    expect(budgetProblems(lines)).toEqual(["/gone: not in the build's route list (renamed? update the budget)"]);
  });
});
