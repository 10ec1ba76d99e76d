import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { nextE2eRecoveryCode } from "./mfa-codes";

export { DEMO_CLINIC, DEMO_PATIENTS, DEMO_STAFF } from "../../prisma/seed/demo-data";

/**
 * Every test fails on an unexpected console error (a CSP violation, a hydration
 * error, a failed request the UI did not handle).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors.filter((e) => !EXPECTED_CONSOLE_ERRORS.some((re) => re.test(e)))).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Responses the browser logs on its own when a test deliberately hits a 4xx. */
const EXPECTED_CONSOLE_ERRORS = [/Failed to load resource: the server responded with a status of 4\d\d/];

/**
 * Signs in through the real form. Staff then pass the second step with a
 * seeded single-use recovery code (see mfa-codes.ts); a wrong password leaves
 * the page on the form with its error for the test to check.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Settled: on the second step, on a page past "/" (which only redirects), or an error shown on the form.
  await Promise.race([
    page.waitForURL(
      (url) => url.pathname === "/sign-in/verify" || (!url.pathname.startsWith("/sign-in") && url.pathname !== "/"),
      { timeout: 15_000 },
    ),
    page
      .locator("[role=alert]:not(#__next-route-announcer__)")
      .filter({ hasText: /\S/ })
      .first()
      .waitFor({ timeout: 15_000 }),
  ]).catch(() => undefined);
  if (new URL(page.url()).pathname === "/sign-in/verify") {
    await page.getByLabel("Authentication code").fill(nextE2eRecoveryCode(test.info().workerIndex));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}
