import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectNoHorizontalOverflow, patientIdByLastName, signOut } from "./exercise-helpers";

const alex = DEMO_PATIENTS[0];
const therapist = DEMO_STAFF[1];

async function sessionsThisWeek(page: import("@playwright/test").Page, patientId: string): Promise<number> {
  await page.goto(`/clinic/patients/${patientId}/exercises`);
  return Number(await page.getByTestId("sessions-this-week").textContent());
}

test("a patient logs a session on a phone, and the therapist sees adherence change", async ({ page }) => {
  test.slow();
  await signIn(page, therapist.email);
  await expect(page).toHaveURL("/clinic/therapist");
  const alexId = await patientIdByLastName(page, alex.lastName);
  const before = await sessionsThisWeek(page, alexId);
  await signOut(page);

  await signIn(page, alex.email);
  await expect(page).toHaveURL("/portal");
  await page.getByRole("link", { name: "Open today’s exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today’s exercises" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "All your sessions are saved." })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);

  // Before starting: pain right now.
  await page
    .getByRole("group", { name: /How much does it hurt right now/ })
    .getByRole("radio", { name: "4", exact: true })
    .check();

  const first = page.getByRole("article").first();
  const name = (await first.getByRole("heading", { level: 2 }).textContent())!;
  await expect(first.getByText(/^Done 0 of \d today$/)).toBeVisible();
  await first.getByRole("button", { name: "How to do it" }).or(first.getByText("How to do it")).click();
  await expect(first.getByRole("listitem").first()).toBeVisible();
  await first.getByRole("button", { name: `Log ${name}` }).click();
  const form = page.getByRole("form", { name: `Log ${name}` });
  await form
    .getByRole("group", { name: /Pain now, after the exercise/ })
    .getByRole("radio", { name: "3", exact: true })
    .check();
  await form.getByRole("radio", { name: "About right" }).check();
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save session" }).click();
  await expect(first.getByText(/^Done 1 of \d today$|^Done for today$/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "All your sessions are saved." })).toBeVisible();

  // History and charts, with their table alternatives.
  await page.getByRole("link", { name: "History and progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Pain over time/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Exercise sessions per week/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: name }).first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, therapist.email);
  await expect(page).toHaveURL("/clinic/therapist");
  expect(await sessionsThisWeek(page, alexId)).toBe(before + 1);
  await expect(page.getByRole("cell", { name: "4 → 3" }).first()).toBeVisible();
});

test("the exercise timer counts a hold down on a phone", async ({ page }) => {
  await signIn(page, alex.email);
  await expect(page).toHaveURL("/portal");
  await page.goto("/portal/exercises");
  const start = page.getByRole("button", { name: /^Start \d+-second hold$/ }).first();
  const seconds = Number((await start.textContent())!.match(/\d+/)![0]);
  const timer = page.getByRole("timer").first();
  await expect(timer).toHaveText(`0:${String(seconds).padStart(2, "0")}`);
  await start.click();
  await expect(timer).not.toHaveText(`0:${String(seconds).padStart(2, "0")}`);
  await page.getByRole("button", { name: "Pause" }).first().click();
  await expect(page.getByRole("button", { name: "Resume" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Reset" }).first().click();
  await expect(timer).toHaveText(`0:${String(seconds).padStart(2, "0")}`);
});
