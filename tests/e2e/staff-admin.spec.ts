import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

// Adding staff by invitation, through to the first two-step sign-in: accounts.spec.ts.

test("the front desk registers a patient and finds them by phone", async ({ page }) => {
  const lastName = `Quill${Date.now()}`;
  await signIn(page, DEMO_STAFF[3].email);
  await page.getByLabel("First name").fill("Avery");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Date of birth").fill("2031-01-01");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByText("The date of birth cannot be in the future.")).toBeVisible();
  await page.getByLabel("Date of birth").fill("1991-07-14");
  await page.getByLabel("Mobile phone (optional)").fill("(207) 555-0177");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Patient registered" })).toBeVisible();

  await page.getByLabel("Find a patient").fill("555-0177");
  await page.getByRole("link", { name: new RegExp(`${lastName}, Avery`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Avery ${lastName}` })).toBeVisible();
  await expectAccessible(page);
});

test("front desk and therapists cannot open the admin pages", async ({ page }) => {
  await signIn(page, DEMO_STAFF[1].email);
  await expect(page).toHaveURL("/clinic/therapist");
  const res = await page.goto("/clinic/admin");
  expect(res?.status()).toBe(403);
  const mailbox = await page.goto("/clinic/admin/mailbox");
  expect(mailbox?.status()).toBe(403);
});
