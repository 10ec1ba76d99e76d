import { spawn } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { totpCode } from "../../lib/auth/mfa-rules";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { ROOT } from "../../scripts/db/migrations";
import { prismaFor } from "../../scripts/db/prisma-client";
import { linkFromMailbox } from "./account-helpers";
import { expect, expectAccessible, test } from "./fixtures";
import { startFreshApp, type FreshApp } from "./fresh-app";

/**
 * A new clinic adopts Mend (issue 10, "done when"): an empty, migrated
 * database with no demo data -> `npm run setup` as README's "Run Mend for your
 * clinic" says -> the first admin signs in and enrols an authenticator ->
 * invites a therapist and a front-desk user, who accept and enrol theirs ->
 * the front desk registers a patient and sends a portal invitation -> the
 * patient sets a password -> forgets it and resets it. Everything through the
 * browser, as the people would; emails are read from the development mailbox.
 * Exclusive project: its own production server and database, after the
 * parallel specs, so it does not compete with them for the CPU.
 */

const port = Number(process.env.E2E_PORT ?? 3100) + 20;
const CLINIC = "Lakeshore Physical Therapy";
const ADMIN = { name: "Sam Lake", email: "sam@lakeshore.example", password: "lakeshore-admin-passphrase" };

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://localhost:${port}` });

let app: FreshApp;
let db: PrismaClient;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startFreshApp({ ports: [port], seed: false });
  db = prismaFor(app.databaseUrl);
});

test.afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
});

function setup(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "setup", "--", "--non-interactive", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: app.databaseUrl, MEND_ADMIN_PASSWORD: ADMIN.password },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

const SETUP_ARGS = [
  "--clinic-name",
  CLINIC,
  "--clinic-address",
  "12 Dock Road, Duluth, MN",
  "--clinic-phone",
  "(218) 555-0170",
  "--clinic-email",
  "desk@lakeshore.example",
  "--time-zone",
  "America/Chicago",
  "--admin-name",
  ADMIN.name,
  "--admin-email",
  ADMIN.email,
];

/** Password, then the first-sign-in enrolment every staff account goes through; returns the authenticator secret. */
async function signInAndEnrol(page: Page, email: string, password: string, home: string): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(home);
  return secret;
}

/** An invitation from the mailbox, accepted in a browser of the invitee's own; then their first sign-in. */
async function acceptInvitation(browser: Browser, email: string, password: string, home: string) {
  const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
  const page = await context.newPage();
  await page.goto(await linkFromMailbox(email, "staff.invitation", new Date(0), db));
  await expect(page.getByRole("heading", { name: `Join ${CLINIC}` })).toBeVisible();
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your account is ready" })).toBeVisible();
  await signInAndEnrol(page, email, password, home);
  return { context, page };
}

async function invite(page: Page, name: string, email: string, role: string) {
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
}

