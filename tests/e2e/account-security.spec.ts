import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { nextE2eRecoveryCode } from "./mfa-codes";

test("a staff member confirms it is them (password + code) before changing their password", async ({ page }) => {
  await signIn(page, DEMO_STAFF[2].email);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your password").fill("mend-demo-password");
  await page.getByLabel("Authentication code").fill("111111");
  await page.getByRole("button", { name: "Confirm it's me" }).click();
  await expect(page.getByText("That code didn't work.")).toBeVisible();
  await page.getByLabel("Authentication code").fill(nextE2eRecoveryCode(test.info().workerIndex));
  await page.getByRole("button", { name: "Confirm it's me" }).click();
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
  await expectAccessible(page);
});

test("a patient confirms with their password only", async ({ page }) => {
  await signIn(page, DEMO_PATIENTS[0].email);
  await page.goto("/account/security");
  await expect(page.getByLabel("Authentication code")).toHaveCount(0);
  await page.getByLabel("Your password").fill("mend-demo-password");
  await page.getByRole("button", { name: "Confirm it's me" }).click();
  await expect(page.getByRole("heading", { name: "Sign-in email" })).toBeVisible();
});

test("staff pages stay closed until the second step is done", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_STAFF[1].email);
  await page.getByLabel("Password").fill("mend-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await page.goto("/clinic/therapist");
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  const api = await page.request.get("/api/patients?q=");
  expect(api.status()).toBe(401);
});
