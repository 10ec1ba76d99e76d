/**
 * First-load JavaScript budgets for the pages patients open on a phone, and the
 * check against a production build's `.next/diagnostics/route-bundle-stats.json`
 * (Next lists each route's first-load chunks there). Sizes are what the
 * browser is sent: the build's brotli copy of each chunk, which `npm start`
 * serves to every browser that accepts brotli (docs/decisions/100), in KiB
 * (1,024 bytes, as Lighthouse reports them). Pure: the caller reads the files
 * and supplies the sizes.
 */
export const FIRST_LOAD_BUDGET_KIB: Readonly<Record<string, number>> = {
  // The page every new patient opens first, and the one they open every day: issue 11's 130. In gzip, Next
  // and React alone took ~133 KiB (decision 072); brotli copies brought the pages under it (decision 100).
  "/intake/[token]": 130,
  "/portal/exercises": 130,
  "/sign-in": 150,
  "/portal": 150,
  "/portal/exercises/history": 150,
  // The booking forms and TanStack Query load when the patient opens one (decision 072).
  "/portal/appointments": 150,
  "/portal/intake/[intakeId]": 150,
  // The entries come rendered; the add form loads after the page (decision 072).
  "/portal/waitlist": 150,
  "/forgot-password": 150,
  "/reset-password/[token]": 150,
  "/invitation/[token]": 150,
};

export type RouteBundle = { route: string; firstLoadChunkPaths: readonly string[] };
export type BudgetLine = { route: string; kib: number | null; budgetKib: number };

/** Each budgeted route's first-load size as sent (null when the build has no such route). */
export function firstLoadSizes(
  routes: readonly RouteBundle[],
  sentBytes: (chunkPath: string) => number,
  budgets: Readonly<Record<string, number>> = FIRST_LOAD_BUDGET_KIB,
): BudgetLine[] {
  return Object.entries(budgets).map(([route, budgetKib]) => {
    const found = routes.find((r) => r.route === route);
    const bytes = found ? found.firstLoadChunkPaths.reduce((sum, p) => sum + sentBytes(p), 0) : null;
    return { route, kib: bytes === null ? null : bytes / 1024, budgetKib };
  });
}

/** One sentence per route over its budget or missing from the build (a renamed route must not pass unchecked). */
export function budgetProblems(lines: readonly BudgetLine[]): string[] {
  return lines.flatMap(({ route, kib, budgetKib }) => {
    if (kib === null) return [`${route}: not in the build's route list (renamed? update the budget)`];
    if (kib > budgetKib) return [`${route}: ${kib.toFixed(1)} KiB brotli first-load JS, budget ${budgetKib} KiB`];
    return [];
  });
}
