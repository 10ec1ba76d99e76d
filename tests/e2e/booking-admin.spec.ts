import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

test("an admin sees and saves the booking setup", async ({ page }) => {
  await signIn(page, DEMO_STAFF[0].email);
  await page.getByRole("link", { name: "Booking setup" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booking setup" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit Initial evaluation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Weekly hours: ${DEMO_STAFF[1].name}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Late-cancellation window (hours)").fill("24");
  await page.getByRole("button", { name: "Save booking rules" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Booking rules saved." })).toBeVisible();
  await page.getByLabel("Slot step (minutes)").fill("1");
  await page.getByRole("button", { name: "Save booking rules" }).click();
  await expect(page.getByText("The slot step in minutes must be at least 5.")).toBeVisible();
});

test("the OpenAPI document describes the booking endpoints", async ({ request }) => {
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/booking/slots", "/api/booking/appointments", "/api/booking/series"]),
  );
  expect(doc.paths["/api/booking/appointments"].post.responses["409"]).toBeDefined();
});
