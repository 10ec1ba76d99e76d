import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

test("the attendance page fits a phone: tables scroll inside their box, the page does not", async ({ page }) => {
  await signIn(page, DEMO_STAFF[0].email);
  await page.goto("/clinic/admin/attendance");
  await expect(page.getByRole("table", { name: "Per therapist, last 30 days" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
