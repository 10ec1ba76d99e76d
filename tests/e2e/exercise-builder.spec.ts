import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectNoHorizontalOverflow, patientIdByLastName, tabTo } from "./exercise-helpers";

const therapist = DEMO_STAFF[1];

test("a therapist builds and assigns a program from a template and the library using only the keyboard", async ({
  page,
}) => {
  test.slow(); // a long journey, one key at a time
  await signIn(page, therapist.email);
  await expect(page).toHaveURL("/clinic/therapist");
  const jordanId = await patientIdByLastName(page, "Lee");
  await page.goto(`/clinic/patients/${jordanId}/exercises`);
  await expect(page.getByRole("heading", { level: 1, name: "Home exercise program: Jordan Lee" })).toBeVisible();

  // From here on: keyboard only.
  await tabTo(page, page.getByRole("link", { name: "Build a program" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/clinic/patients/${jordanId}/exercises/edit`);
  await expect(page.getByRole("heading", { name: "New program for Jordan Lee" })).toBeVisible();
  await expectAccessible(page);

  // Start from the clinic's template.
  await tabTo(page, page.getByRole("button", { name: "Use this template" }));
  await page.keyboard.press("Enter");
  const rows = page.getByRole("list", { name: "Exercises in this program" }).getByRole("heading", { level: 3 });
  await expect(rows).toHaveText([/Cat-cow/, /Knee-to-chest/, /Child's pose/, /Diaphragmatic/, /Trigger-point/]);

  // Add one more from the library search.
  await tabTo(page, page.getByLabel("Search the library"));
  await page.keyboard.type("bird");
  await expect(page.getByText("1 exercises found")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Add Bird dog" }));
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(6);
  await expect(page.getByRole("button", { name: "Bird dog is in the program" })).toBeDisabled();

  // Change its dosage.
  const birdDog = page.getByRole("group", { name: /Bird dog/ });
  await tabTo(page, birdDog.getByLabel("Reps"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("6");
  await tabTo(page, birdDog.getByLabel("Days per week"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("4");

  // Reorder with the move buttons: focus stays on the button, so Enter twice moves it twice.
  await tabTo(page, page.getByRole("button", { name: "Move Bird dog up" }));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(rows.nth(3)).toHaveText(/Bird dog/);

  // …and with the drag handle, from the keyboard: Space to lift, arrow to move, Space to drop.
  await tabTo(page, page.getByRole("button", { name: "Drag Cat-cow to reorder" }));
  await page.keyboard.press("Space");
  await expect(page.getByText("Picked up Cat-cow, position 1 of 6.")).toBeAttached();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText("Cat-cow moved to position 2 of 6.")).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText("Cat-cow dropped at position 2 of 6.")).toBeAttached();
  await expect(rows.nth(0)).toHaveText(/Knee-to-chest/);
  await expect(rows.nth(1)).toHaveText(/Cat-cow/);

  await tabTo(page, page.getByRole("button", { name: "Assign program" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/clinic/patients/${jordanId}/exercises?saved=1`);
  await expect(page.getByRole("status").filter({ hasText: "Program assigned" })).toBeVisible();
  const current = page
    .getByRole("heading", { name: "Current program (version 1)" })
    .locator("xpath=ancestor::section[1]");
  await expect(current.getByRole("listitem")).toHaveCount(6);
  await expect(current.getByRole("listitem").nth(1)).toContainText("Cat-cow");
  await expect(current.getByRole("listitem").nth(3)).toContainText(
    "2 sets of 6 reps, each side · once a day, 4 days a week",
  );
  await expectAccessible(page);

  // The handout renders, and the PDF downloads.
  await page.getByRole("link", { name: "Printable handout" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home exercise program for Jordan Lee" })).toBeVisible();
  await expect(page.getByText("(207) 555-0142").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^\d\. / })).toHaveCount(6);
  await expectAccessible(page);
  const pdf = await page.request.get(`/api/patients/${jordanId}/program/handout`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("the builder checks a row before sending, and puts the server's error for a row beside that row's field", async ({
  page,
}) => {
  await signIn(page, therapist.email);
  await expect(page).toHaveURL("/clinic/therapist");
  const jordanId = await patientIdByLastName(page, "Lee");
  const saves: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "PUT" && r.url().endsWith(`/api/patients/${jordanId}/program`)) saves.push(r.url());
  });
  await page.goto(`/clinic/patients/${jordanId}/exercises/edit`);
  // The test above may have assigned Jordan's program by now (tests run in parallel): either state will do.
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "Lower back knot — week 1 (5 exercises)" });
  await page.getByRole("button", { name: /(Use|Replace with) this template/ }).click();
  const save = page.getByRole("button", { name: /Assign program|Save as new version/ });
  const rows = page.getByRole("list", { name: "Exercises in this program" }).getByRole("heading", { level: 3 });
  await expect(rows.nth(2)).toHaveText(/Child's pose/);
  const third = page.getByRole("group", { name: /Child's pose/ });

  // The domain schema runs in the browser: the error is beside the field, focused, and nothing is sent.
  await third.getByLabel("Days per week").fill("9");
  await save.click();
  await expect(third.getByLabel("Days per week")).toHaveAccessibleDescription("Use at most 7 days a week.");
  await expect(third.getByLabel("Days per week")).toBeFocused();
  expect(saves).toHaveLength(0);
  await third.getByLabel("Days per week").fill("5");
  await expect(third.getByLabel("Days per week")).not.toHaveAttribute("aria-invalid");

  // "Save as template" is its own small form: its name is checked here first, then the rows are saved as a template.
  const templateName = page.getByLabel("Template name");
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(templateName).toHaveAccessibleDescription("Name the template (at least 2 characters).");
  const name = `zz e2e template ${Date.now().toString(36)}`;
  await templateName.fill(name);
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved as the template “${name}”.` })).toBeVisible();
  await expect(templateName).toHaveValue("");
  const { templates } = (await (await page.request.get("/api/program-templates")).json()) as {
    templates: { id: string; name: string; items: unknown[] }[];
  };
  const saved = templates.find((t) => t.name === name)!;
  expect(saved.items).toHaveLength(5);
  expect((await page.request.delete(`/api/program-templates/${saved.id}`)).status()).toBe(200);

  // What the server refuses comes back by path (items.2.dosage.…), beside the third row's field; an error
  // for a row the form does not have still reaches the user in the message. (A routed answer, so nothing is saved.)
  await page.route(`**/api/patients/${jordanId}/program`, (route) =>
    route.request().method() === "PUT"
      ? route.fulfill({
          status: 422,
          json: {
            error: {
              code: "validation",
              message: "Some answers need another look.",
              fieldErrors: {
                "items.2.dosage.timesPerDay": ["Twice a day at most for this exercise."],
                "items.9.dosage.sets": ["Row ten is missing."],
              },
            },
          },
        })
      : route.fallback(),
  );
  await save.click();
  await expect(third.getByLabel("Times per day")).toHaveAccessibleDescription("Twice a day at most for this exercise.");
  await expect(third.getByLabel("Times per day")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Some answers need another look." })).toContainText(
    "Row ten is missing.",
  );
  expect(saves).toHaveLength(1);
  await expectAccessible(page);
  await expect(page).toHaveURL(`/clinic/patients/${jordanId}/exercises/edit`);
  // Each row's dosage fields, errors shown, still fit a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page);
});
