import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in tab order. */
export async function tabTo(page: Page, target: Locator, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target.toString()} with Tab`);
}

/** A demo patient's id, looked up the way staff would (signed in as staff). */
export async function patientIdByLastName(page: Page, lastName: string): Promise<string> {
  const res = await page.request.get(`/api/patients?q=${encodeURIComponent(lastName)}`);
  expect(res.status()).toBe(200);
  const { patients } = (await res.json()) as { patients: { id: string; lastName: string }[] };
  const p = patients.find((x) => x.lastName === lastName);
  if (!p) throw new Error(`No demo patient ${lastName}`);
  return p.id;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
