import { devices } from "@playwright/test";
import { DEMO_CLINIC, DEMO_PATIENTS, expect, expectAccessible, signIn, test } from "./fixtures";
import { choose, newPatientWithLink, next, question, waitForSaved } from "./intake-helpers";

test("a patient fills the whole intake on a phone, marking the map by touch and keyboard, and resumes after closing the tab", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const { url } = await newPatientWithLink(browser);

  await page.goto(url);
  await expect(page.getByRole("heading", { level: 2, name: "Your details" })).toBeVisible();
  // Prefilled from the clinic's record.
  await expect(page.getByLabel("Last name")).not.toHaveValue("");
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await next(page, "Why you are coming in");
  await page.getByLabel("What brings you in?").fill("Low back pain since moving house");
  await expectAccessible(page);

  await next(page, "Where it hurts");
  await choose(question(page, /How strong is your pain right now/), "6");
  await page.getByRole("button", { name: /Back of body/ }).tap();
  const lowerBack = page.getByRole("checkbox", { name: "Lower back — your left" });
  await lowerBack.tap();
  await expect(lowerBack).toHaveAttribute("aria-checked", "true");
  // Keyboard on the same map: down to the buttock, left to the hip, marking each.
  await lowerBack.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("checkbox", { name: "Buttock — your left" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("checkbox", { name: "Hip (side and back) — your left" })).toBeFocused();
  await page.keyboard.press(" ");
  await expect(page.getByRole("checkbox", { name: "Hip (side and back) — your left" })).toHaveAttribute(
    "aria-checked",
    "true",
  );

  const card = (code: number) => page.locator(`[data-region-card="${code}"]`);
  await choose(question(card(218), /How strong is the pain here/), "7");
  await card(218).getByLabel("Aching").check();
  for (const [code, level] of [
    [223, "4"],
    [222, "3"],
  ] as const) {
    await choose(question(card(code), /How strong is the pain here/), level);
    await card(code).getByLabel("Aching").check();
    await choose(question(card(code), /starts, or does it spread/), "The pain spreads here from somewhere else");
    await card(code).getByLabel("Where does it spread from?").selectOption({ label: "Lower back — your left" });
  }
  const summary = "Lower back, left: 7/10 aching; spreads to left buttock and left hip";
  await expect(page.getByTestId("pain-summary")).toHaveText(summary);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await waitForSaved(page);

  // Close the tab midway and come back on another device: the server has everything.
  await page.close();
  const otherDevice = await browser.newContext({ ...devices["Pixel 7"], baseURL: test.info().project.use.baseURL });
  const resumed = await otherDevice.newPage();
  await resumed.goto(url);
  await expect(resumed.getByRole("heading", { level: 2, name: "Where it hurts" })).toBeVisible();
  await expect(resumed.getByTestId("pain-summary")).toHaveText(summary);
  await expect(question(resumed, /How strong is your pain right now/).getByRole("radio", { name: "6" })).toBeChecked();
  const p = resumed;

  await next(p, "How it started");
  await choose(question(p, "When did this pain start?"), "6 to 12 weeks ago");
  await choose(question(p, "Did it start suddenly or gradually?"), "Suddenly");
  await choose(question(p, "Is the pain there all the time?"), "Comes and goes");
  await choose(question(p, /getting better or worse/), "Getting better");
  await expectAccessible(p);

  await next(p, "What makes it worse or better");
  await question(p, "What makes it worse?").getByLabel("Sitting for a long time").check();
  await expectAccessible(p);
  await next(p, "Past injuries and treatment");
  await expectAccessible(p);

  await next(p, "Safety questions");
  // Nothing answered yet: Next shows every missing answer in plain words.
  await p.getByRole("button", { name: "Next →" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "A few answers need another look" })).toBeVisible();
  for (const group of await p.locator("fieldset[data-field]").all()) {
    const isTrauma = (await group.getAttribute("data-field")) === "trauma";
    await choose(group, isTrauma ? "No" : "No");
  }
  await expect(p.getByTestId("emergency-banner")).toHaveCount(0);
  await expectAccessible(p);

  await next(p, "Daily activities (Oswestry)");
  const odi = [2, 1, 2, 1, 2, 2, 1, -1, 1, 1];
  for (const [i, answer] of odi.entries()) {
    if (answer < 0) continue;
    await question(p, new RegExp(`^${i + 1}\\. `))
      .locator("label")
      .nth(answer)
      .click();
  }
  await expectAccessible(p);

  await next(p, "How your back pain affects you (STarT Back)");
  for (let i = 1; i <= 8; i++) await choose(question(p, new RegExp(`^${i}\\. `)), i <= 2 ? "Agree" : "Disagree");
  await choose(question(p, /^9\. /), "Slightly");
  await expectAccessible(p);

  await next(p, "Activities that matter to you");
  const activities = ["Sitting at my desk", "Lifting my child", "Running"];
  for (const [i, name] of activities.entries()) {
    await p.getByLabel(`Activity ${i + 1}`, { exact: true }).fill(name);
    await choose(question(p, /How well can you do this today/).nth(i), String(3 + i));
  }
  await expectAccessible(p);

  await next(p, "Consent and signature");
  await p.getByLabel(/I agree to be assessed/).check();
  await p.getByLabel(/I have read how my information is used/).check();
  await p.getByLabel("Type your full name as your signature").fill("Robin Tester");
  await expectAccessible(p);
  await p.getByRole("button", { name: "Send to the clinic" }).click();

  await expect(p.getByRole("heading", { name: `Thank you — your answers are with ${DEMO_CLINIC.name}` })).toBeVisible();
  await expect(p.getByRole("heading", { name: "Set up your patient portal (optional)" })).toBeVisible();
  await expectAccessible(p);

  // The link is dead now.
  await p.goto(url);
  await expect(p.getByRole("heading", { name: "Already sent" })).toBeVisible();
  await otherDevice.close();
});

test("signed-in patients open their pending intake from the portal, and read a submitted one", async ({ page }) => {
  // Casey (demo) is part-way through and answered an emergency question: the warning is shown first.
  await signIn(page, DEMO_PATIENTS[2].email);
  await expect(page).toHaveURL("/portal");
  await page.getByRole("link", { name: "Continue your intake" }).click();
  await expect(page.getByTestId("emergency-banner")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Safety questions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, DEMO_PATIENTS[0].email);
  await expect(page).toHaveURL("/portal");
  await page.getByRole("link", { name: /^Intake sent on/ }).click();
  await expect(page.getByTestId("review-summary")).toContainText("Lower back, left: 7/10");
  await expect(page.getByRole("heading", { name: "Red flags" })).toHaveCount(0);
  await expectAccessible(page);
});
