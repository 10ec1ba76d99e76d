import { totpCode } from "../../lib/auth/mfa-rules";
import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

test("an admin creates a staff account; the welcome email reaches the mailbox; the new therapist sets up two-step sign-in and uses it", async ({
  page,
  browser,
}) => {
  const email = `new.therapist.${Date.now()}@harborpoint.example`;
  await signIn(page, DEMO_STAFF[0].email);
  await expect(page).toHaveURL("/clinic/admin");
  await page.getByLabel("Full name").fill("Robin Ellis, PT");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("therapist");
  await page.getByLabel("Temporary password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Temporary password").fill("robin-temporary-pass");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Robin Ellis, PT can now sign in" })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(email) })).toBeVisible();

  // The outbox worker delivers the welcome email to the development mailbox within seconds.
  await expect(async () => {
    await page.goto("/clinic/admin/mailbox");
    await expect(page.getByText(`to ${email}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);

  // The new therapist's first sign-in sets up two-step sign-in.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill("robin-temporary-pass");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  await expectAccessible(other);
  const secret = (await other.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await other.getByLabel("Code from the app").fill("000000");
  await other.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(other.getByText("That code didn't work.")).toBeVisible();
  await other.getByLabel("Code from the app").fill(totpCode(secret, Date.now()));
  await other.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(other.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await other.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(other).toHaveURL("/clinic/therapist");

  // Next time: password, then a code from the app (the next time step: the first code was used up).
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill("robin-temporary-pass");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await other.getByLabel("Authentication code").fill(totpCode(secret, Date.now() + 30_000));
  await other.getByRole("button", { name: "Continue" }).click();
  await expect(other).toHaveURL("/clinic/therapist");
  await context.close();
});

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
