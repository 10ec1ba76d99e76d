import { DEMO_CLINIC, DEMO_PATIENTS, expect, expectAccessible, signIn, test } from "./fixtures";

test("a patient signs in and reads their portal on a phone", async ({ page }) => {
  await signIn(page, DEMO_PATIENTS[2].email);
  await expect(page).toHaveURL("/portal");
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${DEMO_PATIENTS[2].preferredName}` })).toBeVisible();
  await expect(page.getByText(DEMO_CLINIC.phone)).toBeVisible();
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
