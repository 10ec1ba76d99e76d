import { expect, expectAccessible, signIn, test, DEMO_STAFF } from "./fixtures";
import { portalPatient } from "./text-helpers";

test("a patient chooses text messages in the portal on a phone", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_STAFF[3].email);
  const patient = await portalPatient(page, browser, { isMobile: true });
  const portal = patient.page;
  await portal.getByRole("link", { name: "Messages" }).click();
  await expect(portal).toHaveURL("/portal/messages");
  await portal.getByLabel("Email and text messages").check();
  await portal.getByLabel("Mobile number for texts").fill("+44 7400 123456");
  await portal.getByRole("checkbox", { name: /I agree to receive text messages/ }).check();
  await portal.getByRole("button", { name: "Save" }).click();
  await expect(portal.getByTestId("text-consent-state")).toContainText("Texts allowed to +44 7400 123456");
  const overflow = await portal.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(portal);
  await patient.context.close();
});
