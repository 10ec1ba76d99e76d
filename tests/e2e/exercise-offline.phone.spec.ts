import { DEMO_PATIENTS, expect, signIn, test } from "./fixtures";

const casey = DEMO_PATIENTS[2];

test("a session logged offline is kept on the phone and sent once when the signal returns", async ({
  page,
  context,
}) => {
  test.slow();
  await signIn(page, casey.email);
  await expect(page).toHaveURL("/portal");
  await page.goto("/portal/exercises");
  await expect(page.getByRole("status").filter({ hasText: "All your sessions are saved." })).toBeVisible();

  // Let Next finish prefetching the navigation links first: cut mid-prefetch, the browser logs those failures.
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "You're offline." })).toBeVisible();

  const first = page.getByRole("article").first();
  const name = (await first.getByRole("heading", { level: 2 }).textContent())!;
  await first.getByRole("button", { name: `Log ${name}` }).click();
  const form = page.getByRole("form", { name: `Log ${name}` });
  await form.getByRole("radio", { name: "2", exact: true }).check();
  await form.getByRole("button", { name: "Save session" }).click();

  await expect(page.getByRole("status")).toHaveText(
    /1 session is saved on this phone and will be sent when you're back online/,
  );
  await expect(first.getByText(/^Done 1 of 1 today$|^Done for today$/)).toBeVisible();
  const queued = await page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([k]) => k.startsWith("mend.exercise-log-queue."))
      .flatMap(([, v]) => JSON.parse(v) as unknown[]),
  );
  expect(queued).toHaveLength(1);

  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "All your sessions are saved." })).toBeVisible();
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("mend.exercise-log-queue."))),
  ).toEqual([]);

  // The same log replayed (a lost answer, a second tab) is stored once.
  const replay = await page.request.post("/api/me/exercise-logs", { data: { logs: queued } });
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
    "duplicate",
  ]);

  await page.reload();
  await expect(
    page
      .getByRole("article")
      .first()
      .getByText(/^Done 1 of 1 today$|^Done for today$/),
  ).toBeVisible();
  await page.goto("/portal/exercises/history");
  const latest = page.getByRole("listitem").filter({ hasText: `: ${name}` });
  const todayLabel = (await latest.first().getByRole("paragraph").first().textContent())!;
  await expect(page.getByRole("listitem").filter({ hasText: todayLabel })).toHaveCount(1);
});
