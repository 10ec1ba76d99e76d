import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { linkFromMailbox } from "./account-helpers";
import { expect, signIn } from "./fixtures";

const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join("");

/**
 * A throwaway patient with a portal account (registered and invited by the
 * front desk on `staff`, signed in on a page of a fresh context), so a test
 * can change text consent without touching the demo patients others rely on.
 */
export async function portalPatient(staff: Page, browser: Browser, options: { isMobile?: boolean } = {}) {
  const lastName = `Texter${letters()}`;
  const email = `${lastName.toLowerCase()}@example.com`;
  const password = "texts-please-passphrase";
  const created = await staff.request.post("/api/patients", {
    data: { firstName: "Robin", lastName, dateOfBirth: "1984-03-15", email, confirmDuplicate: true },
  });
  expect(created.status()).toBe(201);
  const { patient } = (await created.json()) as { patient: { id: string } };
  const invited = await staff.request.post(`/api/patients/${patient.id}/portal-invitation`, { data: {} });
  expect(invited.ok()).toBe(true);

  const context = await browser.newContext(
    options.isMobile ? { viewport: { width: 412, height: 839 }, isMobile: true, hasTouch: true } : {},
  );
  const page = await context.newPage();
  await page.goto(await linkFromMailbox(email, "patient.portal_invitation"));
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your account is ready" })).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL("/portal");
  return { page, context, patientId: patient.id, lastName };
}