test("from an empty database to a clinic with staff, a registered patient with a portal account, and a password reset", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  // No clinic, no demo data: the server answers, and nobody can sign in yet.
  expect(await db.clinic.count()).toBe(0);
  expect(await db.user.count()).toBe(0);

  // First run. A bad zone is refused with the flag's name and nothing is written.
  const bad = await setup(SETUP_ARGS.map((a) => (a === "America/Chicago" ? "America/Duluth" : a)));
  expect(bad.code, bad.output).toBe(2);
  expect(bad.output).toContain("--time-zone");
  expect(await db.clinic.count()).toBe(0);
  const first = await setup(SETUP_ARGS);
  expect(first.code, first.output).toBe(0);
  const again = await setup(SETUP_ARGS);
  expect(again.code, again.output).toBe(3);
  expect(await db.clinic.count()).toBe(1);

  // The first admin signs in and enrols an authenticator.
  await signInAndEnrol(page, ADMIN.email, ADMIN.password, "/clinic/admin");
  await expect(page.getByText(CLINIC).first()).toBeVisible();
  await expectAccessible(page);

  // The admin invites a therapist and a front-desk user; both accept and enrol.
  const therapist = { name: "Noor Haddad, DPT", email: "noor@lakeshore.example", password: "noor-chosen-passphrase" };
  const desk = { name: "Eli Brandt", email: "eli@lakeshore.example", password: "eli-chosen-passphrase" };
  await invite(page, therapist.name, therapist.email, "therapist");
  await invite(page, desk.name, desk.email, "front_desk");
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row")).toHaveCount(3);
  const t = await acceptInvitation(browser, therapist.email, therapist.password, "/clinic/therapist");
  const d = await acceptInvitation(browser, desk.email, desk.password, "/clinic/front-desk");
  await page.reload();
  await expect(page.getByRole("table", { name: "Pending invitations" })).toHaveCount(0);
  const staff = page.getByRole("table", { name: "Staff accounts" });
  for (const email of [ADMIN.email, therapist.email, desk.email])
    await expect(staff.getByRole("cell", { name: new RegExp(email) })).toBeVisible();

  // The front desk registers a patient under the new therapist and sends a portal invitation.
  const patient = { email: "river.osei@example.com", password: "river-first-passphrase" };
  await d.page.getByLabel("First name").fill("River");
  await d.page.getByLabel("Last name").fill("Osei");
  await d.page.getByLabel("Date of birth").fill("1984-09-30");
  await d.page.getByLabel("Email (optional)").fill(patient.email);
  await d.page.getByLabel("Primary therapist (optional)").selectOption({ label: therapist.name });
  await d.page.getByRole("button", { name: "Register patient" }).click();
  await expect(d.page.getByRole("status").filter({ hasText: "Patient registered" })).toBeVisible();
  await d.page.getByLabel("Find a patient").fill("Osei");
  await d.page
    .getByRole("list", { name: "Search results" })
    .getByRole("link", { name: /Osei, River/ })
    .click();
  await expect(d.page.getByRole("heading", { level: 1, name: "River Osei" })).toBeVisible();
  await d.page.getByRole("button", { name: "Send portal invitation" }).click();
  await expect(
    d.page.getByRole("status").filter({ hasText: `Portal invitation sent to ${patient.email}` }),
  ).toBeVisible();
  await expectAccessible(d.page);

  // The therapist's workspace opens on their own caseload, which now holds the patient.
  await t.page.reload();
  await expect(t.page.getByRole("link", { name: "Osei, River" }).first()).toBeVisible();

  // The patient sets a password from the emailed link and reaches the portal.
  const p = await browser.newContext({ baseURL: `http://localhost:${port}` });
  const person = await p.newPage();
  await person.goto(await linkFromMailbox(patient.email, "patient.portal_invitation", new Date(0), db));
  await expect(person.getByRole("heading", { name: `Your ${CLINIC} patient portal` })).toBeVisible();
  await person.getByLabel("New password").fill(patient.password);
  await person.getByLabel("Confirm password").fill(patient.password);
  await person.getByRole("button", { name: "Create my account" }).click();
  await expect(person.getByRole("status").filter({ hasText: "Your account is ready" })).toBeVisible();
  await person.goto("/sign-in");
  await person.getByLabel("Email").fill(patient.email);
  await person.getByLabel("Password").fill(patient.password);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person).toHaveURL("/portal");

  // They forget it: a reset link by email, a new password, and the old one no longer works.
  await p.clearCookies();
  await person.goto("/sign-in");
  await person.getByRole("link", { name: "Forgot your password?" }).click();
  await person.getByLabel("Email address").fill(patient.email);
  const asked = new Date(Date.now() - 1000);
  await person.getByRole("button", { name: "Send reset link" }).click();
  await expect(person.getByRole("status").filter({ hasText: "If an account exists for that address" })).toBeVisible();
  await person.goto(await linkFromMailbox(patient.email, "account.password_reset", asked, db));
  await person.getByLabel("New password").fill("river-second-passphrase");
  await person.getByLabel("Confirm password").fill("river-second-passphrase");
  await person.getByRole("button", { name: "Set new password" }).click();
  await expect(person.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();
  await person.goto("/sign-in");
  await person.getByLabel("Email").fill(patient.email);
  await person.getByLabel("Password").fill(patient.password);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByText("That email and password don't match our records.")).toBeVisible();
  await person.getByLabel("Password").fill("river-second-passphrase");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person).toHaveURL("/portal");

  // Nothing of the demo came along.
  expect(await db.clinic.count()).toBe(1);
  expect(await db.patient.count()).toBe(1);
  for (const c of [t.context, d.context, p]) await c.close();
});
