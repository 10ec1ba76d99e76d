import { DEMO_PATIENTS, expect, expectAccessible, signIn, test } from "./fixtures";

const JORDAN = DEMO_PATIENTS[1];

test("a patient joins the waitlist and leaves it again on a phone", async ({ page }) => {
  await signIn(page, JORDAN.email);
  await expect(page).toHaveURL("/portal");
  await page.getByRole("link", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Waitlist" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add to the waitlist" });
  await form.getByLabel("Kind of visit").selectOption({ label: "Follow-up" });
  const days = form.getByRole("group", { name: "Days" });
  for (const d of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) await days.getByLabel(d).uncheck();
  await days.getByLabel("Saturday").check();
  await form.getByRole("group", { name: "Times of day" }).getByLabel("Another time (enter it below)").check();
  // A custom time that ends before it starts: the message is beside the times, and nothing is added.
  await form.getByLabel("From").fill("11:00");
  await form.getByLabel("Until").fill("10:00");
  await form.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(form.getByRole("group", { name: "Times of day" })).toContainText("The end must be after the start.");
  await expect(page.getByText("Waiting", { exact: true })).toHaveCount(0);

  await form.getByLabel("Until").fill("12:30");
  await form.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are on the waitlist for Follow-up" })).toBeVisible();
  // Most recent first: the entry just added.
  const entry = page.getByTestId("my-waitlist").getByRole("listitem").first();
  await expect(entry).toContainText("Waiting");
  await expect(entry).toContainText("Sat · 11:00–12:30");
  await expectAccessible(page);

  await entry.getByRole("button", { name: "Leave the waitlist for Follow-up" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are off the waitlist for Follow-up" })).toBeVisible();
  await expect(entry).toContainText("Ended");
  await expect(entry.getByRole("button", { name: /Leave the waitlist/ })).toHaveCount(0);
  await expectAccessible(page);
});
