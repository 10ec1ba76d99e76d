import { DEMO_PATIENTS, expect, expectAccessible, signIn, test } from "./fixtures";
import { FRONT_DESK, newPatientWithLink, THERAPIST } from "./intake-helpers";

test("a therapist reads a submitted intake: map, summary, scores with bands, red flags, print and FHIR export", async ({
  page,
}) => {
  await signIn(page, THERAPIST);
  await expect(page).toHaveURL("/clinic/therapist");
  // The demo's unacknowledged emergency is on the home page.
  await expect(page.getByTestId("red-flag-alerts").locator('li[data-tier="emergency"]').first()).toBeVisible();

  await page.getByLabel("Find a patient").fill(DEMO_PATIENTS[0].lastName);
  // The search result, not the same patient's row in "My patients".
  await page
    .getByRole("list", { name: "Search results" })
    .getByRole("link", { name: new RegExp(DEMO_PATIENTS[0].lastName) })
    .click();
  await expect(page.getByTestId("intake-status")).toContainText("Submitted");
  await page.getByRole("link", { name: "Open intake" }).click();

  await expect(page.getByTestId("review-summary")).toHaveText(
    "Lower back, left: 7/10 aching and stiffness; spreads to left buttock and left hip",
  );
  await expect(page.getByRole("img", { name: /^Back: Lower back, left 7\/10/ })).toBeVisible();
  const scores = page.getByTestId("scores");
  await expect(scores).toContainText("44.4%");
  await expect(scores).toContainText("Severe disability");
  await expect(scores).toContainText("Medium risk");
  await expect(page.getByTestId("intake-red-flags")).toContainText("Tingling or numbness");
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAccessible(page);

  const fhir = await page.request.get(
    (await page.getByRole("link", { name: "Export FHIR (JSON)" }).getAttribute("href"))!,
  );
  expect(fhir.headers()["content-type"]).toContain("application/fhir+json");
  const bundle = (await fhir.json()) as {
    entry: { resource: { resourceType: string; code?: { coding: { code: string }[] } } }[];
  };
  expect(bundle.entry.filter((e) => e.resource.code?.coding[0]?.code === "72514-3")).toHaveLength(4);

  await page.getByRole("link", { name: "Scores over time" }).click();
  await expect(page.getByTestId("map-diff")).toContainText("Hip (side and back), left");
  await expect(page.getByText("✓ meaningful (≥ 10)").first()).toBeVisible();
  await expectAccessible(page);
});

test("the front desk sends, copies and revokes a link, sees status but no clinical detail", async ({
  browser,
  page,
}) => {
  const { patientId, url } = await newPatientWithLink(browser);
  await signIn(page, FRONT_DESK);
  await expect(page).toHaveURL("/clinic/front-desk");
  await expect(page.getByTestId("clinic-intakes")).toBeVisible();
  await page.goto(`/clinic/patients/${patientId}`);
  const status = page.getByTestId("intake-status");
  await expect(status).toContainText("Sent");
  await status.getByRole("button", { name: "Resend link" }).click();
  const link = page.getByLabel(/Intake link \(works until/);
  await expect(link).toHaveValue(/\/intake\/[A-Za-z0-9_-]{43}$/);
  const fresh = new URL(await link.inputValue()).pathname;
  await expectAccessible(page);

  // The old link stopped working on resend; the new one works until revoked.
  const patient = await browser.newContext();
  const p = await patient.newPage();
  await p.goto(url);
  await expect(p.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await p.goto(fresh);
  await expect(p.getByRole("heading", { level: 2, name: "Your details" })).toBeVisible();

  await status.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("The link no longer works.")).toBeVisible();
  await p.goto(fresh);
  await expect(p.getByText("This intake link is no longer active.")).toBeVisible();
  await expectAccessible(p);
  await patient.close();

  // Minimum necessary: a submitted intake's clinical content is not reachable for the front desk.
  const alex = await page.request.get(`/api/patients?q=${DEMO_PATIENTS[0].lastName}`);
  const alexId = ((await alex.json()) as { patients: { id: string }[] }).patients[0]!.id;
  const statusJson = await page.request.get(`/api/patients/${alexId}/intake-status`);
  const body = (await statusJson.json()) as { status: { intakes: { id: string }[] } };
  expect(JSON.stringify(body)).not.toMatch(/Lower back|aching|painSummary/);
  const fhir = await page.request.get(`/api/intakes/${body.status.intakes[0]!.id}/fhir`);
  expect(fhir.status()).toBe(403);
  const alerts = await page.request.get("/api/red-flags");
  const { alerts: list } = (await alerts.json()) as { alerts: { detail: unknown }[] };
  expect(list.length).toBeGreaterThan(0);
  for (const a of list) expect(a.detail).toBeNull();
});
