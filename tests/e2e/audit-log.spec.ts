import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

test("an admin sees who opened a patient's record, filtered by patient", async ({ page, browser }) => {
  // A therapist opens Jordan Lee's record.
  const context = await browser.newContext();
  const therapist = await context.newPage();
  await signIn(therapist, DEMO_STAFF[2].email);
  await therapist.getByLabel("Find a patient").fill(DEMO_PATIENTS[1].lastName);
  await therapist
    .getByRole("list", { name: "Search results" })
    .getByRole("link", { name: new RegExp(`${DEMO_PATIENTS[1].lastName}, ${DEMO_PATIENTS[1].firstName}`) })
    .click();
  await expect(
    therapist.getByRole("heading", { level: 1, name: `${DEMO_PATIENTS[1].firstName} ${DEMO_PATIENTS[1].lastName}` }),
  ).toBeVisible();
  await context.close();

  await signIn(page, DEMO_STAFF[0].email);
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Patient", { exact: true }).fill(DEMO_PATIENTS[1].lastName);
  await page
    .getByRole("button", { name: new RegExp(`${DEMO_PATIENTS[1].lastName}, ${DEMO_PATIENTS[1].firstName}`) })
    .click();
  await page.getByRole("button", { name: "Show events" }).click();
  // The filter carries the patient's id, never their name (docs/decisions/046).
  await expect(page).toHaveURL(/patientId=[0-9a-f-]{36}/);
  expect(page.url()).not.toContain(DEMO_PATIENTS[1].lastName);
  const row = page.getByRole("row").filter({ hasText: "patient.read" }).filter({ hasText: DEMO_STAFF[2].name });
  await expect(row.first()).toContainText(`${DEMO_PATIENTS[1].firstName} ${DEMO_PATIENTS[1].lastName}`);
  await expectAccessible(page);
});
