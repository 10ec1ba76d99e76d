import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { patientIdByLastName, signOut } from "./exercise-helpers";

// A real 2 x 2 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGNkYPj/n4GBgYGJAQoAAH0AA/Ht+MAAAAAASUVORK5CYII=",
  "base64",
);

test("a therapist searches the library, adds an exercise with a picture, and archives it", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO_STAFF[2].email);
  await expect(page).toHaveURL("/clinic/therapist");
  await expect(page.getByRole("link", { name: "Case Morgan" })).toBeVisible(); // the low-adherence card
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exercise library" })).toBeVisible();
  await expect(page.getByText("16 exercises")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Position", { exact: true }).selectOption("hands_and_knees");
  await expect(page.getByText("3 exercises")).toBeVisible();
  await expect(page.getByRole("link", { name: "Bird dog" })).toBeVisible();
  await page.getByLabel("Position", { exact: true }).selectOption("");
  await page.getByLabel("Search").fill("quadratus");
  await expect(page.getByRole("link", { name: "Quadratus lumborum stretch" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Walking" })).toHaveCount(0);

  await page.getByRole("link", { name: "Add an exercise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add an exercise" })).toBeVisible();
  await page.getByRole("button", { name: "Add to library" }).click();
  await expect(page.getByText("Enter a name of at least 2 characters.")).toBeVisible();
  await expectAccessible(page);
  const name = `Side-lying clam ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("What it is for (one line)").fill("Strengthens the side of the hip.");
  await page.getByLabel("Body area").selectOption("hips");
  await page.getByLabel("Position", { exact: true }).selectOption("lying_on_side");
  await page.getByLabel("Target muscles").fill("gluteus medius");
  await page.getByRole("checkbox", { name: "Mat or rug" }).check();
  await page
    .getByLabel("Steps")
    .fill("Lie on your side with knees bent.\nKeep your feet together and lift the top knee.\nLower slowly.");
  await page.getByLabel("Sets", { exact: true }).fill("2");
  await page.getByLabel("Reps", { exact: true }).fill("12");
  await page.getByLabel("Side", { exact: true }).selectOption("both");
  await page.getByRole("button", { name: "Add to library" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to the library" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);

  // No file: said beside the field before anything is sent.
  const media = page.getByLabel("Picture or short video");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(media).toHaveAccessibleDescription(/Choose a picture or a video first\./);
  await expect(media).toBeFocused();
  // A file that is not a picture is refused by the server, whatever its name, beside the field; a real one is shown.
  await media.setInputFiles({
    name: "clam.png",
    mimeType: "image/png",
    buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(media).toHaveAccessibleDescription(/Upload a PNG, JPEG or WebP picture, or an MP4 or WebM video\./);
  await expect(media).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await media.setInputFiles({ name: "clam.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Upload" }).click();
  const picture = page.getByRole("img", { name: `Picture: how to do ${name}` });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Archived: not offered when building programs.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the library" }).click();
  await page.getByLabel("Search").fill("clam");
  await expect(page.getByText("0 exercises")).toBeVisible();
  await page.getByLabel("Show").selectOption("archived");
  await expect(page.getByRole("link", { name })).toBeVisible();

  await page.goto("/clinic/exercises/templates");
  await expect(page.getByRole("heading", { level: 2, name: "Lower back knot — week 1" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/clinic/exercises/adherence");
  await expect(page.getByRole("link", { name: "Case Morgan" })).toBeVisible();
  await expectAccessible(page);
});

test("front desk cannot read programs, and a patient cannot read another patient's", async ({ page }) => {
  await signIn(page, DEMO_STAFF[1].email);
  await expect(page).toHaveURL("/clinic/therapist");
  const alexId = await patientIdByLastName(page, "Rivera");
  const caseyId = await patientIdByLastName(page, "Morgan");
  const program = (await (await page.request.get(`/api/patients/${alexId}/program`)).json()) as {
    program: { current: { items: { exercise: { name: string } }[] } };
  };
  const exerciseName = program.program.current.items[0]!.exercise.name;
  await signOut(page);

  await signIn(page, DEMO_STAFF[3].email);
  await expect(page).toHaveURL("/clinic/front-desk");
  for (const path of [
    `/clinic/patients/${alexId}/exercises`,
    `/clinic/patients/${alexId}/exercises/handout`,
    "/clinic/exercises",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  await page.goto(`/clinic/patients/${alexId}`);
  await expect(page.getByRole("heading", { name: "Home exercise program" })).toHaveCount(0);
  for (const url of [
    `/api/patients/${alexId}/program`,
    `/api/patients/${alexId}/program/follow-up`,
    `/api/patients/${alexId}/program/handout`,
    "/api/exercises",
    "/api/clinic/low-adherence",
  ]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(403);
    expect(await res.text()).not.toContain(exerciseName);
  }
  await signOut(page);

  await signIn(page, DEMO_PATIENTS[0].email);
  await expect(page).toHaveURL("/portal");
  expect((await page.request.get(`/api/patients/${alexId}/program`)).status()).toBe(200);
  for (const url of [`/api/patients/${caseyId}/program`, `/api/patients/${caseyId}/program/handout`]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  expect((await page.request.get(`/api/patients/${alexId}/program/follow-up`)).status()).toBe(403);
  expect((await page.goto("/clinic/exercises"))?.status()).toBe(403);
});
