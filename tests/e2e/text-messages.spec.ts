import { randomUUID } from "node:crypto";
import { e2eDb } from "./account-helpers";
import { DEMO_CLINIC, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { portalPatient } from "./text-helpers";
import { formatDateTime } from "../../lib/time/format";

const ADMIN = DEMO_STAFF[0].email;
const FRONT_DESK = DEMO_STAFF[3].email;

test("a patient opts into texts in the portal; the front desk sees the consent with its time and source", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, FRONT_DESK);
  const patient = await portalPatient(page, browser);
  const portal = patient.page;

  await portal.getByRole("link", { name: "Choose email or text" }).click();
  await expect(portal).toHaveURL("/portal/messages");
  await expect(portal.getByRole("heading", { level: 1, name: "How we contact you" })).toBeVisible();
  await expect(portal.getByTestId("text-consent-state")).toContainText("no consent to text messages on file");
  await portal.getByLabel("Text messages only").check();
  const consent = portal.getByRole("checkbox", { name: /I agree to receive text messages/ });
  await expect(consent).not.toBeChecked();
  await expect(consent).toHaveAccessibleName(/Reply STOP to opt out, HELP for help/);
  await expect(consent).toHaveAccessibleName(/Message and data rates may apply/);

  // A number that is not a real one is refused beside the field.
  await portal.getByLabel("Mobile number for texts").fill("555-0123");
  await portal.getByRole("button", { name: "Save" }).click();
  await expect(portal.getByText("Enter a valid phone number, e.g. (201) 555-0123.")).toBeVisible();
  // A real one still needs the box ticked.
  await portal.getByLabel("Mobile number for texts").fill("201 555 0123");
  await portal.getByRole("button", { name: "Save" }).click();
  await expect(portal.getByText("Tick the box to agree to text messages, or choose email only.")).toBeVisible();
  await expectAccessible(portal);
  await consent.check();
  await portal.getByRole("button", { name: "Save" }).click();
  await expect(portal.getByRole("status").filter({ hasText: "Saved: text messages only." })).toBeVisible();
  await expect(portal.getByTestId("text-consent-state")).toContainText(
    "Texts allowed to (201) 555-0123: consent given",
  );
  await expectAccessible(portal);

  const row = await e2eDb().patient.findUniqueOrThrow({ where: { id: patient.patientId } });
  expect(row).toMatchObject({ phone: "+12015550123", messageChannels: "text", textConsentSource: "portal" });
  const clinic = await e2eDb().clinic.findUniqueOrThrow({ where: { id: row.clinicId } });

  await page.goto(`/clinic/patients/${patient.patientId}`);
  const state = page.getByTestId("text-consent-state");
  await expect(state).toContainText(
    `consent given ${formatDateTime(row.textConsentAt!, clinic.timeZone)} in the patient portal`,
  );
  await expect(page.getByTestId("patient-details")).toContainText("(201) 555-0123");
  await expectAccessible(page);
  await patient.context.close();
});

test("the front desk records consent given by phone, and a bad number gets a field error", async ({ page }) => {
  await signIn(page, FRONT_DESK);
  const created = await page.request.post("/api/patients", {
    data: {
      firstName: "Sasha",
      lastName: `Caller${randomUUID().slice(0, 8)}`,
      dateOfBirth: "1979-11-02",
      confirmDuplicate: true,
    },
  });
  const { patient } = (await created.json()) as { patient: { id: string } };
  await page.goto(`/clinic/patients/${patient.id}`);
  const card = page.getByRole("form", { name: "How we contact you" });
  await card.getByLabel("Email and text messages").check();
  await card.getByLabel("Mobile number for texts").fill("(201) 555-012");
  await card.getByRole("checkbox", { name: /The patient agreed to this/ }).check();
  await card.getByLabel("How the patient agreed").selectOption("phone");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByText("Enter a valid phone number, e.g. (201) 555-0123.")).toBeVisible();
  await card.getByLabel("Mobile number for texts").fill("(201) 555-0124");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("text-consent-state")).toContainText("recorded by the front desk");
  await expectAccessible(page);

  // The same check where a phone is first typed: registering a patient.
  await page.goto("/clinic/front-desk");
  await page.getByLabel("First name").fill("Wrong");
  await page.getByLabel("Last name").fill(`Number${randomUUID().slice(0, 8)}`);
  await page.getByLabel("Date of birth").fill("1990-01-01");
  await page.getByLabel("Mobile phone (optional)").fill("123 4567");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByText("Enter a valid phone number, e.g. (201) 555-0123.")).toBeVisible();
  await expectAccessible(page);
});

test("the development text inbox shows a text the outbox delivered, with its segments", async ({ page }) => {
  const db = e2eDb();
  const clinic = await db.clinic.findFirstOrThrow({ where: { name: DEMO_CLINIC.name } });
  const body = `Hi Alex, ${DEMO_CLINIC.name}: your visit is Tue 4 Mar at 9:30. Reply C to confirm. ${randomUUID().slice(0, 8)}`;
  await db.outboxMessage.create({
    data: {
      clinicId: clinic.id,
      kind: "test.message",
      channel: "sms",
      toAddress: "+12075550101",
      subject: "",
      textBody: body,
    },
  });
  await signIn(page, ADMIN);
  await expect(async () => {
    await page.goto("/clinic/admin/texts");
    await expect(page.getByText(body)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const item = page.getByRole("listitem").filter({ hasText: body });
  await expect(item).toContainText("(207) 555-0101");
  await expect(item).toContainText("1 segment (GSM-7)");
  await expectAccessible(page);
});
