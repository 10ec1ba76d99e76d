import { DEMO_PATIENTS, expect, expectAccessible, signIn, test } from "./fixtures";

test("a patient books and then reschedules on a phone, with the clinic's zone named", async ({ page }) => {
  // Alex: no open emergency red flag (Casey has one in the demo data: see the next test).
  await signIn(page, DEMO_PATIENTS[0].email);
  await expect(page).toHaveURL("/portal");
  await page.getByRole("link", { name: "Your appointments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
  await expect(page.getByText(/times in Eastern (Standard|Daylight) Time \(America\/New York\)/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Book an appointment" }).click();
  // The form loads when opened (docs/decisions/072); the patient lands in its first field.
  await expect(page.getByLabel("What kind of visit?")).toBeFocused();
  await page.getByLabel("What kind of visit?").selectOption({ label: "Follow-up (45 min)" });
  await expect(page.getByText(/Times are in Eastern/)).toBeVisible();
  // A few days out, so that online changes are still open (they close 24 hours before).
  await page.getByLabel("Day", { exact: true }).selectOption({ index: 3 });
  const times = page.getByRole("group", { name: "Time" }).getByRole("button");
  await expect(times.first()).toBeVisible();
  await times.first().click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  const booked = page.getByRole("status").filter({ hasText: "Booked:" });
  await expect(booked).toBeVisible();
  const bookedText = (await booked.textContent())!;
  await expectAccessible(page);

  // Reschedule that visit to a time on another day. Its heading is "<date>, <time> <zone>".
  const [, when, at] = /Booked: (.+) at (.+?) with/.exec(bookedText)!;
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${when}, ${at}` }) });
  await item.getByRole("button", { name: /^Reschedule/ }).click();
  const day = item.getByLabel("Day", { exact: true });
  await expect(day).toBeVisible();
  await day.selectOption({ index: 5 });
  await item.getByRole("group", { name: "Time" }).getByRole("button").first().click();
  await item.getByRole("button", { name: /^Move to/ }).click();
  const moved = page.getByRole("status").filter({ hasText: "Moved to" });
  await expect(moved).toBeVisible();
  expect(await moved.textContent()).not.toBe(bookedText);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("a patient with an unacknowledged emergency red flag is told to call, not offered self-booking", async ({
  page,
}) => {
  await signIn(page, DEMO_PATIENTS[2].email);
  await page.goto("/portal/appointments");
  await expect(page.getByText("Please call the clinic before booking")).toBeVisible();
  await expect(page.getByText(/seek emergency care now/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Book an appointment" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a patient cancels a visit with a reason", async ({ page }) => {
  await signIn(page, DEMO_PATIENTS[1].email);
  await expect(page).toHaveURL("/portal");
  await page.goto("/portal/appointments");
  await page.getByRole("button", { name: "Book an appointment" }).click();
  await page.getByRole("group", { name: "Time" }).getByRole("button").last().click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Booked:" })).toBeVisible();
  const cancel = page.getByRole("button", { name: /^Cancel / }).last();
  await cancel.click();
  await expect(page.getByLabel("Why are you cancelling?")).toBeFocused();
  // Keeping it closes the form and puts focus back on the button that opened it.
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(cancel).toBeFocused();
  await cancel.click();
  await page.getByLabel("Why are you cancelling?").fill("Feeling much better");
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancelled your" })).toBeVisible();
  await expect(page.getByText(/Cancelled/).first()).toBeVisible();
});

test("a patient turns their calendar link on, sees it once, and turns it off", async ({ page }) => {
  await signIn(page, DEMO_PATIENTS[0].email);
  await expect(page).toHaveURL("/portal");
  await page.goto("/portal/appointments");
  await page.getByRole("button", { name: /^(Create calendar link|Make a new link)/ }).click();
  await expect(page.getByText("Your calendar link (shown once)")).toBeVisible();
  await expect(page.getByText(/^https?:\/\/\S+$/)).toBeVisible();
  await expect(page.getByText("Your calendar link is on.")).toBeVisible();
  await page.getByRole("button", { name: "Turn off calendar link" }).click();
  await expect(page.getByText("Your calendar link is off.")).toBeVisible();
  await expect(page.getByText("Your calendar link (shown once)")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create calendar link" })).toBeVisible();
});
