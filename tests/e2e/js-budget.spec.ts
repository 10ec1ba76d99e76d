import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { budgetProblems, firstLoadSizes, type RouteBundle } from "../../scripts/perf/js-budget-rules";

/**
 * The production build the e2e server started (tests/e2e/server.ts runs
 * `npm run build`'s steps in the project root) must keep every patient page's
 * first-load JavaScript within its budget (scripts/perf/js-budget-rules.ts),
 * counted as sent: each chunk's brotli copy, which the server answers with
 * (docs/decisions/100).
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");

function brotliBytes(chunk: string): number {
  const br = path.join(ROOT, `${chunk}.br`);
  if (!existsSync(br)) throw new Error(`${chunk} has no brotli copy: build with \`npm run build\` (scripts/build.ts)`);
  return readFileSync(br).length;
}

test("patient pages stay within their first-load JavaScript budgets", () => {
  const stats = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "diagnostics", "route-bundle-stats.json"), "utf8"),
  ) as RouteBundle[];
  const lines = firstLoadSizes(stats, brotliBytes);
  test.info().annotations.push({
    type: "first-load KiB brotli",
    description: lines.map((l) => `${l.route} ${l.kib?.toFixed(1)}/${l.budgetKib}`).join(", "),
  });
  expect(budgetProblems(lines)).toEqual([]);
});
