import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { patientIdByLastName } from "./exercise-helpers";

test("when two staff edit one program, the second save is refused and shown the current version", async ({
  page,
  context,
}) => {
  test.slow();
  await signIn(page, DEMO_STAFF[1].email);
  await expect(page).toHaveURL("/clinic/therapist");
  const rileyId = await patientIdByLastName(page, "Thompson");
  const { exercises } = (await (await page.request.get("/api/exercises?q=walking")).json()) as {
    exercises: { id: string }[];
  };
  const today = await page.evaluate(() => new Date().toLocaleDateString("en-CA", { timeZone: "America/New_York" }));
  const created = await page.request.put(`/api/patients/${rileyId}/program`, {
    data: {
      baseVersion: null,
      title: "Walking plan",
      startDate: today,
      items: [{ exerciseId: exercises[0]!.id, dosage: { kind: "duration", minutes: 10 } }],
    },
  });
  expect(created.status()).toBe(201);

  const other = await context.newPage();
  await other.goto(`/clinic/patients/${rileyId}/exercises/edit`);
  await page.goto(`/clinic/patients/${rileyId}/exercises/edit`);
  await expect(page.getByRole("heading", { name: /Edit program \(now version 1\)/ })).toBeVisible();
  await expect(other.getByRole("heading", { name: /Edit program \(now version 1\)/ })).toBeVisible();

  // First editor: 15 minutes, saved as version 2.
  await page
    .getByRole("group", { name: /Walking/ })
    .getByLabel("Minutes")
    .fill("15");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page).toHaveURL(/saved=2/);

  // Second editor, still on version 1: refused, with version 2 shown.
  await other
    .getByRole("group", { name: /Walking/ })
    .getByLabel("Minutes")
    .fill("30");
  await other.getByRole("button", { name: "Save as new version" }).click();
  const alert = other.getByRole("alert").filter({ hasText: "Not saved: someone else changed this program" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("version 2 was saved by");
  await expect(alert).toContainText("Walking: 15 minutes");
  await expectAccessible(other);
  await alert.getByRole("button", { name: "Load version 2 to edit" }).click();
  await expect(other.getByRole("heading", { name: /Edit program \(now version 2\)/ })).toBeVisible();
  await expect(other.getByRole("group", { name: /Walking/ }).getByLabel("Minutes")).toHaveValue("15");
  await other
    .getByRole("group", { name: /Walking/ })
    .getByLabel("Minutes")
    .fill("30");
  await other.getByRole("button", { name: "Save as new version" }).click();
  await expect(other).toHaveURL(/saved=3/);
  await expect(other.getByText("30 minutes · once a day, every day")).toBeVisible();
});

test("the exercise APIs answer bad input with field errors, never a 500", async ({ page }) => {
  await signIn(page, DEMO_STAFF[1].email);
  await expect(page).toHaveURL("/clinic/therapist");
  const jordanId = await patientIdByLastName(page, "Lee");

  const garbage = await page.request.put(`/api/patients/${jordanId}/program`, {
    headers: { "content-type": "application/json" },
    data: "{not json",
  });
  expect(garbage.status()).toBe(422);

  const bad = await page.request.put(`/api/patients/${jordanId}/program`, {
    data: {
      baseVersion: null,
      title: "",
      startDate: "2026-02-30",
      items: [{ exerciseId: "x", dosage: { kind: "reps" } }],
    },
  });
  expect(bad.status()).toBe(422);
  const { error } = (await bad.json()) as { error: { fieldErrors: Record<string, string[]> } };
  expect(error.fieldErrors).toMatchObject({
    title: ["Give the program a title."],
    startDate: ["That start date does not exist."],
    "items.0.exerciseId": ["Choose an exercise from the library."],
    "items.0.dosage.sets": ["Enter the number of sets."],
  });

  expect((await page.request.get("/api/exercises?bodyArea=toes")).status()).toBe(422);
  expect((await page.request.get("/api/patients/not-a-uuid/program")).status()).toBe(404);
  const { exercises } = (await (await page.request.get("/api/exercises?q=plank")).json()) as {
    exercises: { id: string }[];
  };
  const noFile = await page.request.post(`/api/exercises/${exercises[0]!.id}/media`, { multipart: { other: "x" } });
  expect(noFile.status()).toBe(422);
  // Staff cannot log sessions for a patient.
  const log = await page.request.post("/api/me/exercise-logs", { data: { logs: [] } });
  expect(log.status()).toBe(403);
});
