import { expect, expectAccessible, signIn, test } from "./fixtures";
import { choose, newPatientWithLink, question, THERAPIST, waitForSaved } from "./intake-helpers";

test("the pain map works with the keyboard alone, and the searchable list marks the same regions", async ({
  browser,
  page,
}) => {
  const { url, token } = await newPatientWithLink(browser);
  // Start on the map step (the earlier steps are covered by the phone test).
  const put = await page.request.put(`/api/intake/${token}/draft`, {
    data: { answers: { reason: { reason: "Shoulder" } }, baseRevision: 0, currentStep: "painMap" },
  });
  expect(put.status()).toBe(200);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 2, name: "Where it hurts" })).toBeVisible();

  // Tab until focus lands on the figure: one tab stop for the whole map.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.hasAttribute("data-region"))) break;
  }
  const head = page.getByRole("checkbox", { name: "Head (front) — your right" });
  await expect(head).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("checkbox", { name: "Head (front) — your left" })).toBeFocused();
  // Down the body to the left shoulder, and mark it with Enter.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const focusedName = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
  expect(focusedName).toMatch(/your left$/);
  await page.keyboard.press("Enter");
  await expect(page.locator(`[aria-label="${focusedName}"]`)).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("pain-summary")).toContainText(focusedName!.split(" — ")[0]!);
  // Space unmarks and marks again (toggle), never scrolling the page.
  await page.keyboard.press(" ");
  await expect(page.locator(`[aria-label="${focusedName}"]`)).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press(" ");
  await expect(page.locator(`[aria-label="${focusedName}"]`)).toHaveAttribute("aria-checked", "true");

  // The list for screen readers: search, tick, and the figure agrees.
  await page.getByText("Find a body part by name instead").click();
  await page.getByLabel("Search body parts").fill("knee left");
  await page.getByRole("checkbox", { name: /Knee \(back\) — your left/ }).check();
  await page.getByRole("button", { name: /Back of body/ }).click();
  await expect(page.getByRole("checkbox", { name: "Knee (back) — your left" }).first()).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expectAccessible(page);
  await waitForSaved(page);
});

test("an emergency answer shows 'get emergency care now' at once, the clinic is alerted, and a therapist acknowledges it", async ({
  browser,
  page,
}) => {
  const { url, token, lastName } = await newPatientWithLink(browser);
  await page.request.put(`/api/intake/${token}/draft`, {
    data: { answers: { reason: { reason: "Back pain" } }, baseRevision: 0, currentStep: "redFlags" },
  });
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 2, name: "Safety questions" })).toBeVisible();
  await expect(page.getByTestId("emergency-banner")).toHaveCount(0);
  await choose(question(page, /trouble with your bladder or bowels/), "Yes");
  const banner = page.getByTestId("emergency-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toBeFocused();
  await expect(banner.getByRole("heading", { name: "Please get emergency care now" })).toBeVisible();
  // The banner comes before anything else of the step.
  const bannerBox = (await banner.boundingBox())!;
  const stepBox = (await page.getByRole("heading", { level: 2, name: "Safety questions" }).boundingBox())!;
  expect(bannerBox.y).toBeLessThan(stepBox.y);
  await expectAccessible(page);
  await waitForSaved(page);

  const staff = await browser.newContext();
  const t = await staff.newPage();
  await signIn(t, THERAPIST);
  await expect(t).toHaveURL("/clinic/therapist");
  const alert = t.getByTestId("red-flag-alerts").locator("li").filter({ hasText: lastName });
  await expect(alert).toContainText("Emergency");
  await expect(alert).toContainText("New bladder problems or loss of bowel control");
  await alert.getByRole("link", { name: new RegExp(lastName) }).click();
  await expect(t.getByText("In progress: the patient has not submitted this yet")).toBeVisible();
  const flag = t.getByTestId("intake-red-flags").locator("li").first();
  await expect(flag).toContainText("rules ahcpr-1994/mend-1");
  await expectAccessible(t);
  await flag.getByLabel(/Note for/).fill("Called patient, advised the emergency department.");
  await flag.getByRole("button", { name: "Acknowledge" }).click();
  await expect(flag).toContainText("Acknowledged by Maya Chen, DPT");
  await t.goto("/clinic/therapist");
  await expect(t.getByTestId("red-flag-alerts").locator("li").filter({ hasText: lastName })).toHaveCount(0);
  await staff.close();
});

test("losing the network and closing the tab loses nothing: the device keeps unsaved answers until the server has them", async ({
  browser,
  context,
  page,
  consoleErrors,
}) => {
  const { url, token } = await newPatientWithLink(browser);
  await page.request.put(`/api/intake/${token}/draft`, {
    data: { answers: { reason: { reason: "Knee" } }, baseRevision: 0, currentStep: "painMap" },
  });
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 2, name: "Where it hurts" })).toBeVisible();

  await context.setOffline(true);
  await choose(question(page, /How strong is your pain right now/), "4");
  await page.getByRole("checkbox", { name: "Knee (front) — your right" }).click();
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
  await expect(page.getByTestId("save-state")).toContainText("kept on this device");

  // Close the tab while still offline; come back once the network is back.
  await page.close();
  await context.setOffline(false);
  // The browser logs the failed save while offline; that failure is this test's point, not a bug.
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (/ERR_INTERNET_DISCONNECTED/.test(consoleErrors[i]!)) consoleErrors.splice(i, 1);
  }
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByText("We restored answers you typed on this device")).toBeVisible();
  await expect(again.getByRole("checkbox", { name: "Knee (front) — your right" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await waitForSaved(again);

  // And the server now has them: a different device sees the knee.
  const other = await browser.newContext();
  const o = await other.newPage();
  await o.goto(url);
  await expect(o.getByTestId("pain-summary")).toHaveText("Knee (front), right: not rated");
  await other.close();
});
