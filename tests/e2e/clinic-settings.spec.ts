import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { sealSecret } from "../../lib/auth/mfa-crypto";
import { hashRecoveryCode } from "../../lib/auth/mfa-rules";
import { ARGON2_OPTIONS } from "../../lib/auth/password-params";
import { addDays, instantOfLocal, todayIn } from "../../lib/time/calendar-rules";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { prismaFor } from "../../scripts/db/prisma-client";
import { E2E_SECRET, readE2eState } from "./e2e-state";
import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { signInWith } from "./security/isolated-clinic";

/**
 * A clinic of its own (the demo clinic's zone and name are what parallel
 * tests rely on), with one booked visit, so the zone change has something to
 * say it affects.
 */
async function clinicWithOneVisit() {
  const prisma = prismaFor(readE2eState().databaseUrl);
  const tag = randomBytes(3).toString("hex");
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const clinic = await prisma.clinic.create({
    data: {
      name: `Settings clinic ${tag}`,
      address: "1 Test Street",
      phone: "(207) 555-0100",
      email: `desk.${tag}@settings.example`,
      timeZone: "America/New_York",
    },
  });
  const staff = (role: "admin" | "therapist") =>
    prisma.user.create({
      data: {
        clinicId: clinic.id,
        role,
        email: `${role}.${tag}@settings.example`,
        name: `${role} ${tag}`,
        passwordHash,
        mfaSecret: sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", E2E_SECRET),
        mfaEnabledAt: new Date(),
      },
    });
  const admin = await staff("admin");
  const therapist = await staff("therapist");
  const body = `st${tag}0`.padEnd(10, "x");
  const recoveryCode = `${body.slice(0, 5)}-${body.slice(5)}`;
  await prisma.mfaRecoveryCode.create({ data: { userId: admin.id, codeHash: hashRecoveryCode(recoveryCode) } });
  const patient = await prisma.patient.create({
    data: { clinicId: clinic.id, firstName: "Pat", lastName: `Zone${tag}`, dateOfBirth: new Date("1980-05-05") },
  });
  const type = await prisma.appointmentType.create({
    data: { clinicId: clinic.id, name: "Visit", durationMinutes: 30, colour: "#0f766e" },
  });
  const day = addDays(todayIn("America/New_York", Date.now()), 3);
  const startsAt = new Date(instantOfLocal(day, 10 * 60, "America/New_York"));
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  await prisma.appointment.create({
    data: {
      clinicId: clinic.id,
      therapistId: therapist.id,
      patientId: patient.id,
      appointmentTypeId: type.id,
      startsAt,
      endsAt,
      blockedUntil: endsAt,
      bookedById: admin.id,
      bookedVia: "staff",
    },
  });
  return { prisma, clinicId: clinic.id, oldName: clinic.name, adminEmail: admin.email, recoveryCode, tag };
}

test("an admin changes the clinic's name and phone, and its time zone after confirming what that does", async ({
  page,
}) => {
  const c = await clinicWithOneVisit();
  const newName = `Lakeshore Physio ${c.tag}`;
  try {
    await signInWith(page, c.adminEmail, c.recoveryCode);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clinic settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clinic settings" })).toBeVisible();
    await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
    await expectAccessible(page);

    await page.getByLabel("Clinic name").fill("");
    await page.getByLabel("Phone", { exact: true }).fill("call us");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Enter the clinic's name.")).toBeVisible();
    await expect(page.getByText("Enter a phone number like (207) 555-0142")).toBeVisible();

    await page.getByLabel("Clinic name").fill(newName);
    await page.getByLabel("Phone", { exact: true }).fill("(218) 555-0123");
    await page.getByLabel("Time zone").selectOption("America/Chicago");
    await page.getByRole("button", { name: "Save settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Change the time zone?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Weekly hours stay in local time.");
    await expect(dialog).toContainText("Booked visits keep their moment in time");
    await expect(dialog).toContainText(/10:00\sAM \(America\/New York\), will show as .*9:00\sAM/);
    await expect(dialog).toContainText("1 upcoming visit is affected.");
    await expectAccessible(page);

    // Cancelling saves nothing.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(await c.prisma.clinic.findUniqueOrThrow({ where: { id: c.clinicId } })).toMatchObject({
      name: c.oldName,
      timeZone: "America/New_York",
    });

    await page.getByRole("button", { name: "Save settings" }).click();
    await dialog.getByRole("button", { name: "Change time zone and save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Clinic settings saved." })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(newName);

    await page.reload();
    await expect(page.getByLabel("Clinic name")).toHaveValue(newName);
    await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("(218) 555-0123");
    await expect(page.getByLabel("Time zone")).toHaveValue("America/Chicago");

    const audit = await c.prisma.auditEvent.findFirstOrThrow({
      where: { clinicId: c.clinicId, action: "clinic.update" },
    });
    expect(audit.details).toEqual({
      changes: {
        name: { from: c.oldName, to: newName },
        phone: { from: "(207) 555-0100", to: "(218) 555-0123" },
        timeZone: { from: "America/New_York", to: "America/Chicago" },
      },
    });
  } finally {
    await c.prisma.$disconnect();
  }
});

test("therapists and the front desk cannot open the clinic settings", async ({ page }) => {
  for (const staff of [DEMO_STAFF[1], DEMO_STAFF[3]]) {
    await signIn(page, staff.email);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clinic settings" }),
    ).toHaveCount(0);
    const res = await page.goto("/clinic/admin/settings");
    expect(res?.status()).toBe(403);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  }
});
