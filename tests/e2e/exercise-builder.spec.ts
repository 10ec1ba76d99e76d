import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { patientIdByLastName, tabTo } from "./exercise-helpers";

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
