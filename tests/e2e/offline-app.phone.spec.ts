import type { BrowserContext, Page } from "@playwright/test";
import { PATIENT_CACHES } from "../../lib/offline/offline-cache-rules";
import { prismaFor } from "../../scripts/db/prisma-client";
import { readE2eState } from "./e2e-state";
import { signOut } from "./exercise-helpers";
import { DEMO_PATIENTS, DEMO_STAFF, expect, signIn, test } from "./fixtures";

/**
 * The service worker (docs/decisions/075) against the production build: Today
 * opens with no network after one visit, a log made offline reaches the server
 * once, and nothing but the build's own files outlives the patient's session.
 */
const casey = DEMO_PATIENTS[2];
const therapist = DEMO_STAFF[1];

/** Every cached request, as "cache name path", read from the page's side of CacheStorage. */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) out.push(`${name} ${new URL(req.url).pathname}`);
    return out;
  });

/** The build's files and public/'s icons and manifests: no patient data, kept across sessions by design. */
const isBuildFile = (entry: string) =>
  /^mend-precache \/(_next\/static\/|icons\/|favicon\.ico$|icon\.svg$|apple-touch-icon\.png$|\w+\.webmanifest$)/.test(
    entry,
  );

async function waitForOfflineCopyOfToday(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(
          async (cacheName) => !!(await caches.match("/portal/exercises", { cacheName, ignoreVary: true })),
          PATIENT_CACHES.pages,
        ),
      { timeout: 30_000, message: "the service worker keeps a copy of Today" },
    )
    .toBe(true);
}

/**
 * Reloads with no network. Chromium's emulated offline state is not handed to
 * the document a reload creates (its navigator.onLine reads true while every
 * request still fails), so the emulation is switched off and on again once the
 * page is there, as a phone's radio would report it.
 */
async function reloadOffline(page: Page, context: BrowserContext) {
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Today’s exercises" })).toBeVisible();
  await context.setOffline(false);
  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "You're offline." })).toBeVisible();
}

/** While the phone is offline the browser logs each request it could not make; those are the point of the test. */
function dropOfflineNetworkErrors(errors: string[], from: number) {
  const offline = /ERR_INTERNET_DISCONNECTED|Failed to fetch|fetching the script/;
  const kept = errors.filter((e, i) => i < from || !offline.test(e));
  errors.splice(0, errors.length, ...kept);
}

test("after one visit Today opens with no network, its figures and timer work, and an offline log is stored once", async ({
  page,
  context,
  consoleErrors,
}) => {
  test.slow();
  const prisma = prismaFor(readE2eState().databaseUrl);
  const startedAt = new Date(Date.now() - 1000);
  try {
    await signIn(page, casey.email);
    await expect(page).toHaveURL("/portal");
    // One visit, reached by the app's own link: no document request the worker could have kept on its own.
    await page.getByRole("link", { name: "Exercises", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "All your sessions are saved." })).toBeVisible();
    await waitForOfflineCopyOfToday(page);
    await page.waitForLoadState("networkidle");

    const offlineFrom = consoleErrors.length;
    await context.setOffline(true);
    await reloadOffline(page, context);
    await expect(page.getByRole("img", { name: /^Drawing: / }).first()).toBeVisible();

    // The hold timer is the page's own code, from the precache.
    const holding = page
      .getByRole("article")
      .filter({ has: page.getByRole("timer") })
      .first();
    const start = holding.getByRole("button", { name: /^Start \d+-second hold$/ });
    const seconds = Number((await start.textContent())!.match(/\d+/)![0]);
    const full = `0:${String(seconds).padStart(2, "0")}`;
    await expect(holding.getByRole("timer")).toHaveText(full);
    await start.click();
    await expect(holding.getByRole("timer")).not.toHaveText(full);
    await holding.getByRole("button", { name: "Pause" }).click();

    const name = (await holding.getByRole("heading", { level: 2 }).textContent())!;
    await holding.getByRole("button", { name: new RegExp(`^Log ${name}`) }).click();
    const form = page.getByRole("form", { name: `Log ${name}` });
    await form
      .getByRole("group", { name: /Pain now, after the exercise/ })
      .getByRole("radio", { name: "3", exact: true })
      .check();
    await form.getByRole("button", { name: "Save session" }).click();
    await expect(page.getByRole("status")).toHaveText(/1 session is saved on this phone/);
    const queued = await page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([k]) => k.startsWith("mend.exercise-log-queue."))
        .flatMap(([, v]) => JSON.parse(v) as { clientKey: string; itemId: string }[]),
    );
    expect(queued).toHaveLength(1);

    // Still offline, the app is closed and opened again: the log waits on the phone.
    await reloadOffline(page, context);
    await expect(page.getByRole("status")).toHaveText(/1 session is saved on this phone/);
    dropOfflineNetworkErrors(consoleErrors, offlineFrom);

    await context.setOffline(false);
    await expect(page.getByRole("status").filter({ hasText: "All your sessions are saved." })).toBeVisible();
    const stored = await prisma.exerciseLog.findMany({ where: { clientKey: queued[0]!.clientKey } });
    expect(stored).toHaveLength(1);
    // And no second copy under another key: one log of that exercise for Casey since the test began.
    expect(
      await prisma.exerciseLog.count({
        where: { patientId: stored[0]!.patientId, itemId: queued[0]!.itemId, receivedAt: { gte: startedAt } },
      }),
    ).toBe(1);
  } finally {
    await prisma.$disconnect();
  }
});

test("signing out deletes the patient's copies, and a staff page is never kept", async ({ page }) => {
  test.slow();
  await signIn(page, casey.email);
  await page.goto("/portal/exercises");
  await waitForOfflineCopyOfToday(page);
  expect(await cachedPaths(page)).toContain(`${PATIENT_CACHES.pages} /portal/exercises`);

  await signOut(page);
  expect((await cachedPaths(page)).filter((e) => !isBuildFile(e))).toEqual([]);
  expect(await page.evaluate(() => caches.keys())).not.toContain(PATIENT_CACHES.pages);

  // Same browser, the worker still installed: a therapist's pages pass it by.
  await signIn(page, therapist.email);
  await expect(page).toHaveURL("/clinic/therapist");
  await page.goto("/clinic/patients");
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const kept = await cachedPaths(page);
  expect(kept.filter((e) => e.includes(" /clinic"))).toEqual([]);
  expect(kept.filter((e) => !isBuildFile(e))).toEqual([]);
});

test("a session that ended on the server takes the patient's copies with it", async ({ page, context }) => {
  test.slow();
  await signIn(page, casey.email);
  await page.goto("/portal/exercises");
  await waitForOfflineCopyOfToday(page);

  // The session is gone (the cookie here; an expired or revoked session answers the same way: 401).
  await context.clearCookies();
  const first = page.getByRole("article").first();
  const name = (await first.getByRole("heading", { level: 2 }).textContent())!;
  await first.getByRole("button", { name: new RegExp(`^Log ${name}`) }).click();
  const form = page.getByRole("form", { name: `Log ${name}` });
  const refused = page.waitForResponse((r) => r.url().endsWith("/api/me/exercise-logs"));
  await form.getByRole("button", { name: "I couldn’t do it" }).click();
  expect((await refused).status()).toBe(401);
  await expect.poll(async () => (await cachedPaths(page)).filter((e) => !isBuildFile(e))).toEqual([]);

  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await cachedPaths(page)).filter((e) => !isBuildFile(e))).toEqual([]);
});
