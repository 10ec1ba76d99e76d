import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const HOMES = [
  { email: DEMO_STAFF[0].email, path: "/clinic/admin", heading: "Clinic admin" },
  { email: DEMO_STAFF[1].email, path: "/clinic/therapist", heading: "Therapist workspace" },
  { email: DEMO_STAFF[3].email, path: "/clinic/front-desk", heading: "Front desk" },
  { email: DEMO_PATIENTS[0].email, path: "/portal", heading: `Hello, ${DEMO_PATIENTS[0].firstName}` },
];

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to your clinic" })).toBeVisible();
  await expectAccessible(page);
});

for (const home of HOMES) {
  test(`${home.email} lands on ${home.path}, which is accessible`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(home.path);
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    await expectAccessible(page);
  });
}

test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
  await signIn(page, DEMO_STAFF[2].email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /email and password don't match/ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signed-in areas send visitors without a session to sign in", async ({ page }) => {
  await page.goto("/clinic/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclinic%2Fadmin/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO_PATIENTS[1].email);
  await expect(page).toHaveURL("/portal");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/sign-in/);
});
