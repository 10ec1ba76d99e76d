import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const FRONT_DESK = DEMO_STAFF[3].email;
const MAYA = DEMO_STAFF[1].email;

/** Letters only: the duplicate rule compares names with digits exactly, and these tests want the fuzzy match. */
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join("");

/** A throwaway patient, registered through the API as the front desk would; never a demo patient. */
async function throwawayPatient(page: Page, firstName: string, lastName: string, dateOfBirth = "1963-08-21") {
  const res = await page.request.post("/api/patients", {
    data: { firstName, lastName, dateOfBirth, confirmDuplicate: true },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { patient: { id: string } }).patient.id;
}

test("the front desk corrects a patient's phone and emergency contact", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL("/clinic/front-desk");
  const lastName = `Ferreira${letters()}`;
  const id = await throwawayPatient(page, "Inês", lastName);
  await page.goto(`/clinic/patients/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Inês ${lastName}` })).toBeVisible();

  await page.getByRole("button", { name: "Edit details" }).click();
  const form = page.getByRole("form", { name: "Edit patient details" });
  await form.getByLabel("Mobile phone (optional)").fill("phone me");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Use digits, spaces and + ( ) - only.")).toBeVisible();
  await form.getByLabel("Mobile phone (optional)").fill("(207) 555-0166");
  await form.getByLabel("Emergency contact name (optional)").fill("Rui Ferreira");
  await form.getByLabel("Emergency contact phone (optional)").fill("207 555 0167");
  await form.getByLabel("Relationship to patient (optional)").fill("Brother");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Details saved" })).toContainText(
    "mobile phone, emergency contact name, emergency contact phone, relationship to patient",
  );
  const details = page.getByTestId("patient-details");
  await expect(details).toContainText("(207) 555-0166");
  await expect(details).toContainText("Rui Ferreira (Brother) (207) 555-0167");
  await expectAccessible(page);
});

test("registering a likely duplicate shows the existing patient first, and 'Register anyway' still registers", async ({
  page,
}) => {
  await signIn(page, FRONT_DESK);
  const lastName = `Quintero${letters()}`;
  const existingId = await throwawayPatient(page, "Marisol", lastName, "1971-02-09");
  await page.goto("/clinic/front-desk");
  // Another spelling of the same person: accent and a short form of the first name.
  await page.getByLabel("First name").fill("Mari");
  await page.getByLabel("Last name").fill(lastName.replace("Quintero", "Quintéro"));
  await page.getByLabel("Date of birth").fill("1971-02-09");
  await page.getByRole("button", { name: "Register patient" }).click();

  const warning = page.getByTestId("duplicate-warning");
  await expect(warning.getByText("Already registered?")).toBeVisible();
  await expect(warning.getByRole("link", { name: `Marisol ${lastName}` })).toHaveAttribute(
    "href",
    `/clinic/patients/${existingId}`,
  );
  await expectAccessible(page);
  await warning.getByRole("button", { name: "Register anyway" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Patient registered" })).toBeVisible();
});

test("marking a patient inactive keeps them out of searches until asked for, and back again", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  const lastName = `Okonkwo${letters()}`;
  const id = await throwawayPatient(page, "Ada", lastName);
  await page.goto(`/clinic/patients/${id}`);
  const status = page.getByTestId("patient-status");
  await status.getByRole("button", { name: "Mark inactive" }).click();
  await status.getByLabel("Reason (optional)").fill("Moved away");
  await status.getByRole("button", { name: "Confirm: mark inactive" }).click();
  await expect(status.getByRole("status")).toContainText("Marked inactive");
  await expect(status).toContainText("Inactive since");
  await expect(status).toContainText("Moved away");
  await expectAccessible(page);

  await page.goto("/clinic/patients");
  await page.getByLabel("Find a patient").fill(lastName);
  await expect(page.getByText("0 patients", { exact: true })).toBeVisible();
  await page.getByLabel("Include inactive patients").check();
  const result = page.getByRole("list", { name: "Search results" }).getByRole("link", { name: new RegExp(lastName) });
  await expect(result).toContainText("inactive");
  await result.click();

  await page.getByTestId("patient-status").getByRole("button", { name: "Mark active again" }).click();
  await expect(page.getByTestId("patient-status").getByRole("status")).toContainText("Marked active");
});

test("the therapist workspace opens on My patients, with a switch to the whole clinic", async ({ page }) => {
  await signIn(page, MAYA);
  await expect(page).toHaveURL("/clinic/therapist");
  const switcher = page.getByRole("navigation", { name: "Whose patients" });
  await expect(switcher.getByRole("link", { name: "My patients" })).toHaveAttribute("aria-current", "page");
  const mine = page.getByTestId("caseload");
  await expect(mine.getByRole("link", { name: "Rivera, Alex" })).toBeVisible();
  await expect(mine.getByRole("link", { name: "Morgan, Casey" })).toBeVisible();
  await expect(mine.getByRole("link", { name: "Lee, Jordan" })).toHaveCount(0);
  // The rest of the workspace is still there.
  await expect(page.getByRole("heading", { name: /^Red-flag alerts/ })).toBeVisible();
  await expect(page.getByLabel("Find a patient")).toBeVisible();
  await expectAccessible(page);

  await switcher.getByRole("link", { name: "Whole clinic" }).click();
  await expect(page).toHaveURL("/clinic/therapist?view=clinic");
  await expect(page.getByRole("heading", { name: "All active patients" })).toBeVisible();
  const clinic = page.getByTestId("caseload");
  await expect(clinic.getByRole("link", { name: "Lee, Jordan" })).toBeVisible();
  await expect(clinic.getByRole("row").filter({ hasText: "Lee, Jordan" })).toContainText("Sam Okafor, PT");
  await expectAccessible(page);
});
