import type { Locator, Page, Route } from "@playwright/test";
import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const ZONE = "America/New_York";
const MAYA = DEMO_STAFF[1].name;
const RILEY = DEMO_PATIENTS[3];

/** A Tuesday two to three weeks ahead in the clinic's zone: always future, never a fixed date. */
function futureTuesday(): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 14 + ((2 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** Drags a visit block onto free time with the mouse, past dnd-kit's 6 px activation distance. */
async function dragOnto(page: Page, block: Locator, target: Locator) {
  const from = (await block.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 6);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

// Tall enough that the drag target sits away from the edges, where dnd-kit would auto-scroll the page.
test.use({ viewport: { width: 1280, height: 1400 } });

test("the front desk books, drags, moves with the keyboard dialog and cancels on the calendar", async ({ page }) => {
  await signIn(page, DEMO_STAFF[3].email);
  await expect(page).toHaveURL("/clinic/front-desk");
  await page.getByRole("link", { name: "Calendar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(page.getByText(/Times in Eastern/)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Go to date").fill(futureTuesday());
  const nine = page.getByRole("button", { name: `Book 9:00 AM with ${MAYA}`, exact: true });
  await nine.click();
  const dialog = page.getByRole("dialog", { name: "Book an appointment" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("searchbox", { name: "Patient" }).fill(RILEY.lastName);
  await dialog.getByRole("button", { name: new RegExp(`${RILEY.lastName}, ${RILEY.firstName}`) }).click();
  await dialog.getByLabel("Appointment type").selectOption({ label: "Follow-up (45 min)" });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Booked ${RILEY.firstName} ${RILEY.lastName} at 9:00 AM` }),
  ).toBeVisible();

  // Drag it to 11:00 while the server holds the move back: the block is drawn there at once, marked as waiting,
  // before any answer; a 409 (the time just taken) then puts it back at 9:00 with the server's message.
  const RILEY_NAME = `${RILEY.firstName} ${RILEY.lastName}`;
  const block = page.getByRole("button", { name: new RegExp(`^9:00 AM to 9:45 AM, ${RILEY_NAME}`) });
  const atEleven = page.getByRole("button", { name: new RegExp(`^11:00 AM to 11:45 AM, ${RILEY_NAME}`) });
  const eleven = page.getByRole("button", { name: `Book 11:00 AM with ${MAYA}`, exact: true });
  await expect(block).toBeVisible();
  const held: Route[] = [];
  const moveUrl = "**/api/booking/appointments/*";
  await page.route(moveUrl, (route) => (route.request().method() === "PATCH" ? held.push(route) : route.fallback()));
  await dragOnto(page, block, eleven);
  await expect(atEleven).toHaveAccessibleName(/moving: waiting for the server$/);
  await expect(page.getByRole("status").filter({ hasText: `Moving ${RILEY_NAME}` })).toContainText("11:00 AM");
  await expect(block).toHaveCount(0);
  await expect.poll(() => held.length).toBe(1);
  await held[0]!.fulfill({
    status: 409,
    contentType: "application/json",
    body: JSON.stringify({
      error: { code: "conflict", message: "That time was just taken. Please choose another time." },
    }),
  });
  await expect(page.getByRole("status").filter({ hasText: "That time was just taken" })).toBeVisible();
  await expect(block).toBeVisible();
  await expect(atEleven).toHaveCount(0);
  await page.unroute(moveUrl);

  // Now with the server answering: drawn at 11:00, then confirmed.
  await dragOnto(page, block, eleven);
  await expect(page.getByRole("status").filter({ hasText: `Moved ${RILEY_NAME}` })).toContainText("11:00 AM");
  const moved = atEleven;
  await expect(moved).toBeVisible();
  await expect(moved).not.toHaveAccessibleName(/moving/);

  // Move again with the keyboard-usable dialog.
  await moved.focus();
  await page.keyboard.press("Enter");
  const details = page.getByRole("dialog", { name: `${RILEY.firstName} ${RILEY.lastName}` });
  await details.getByRole("button", { name: "Move…" }).click();
  const time = details.getByLabel(/New time/);
  await expect(time.locator("option", { hasText: "2:00 PM" })).toHaveCount(1);
  await time.selectOption({ label: "2:00 PM EST" }).catch(async () => time.selectOption({ label: "2:00 PM EDT" }));
  await details.getByRole("button", { name: "Move appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved" })).toContainText("2:00 PM");

  // Cancel with a reason.
  await page
    .getByRole("button", { name: new RegExp(`^2:00 PM to 2:45 PM, ${RILEY.firstName} ${RILEY.lastName}`) })
    .click();
  await details.getByRole("button", { name: "Cancel appointment…" }).click();
  await details.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(details.getByText(/Give a reason for cancelling/)).toBeVisible();
  await details.getByLabel("Reason for cancelling").fill("Patient has a work trip");
  await details.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancelled" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Patient has a work trip/ })).toBeVisible();
  await expectAccessible(page);
});

test("the week view shows a column per therapist per day and is accessible", async ({ page }) => {
  await signIn(page, DEMO_STAFF[3].email);
  await expect(page).toHaveURL("/clinic/front-desk");
  await page.goto("/clinic/calendar");
  await page.getByRole("button", { name: "Week", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Week of/ })).toBeVisible();
  await expect(page.getByText(DEMO_STAFF[2].name).first()).toBeVisible();
  await expectAccessible(page);
});

test("a therapist sees the calendar but cannot book from it", async ({ page }) => {
  await signIn(page, DEMO_STAFF[1].email);
  await expect(page).toHaveURL("/clinic/therapist");
  await page.goto("/clinic/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Book .* with / })).toHaveCount(0);
});
