import { DEMO_PATIENTS, DEMO_STAFF, expect, signIn, test } from "./fixtures";

test("a patient cannot open another patient's page or record", async ({ page }) => {
  // Find another patient's id the way staff would.
  await signIn(page, DEMO_STAFF[3].email);
  await expect(page).toHaveURL("/clinic/front-desk");
  const res = await page.request.get(`/api/patients?q=${DEMO_PATIENTS[1].lastName}`);
  const { patients } = (await res.json()) as { patients: { id: string }[] };
  const otherId = patients[0]!.id;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, DEMO_PATIENTS[0].email);
  await expect(page).toHaveURL("/portal");

  const pageResponse = await page.goto(`/clinic/patients/${otherId}`);
  expect(pageResponse?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page is not part of your role" })).toBeVisible();

  const api = await page.request.get(`/api/patients/${otherId}`);
  expect(api.status()).toBe(404);
  const body = await api.text();
  expect(body).not.toContain(DEMO_PATIENTS[1].lastName);

  const list = await page.request.get("/api/patients?q=");
  expect(list.status()).toBe(403);
});
