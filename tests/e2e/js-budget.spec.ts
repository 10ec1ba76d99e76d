import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { budgetProblems, firstLoadSizes, type RouteBundle } from "../../scripts/perf/js-budget-rules";

/**
 * The production build the e2e server started (tests/e2e/server.ts runs
 * `next build` in the project root) must keep every patient page's first-load
 * JavaScript within its budget (scripts/perf/js-budget-rules.ts).
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");

test("patient pages stay within their first-load JavaScript budgets", () => {
  const stats = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "diagnostics", "route-bundle-stats.json"), "utf8"),
  ) as RouteBundle[];
  const lines = firstLoadSizes(stats, (chunk) => gzipSync(readFileSync(path.join(ROOT, chunk))).length);
  test.info().annotations.push({
    type: "first-load KiB gzip",
    description: lines.map((l) => `${l.route} ${l.kib?.toFixed(1)}/${l.budgetKib}`).join(", "),
  });
  expect(budgetProblems(lines)).toEqual([]);
});
