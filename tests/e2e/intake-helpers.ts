import { randomBytes } from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_STAFF, signIn } from "./fixtures";

export const FRONT_DESK = DEMO_STAFF[3].email;
export const THERAPIST = DEMO_STAFF[1].email;

/** Registers a fresh patient and sends them an intake link, as the front desk would, through the JSON API. */
export async function newPatientWithLink(browser: Browser, overrides: { dateOfBirth?: string } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL("/clinic/front-desk");
  const lastName = `Intake${randomBytes(3).toString("hex")}`;
  const created = await page.request.post("/api/patients", {
    data: {
      firstName: "Robin",
      lastName,
      dateOfBirth: overrides.dateOfBirth ?? "1984-03-09",
      email: `robin.${lastName.toLowerCase()}@example.com`,
      phone: "207 555 0188",
    },
  });
  expect(created.status()).toBe(201);
  const { patient } = (await created.json()) as { patient: { id: string } };
  const sent = await page.request.post(`/api/patients/${patient.id}/intake-links`, { data: { kind: "initial" } });
  expect(sent.status()).toBe(201);
  const { link } = (await sent.json()) as { link: { url: string; intakeId: string } };
  await context.close();
  return { patientId: patient.id, lastName, url: new URL(link.url).pathname, token: link.url.split("/intake/")[1]! };
}

/** Picks an answer the way a person does: by clicking its label. */
export async function choose(scope: Locator, name: string) {
  await scope
    .locator("label")
    .filter({ has: scope.page().getByRole("radio", { name, exact: true }) })
    .click();
}

export function question(page: Page | Locator, name: string | RegExp) {
  return page.getByRole("group", { name });
}

export async function waitForSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

export async function next(page: Page, heading: string) {
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
}
