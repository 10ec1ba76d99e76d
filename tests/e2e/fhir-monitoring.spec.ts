import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { createIsolatedClinic, signInWith } from "./security/isolated-clinic";

type Bundle = { resourceType: string; type: string; entry: { fullUrl: string; resource: Record<string, unknown> }[] };
const THERAPIST = DEMO_STAFF.find((s) => s.role === "therapist")!.email;
const ALEX = DEMO_PATIENTS[0];

test("a patient downloads their own record from the portal home as a FHIR Bundle", async ({ page }) => {
  await signIn(page, ALEX.email);
  await page.goto("/portal");
  const link = page.getByRole("link", { name: "Download my record (FHIR)" });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/fhir+json");
  const bundle = (await response.json()) as Bundle;
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
  for (const t of ["Patient", "QuestionnaireResponse", "Observation", "CarePlan", "Appointment"])
    expect(types).toContain(t);
  const patients = bundle.entry.filter((e) => e.resource.resourceType === "Patient");
  expect(patients).toHaveLength(1);
  expect(patients[0]!.resource).toMatchObject({ name: [{ family: ALEX.lastName }] });
  // Every reference resolves inside the Bundle.
  const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
  const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
  for (const ref of refs) expect(fullUrls).toContain(ref.slice('"reference":"'.length, -1));
});

test("a therapist sees the remote monitoring periods on the home-program page", async ({ page }) => {
  await signIn(page, THERAPIST);
  const found = await page.request.get(`/api/patients?q=${ALEX.lastName}`);
  const alexId = ((await found.json()) as { patients: { id: string }[] }).patients[0]!.id;
  await page.goto(`/clinic/patients/${alexId}/exercises`);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Remote monitoring days" }) });
  await expect(card).toBeVisible();
  await expect(card.getByRole("table", { name: "30-day periods" })).toBeVisible();
  await expect(card.getByRole("columnheader", { name: /RTM device supply \(16\+ days\)/ })).toBeVisible();
  await expect(card.getByTestId("monitoring-period").first()).toBeVisible();
  await expect(card.getByText(/in progress, \d+ days? left/)).toBeVisible();
  await expectAccessible(page);
});

test("an admin edits a monitoring threshold: the source is required, then it saves", async ({ browser, page }) => {
  // Making a clinic of its own takes a while on a busy machine.
  test.setTimeout(180_000);
  // A clinic of its own: the demo clinic's threshold is what the therapist test reads.
  const clinic = await createIsolatedClinic(browser, "Monitoring");
  try {
    // Code 0 was spent when the clinic signed its personas in.
    await signInWith(page, clinic.emails.admin, clinic.recoveryCode("admin", 1));
    await page.goto("/clinic/admin/monitoring");
    const form = page.getByRole("form", { name: "Edit RTM device supply" });
    await expect(form).toBeVisible();
    await expectAccessible(page);
    await form.getByLabel("Source").fill("");
    await form.getByLabel("Days with data needed").fill("12");
    await form.getByRole("button", { name: "Save RTM device supply" }).click();
    await expect(form.getByText("Say where the threshold comes from.")).toBeVisible();
    await form.getByLabel("Source").fill("Payer contract 2026, section 4 (checked December 2026)");
    await form.getByRole("button", { name: "Save RTM device supply" }).click();
    await expect(form.getByRole("status")).toContainText("Saved “RTM device supply”.");
    await page.reload();
    await expect(
      page.getByRole("form", { name: "Edit RTM device supply" }).getByLabel("Days with data needed"),
    ).toHaveValue("12");
    const rows = await clinic.prisma.monitoringThreshold.findMany({ where: { clinicId: clinic.clinicId } });
    expect(rows.map((r) => [r.label, r.minDays, r.source])).toEqual([
      ["RTM device supply", 12, "Payer contract 2026, section 4 (checked December 2026)"],
    ]);
  } finally {
    await clinic.close();
  }
});
