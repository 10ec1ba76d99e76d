import { randomBytes } from "node:crypto";
import { totpCode } from "../../lib/auth/mfa-rules";
import { DEMO_CLINIC, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { clearResetThrottle, e2eDb, linkFromMailbox } from "./account-helpers";

const ADMIN = DEMO_STAFF[0].email;
const FRONT_DESK = DEMO_STAFF[3].email;
const tag = () => randomBytes(3).toString("hex");

test("an admin invites a therapist by email; the invitee chooses a password from the link, signs in and is asked to set up two-step sign-in; the used link says so", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const email = `invited.therapist.${tag()}@harborpoint.example`;
  await signIn(page, ADMIN);
  await expect(page).toHaveURL("/clinic/admin");
  await page.getByLabel("Full name").fill("Robin Ellis, PT");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByLabel("Role").selectOption("therapist");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Pending invitations" }).getByRole("row", { name: new RegExp(email) }),
  ).toBeVisible();
  await expectAccessible(page);

  const link = await linkFromMailbox(email, "staff.invitation");
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Join ${DEMO_CLINIC.name}` })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel("New password").fill("short");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByText("Use at least 10 characters.")).toBeVisible();
  await invitee.getByLabel("New password").fill("robin-chosen-passphrase");
  await invitee.getByLabel("Confirm password").fill("robin-chosen-passphrase");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByRole("status").filter({ hasText: "Your account is ready" })).toBeVisible();

  // The link is spent: opening it again explains, and points to sign-in.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole("link", { name: "Go to sign in" }).click();
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill("robin-chosen-passphrase");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  await expectAccessible(invitee);
  const secret = (await invitee.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await invitee.getByLabel("Code from the app").fill("000000");
  await invitee.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(invitee.getByText("That code didn't work.")).toBeVisible();
  await invitee.getByLabel("Code from the app").fill(totpCode(secret, Date.now()));
  await invitee.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(invitee.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await invitee.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(invitee).toHaveURL("/clinic/therapist");

  // Next time: password, then a code from the app (the next time step: the first code was used up).
  await invitee.getByRole("button", { name: "Sign out" }).click();
  await expect(invitee).toHaveURL(/\/sign-in/);
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill("robin-chosen-passphrase");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await invitee.getByLabel("Authentication code").fill(totpCode(secret, Date.now() + 30_000));
  await invitee.getByRole("button", { name: "Continue" }).click();
  await expect(invitee).toHaveURL("/clinic/therapist");
  await context.close();

  // The admin's list no longer shows it as pending.
  await page.reload();
  await expect(
    page.getByRole("table", { name: "Staff accounts" }).getByRole("cell", { name: new RegExp(email) }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: `Resend link to ${email}` })).toHaveCount(0);
});

test("resending an invitation retires the old link; the old link's page says what to do", async ({ page }) => {
  const email = `resent.${tag()}@harborpoint.example`;
  await signIn(page, ADMIN);
  await page.getByLabel("Full name").fill("Sam Resend");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("front_desk");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const first = await linkFromMailbox(email, "staff.invitation");
  const sentAt = new Date();
  await page.getByRole("button", { name: `Resend link to ${email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `A new link was sent to ${email}` })).toBeVisible();
  const second = await linkFromMailbox(email, "staff.invitation", new Date(sentAt.getTime() - 1));
  expect(second).not.toBe(first);
  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
  await expect(page.getByText("Ask your clinic to send you a new invitation.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/clinic/admin");
  await page.getByRole("button", { name: `Revoke invitation to ${email}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
});

test("front desk sends a portal invitation; the patient sets a password, forgets it, resets it from the emailed link and signs in with the new one; spent and expired reset links explain themselves", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const lastName = `Portal${tag()}`;
  const email = `${lastName.toLowerCase()}@example.com`;
  await signIn(page, FRONT_DESK);
  const created = await page.request.post("/api/patients", {
    data: { firstName: "Quinn", lastName, dateOfBirth: "1988-02-11", email },
  });
  expect(created.status()).toBe(201);
  const { patient } = (await created.json()) as { patient: { id: string } };
  await page.goto(`/clinic/patients/${patient.id}`);
  await page.getByRole("button", { name: "Send portal invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Portal invitation sent to ${email}` })).toBeVisible();
  await expectAccessible(page);

  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(await linkFromMailbox(email, "patient.portal_invitation"));
  await expect(person.getByRole("heading", { name: `Your ${DEMO_CLINIC.name} patient portal` })).toBeVisible();
  await person.getByLabel("New password").fill("quinn-first-passphrase");
  await person.getByLabel("Confirm password").fill("quinn-first-passphrase");
  await person.getByRole("button", { name: "Create my account" }).click();
  await expect(person.getByRole("status").filter({ hasText: "Your account is ready" })).toBeVisible();

  // Forgot it.
  await clearResetThrottle();
  await person.goto("/sign-in");
  await person.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(person).toHaveURL("/forgot-password");
  await expectAccessible(person);
  await person.getByLabel("Email address").fill(email);
  const asked = new Date();
  await person.getByRole("button", { name: "Send reset link" }).click();
  await expect(person.getByRole("status").filter({ hasText: "If an account exists for that address" })).toBeVisible();
  const reset = await linkFromMailbox(email, "account.password_reset", new Date(asked.getTime() - 1000));
  await person.goto(reset);
  await expect(person.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectAccessible(person);
  await person.getByLabel("New password").fill("quinn-second-passphrase");
  await person.getByLabel("Confirm password").fill("quinn-other-passphrase");
  await person.getByRole("button", { name: "Set new password" }).click();
  await expect(person.getByText("The two passwords are not the same.")).toBeVisible();
  await person.getByLabel("Confirm password").fill("quinn-second-passphrase");
  await person.getByRole("button", { name: "Set new password" }).click();
  await expect(person.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();

  await person.goto("/sign-in");
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill("quinn-first-passphrase");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByText("That email and password don't match our records.")).toBeVisible();
  await person.getByLabel("Password").fill("quinn-second-passphrase");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person).toHaveURL("/portal");

  // The spent link, and an expired one.
  await person.goto(reset);
  await expect(person.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expectAccessible(person);
  await person.request.post("/api/account/password-reset", { data: { email } });
  const expiring = await linkFromMailbox(email, "account.password_reset", new Date(Date.now() - 500));
  await e2eDb().accountToken.updateMany({
    where: { email, purpose: "password_reset", usedAt: null, revokedAt: null },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  await person.goto(expiring);
  await expect(person.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(person.getByRole("link", { name: "Request a new link" })).toHaveAttribute("href", "/forgot-password");
  await expectAccessible(person);
  await person.goto(`/reset-password/${"A".repeat(43)}`);
  await expect(person.getByRole("heading", { name: "We could not find this link" })).toBeVisible();
  await context.close();
});
