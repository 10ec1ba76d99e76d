import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PATIENTS, DEMO_STAFF, expect, signIn, test } from "./fixtures";

/** The installable app (docs/decisions/074): icons and manifests are served and every kind of page names them. */
type Manifest = {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
};

async function served(request: APIRequestContext, path: string, contentType: RegExp) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()["content-type"], path).toMatch(contentType);
  return res;
}

async function manifestOf(request: APIRequestContext, path: string): Promise<Manifest> {
  const manifest = (await (await served(request, path, /^application\/manifest\+json/)).json()) as Manifest;
  expect(manifest).toMatchObject({ name: expect.stringMatching(/Mend/), short_name: "Mend", display: "standalone" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
    expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]),
  );
  for (const icon of manifest.icons) await served(request, icon.src, new RegExp(`^${icon.type.replace("+", "\\+")}`));
  return manifest;
}

const linked = (page: Page, rel: string) =>
  page.locator(`head link[rel="${rel}"]`).evaluateAll((links) => links.map((l) => l.getAttribute("href")));

test("the favicon, icons, manifests and service worker are served with their types", async ({ request }) => {
  await served(request, "/favicon.ico", /^image\/x-icon/);
  await served(request, "/apple-touch-icon.png", /^image\/png/);
  await served(request, "/icon.svg", /^image\/svg\+xml/);
  await served(request, "/sw.js", /javascript/);
  // Staff and anyone signed out start at "/", which sends each role to its own workspace.
  expect((await manifestOf(request, "/manifest.webmanifest")).start_url).toBe("/");
  // Patients start on Today, the page that opens offline.
  expect((await manifestOf(request, "/patient.webmanifest")).start_url).toBe("/portal/exercises");
});

test("pages link the icons and the manifest for who they are for", async ({ page }) => {
  test.slow();
  const notFound: string[] = [];
  page.on("response", (res) => {
    if (res.status() === 404) notFound.push(res.url());
  });
  await page.goto("/sign-in");
  expect(await linked(page, "manifest")).toEqual(["/manifest.webmanifest"]);
  expect(await linked(page, "icon")).toEqual(expect.arrayContaining([expect.stringMatching(/^\/favicon\.ico/)]));
  expect(await linked(page, "apple-touch-icon")).toEqual([expect.stringMatching(/^\/apple-touch-icon\.png/)]);
  await expect(page.locator('head meta[name="theme-color"]')).toHaveAttribute("content", /^#[0-9a-f]{6}$/);

  await signIn(page, DEMO_PATIENTS[1].email);
  await expect(page).toHaveURL("/portal");
  expect(await linked(page, "manifest")).toEqual(["/patient.webmanifest"]);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, DEMO_STAFF[2].email);
  await expect(page).toHaveURL(/\/clinic\//);
  expect(await linked(page, "manifest")).toEqual(["/manifest.webmanifest"]);
  expect(notFound).toEqual([]);
});
