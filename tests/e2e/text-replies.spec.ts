import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { APIRequestContext } from "@playwright/test";
import { sealSecret } from "../../lib/auth/mfa-crypto";
import { hashRecoveryCode } from "../../lib/auth/mfa-rules";
import { ARGON2_OPTIONS } from "../../lib/auth/password-params";
import { twilioSignature } from "../../lib/text-replies/twilio-signature";
import { addDays, instantOfLocal, todayIn } from "../../lib/time/calendar-rules";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { prismaFor } from "../../scripts/db/prisma-client";
import { E2E_SECRET, E2E_TWILIO_AUTH_TOKEN, readE2eState } from "./e2e-state";
import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { signInWith } from "./security/isolated-clinic";

const ZONE = "America/New_York";

/**
 * A clinic of its own (no other test books its therapist), with a front desk
 * account and a patient whose phone has text consent.
 */
async function clinicWithTextingPatient() {
  const prisma = prismaFor(readE2eState().databaseUrl);
  const tag = randomBytes(3).toString("hex");
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const clinic = await prisma.clinic.create({
    data: { name: `Texting clinic ${tag}`, address: "1 Test Street", phone: "(207) 555-0100", timeZone: ZONE },
  });
  const staff = (role: "front_desk" | "therapist") =>
    prisma.user.create({
      data: {
        clinicId: clinic.id,
        role,
        email: `${role}.${tag}@texts.example`,
        name: `${role === "therapist" ? "Therapist" : "Desk"} ${tag}`,
        passwordHash,
        mfaSecret: sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", E2E_SECRET),
        mfaEnabledAt: new Date(),
      },
    });
  const frontDesk = await staff("front_desk");
  const therapist = await staff("therapist");
  await prisma.weeklyScheduleBlock.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      clinicId: clinic.id,
      therapistId: therapist.id,
      weekday,
      kind: "work" as const,
      startMinute: 8 * 60,
      endMinute: 18 * 60,
    })),
  });
  const body = `tx${tag}0`.padEnd(10, "x");
  const recoveryCode = `${body.slice(0, 5)}-${body.slice(5)}`;
  await prisma.mfaRecoveryCode.create({ data: { userId: frontDesk.id, codeHash: hashRecoveryCode(recoveryCode) } });
  const phone = `+1207${String(parseInt(tag, 16) % 10_000_000).padStart(7, "0")}`;
  const patient = await prisma.patient.create({
    data: {
      clinicId: clinic.id,
      firstName: "Pat",
      lastName: `Texter${tag}`,
      dateOfBirth: new Date("1980-05-05"),
      phone,
      textConsentAt: new Date(),
      textConsentSource: "front_desk",
    },
  });
  const type = await prisma.appointmentType.create({
    data: { clinicId: clinic.id, name: "Visit", durationMinutes: 30, colour: "#0f766e" },
  });
  const book = async (startsAt: Date) => {
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    return prisma.appointment.create({
      data: {
        clinicId: clinic.id,
        therapistId: therapist.id,
        patientId: patient.id,
        appointmentTypeId: type.id,
        startsAt,
        endsAt,
        blockedUntil: endsAt,
        bookedById: frontDesk.id,
        bookedVia: "staff",
      },
    });
  };
  return { prisma, tag, phone, patient, therapist, frontDesk, recoveryCode, book };
}

/** Posts a text as the provider would: form-encoded, signed over the server's public URL. */
async function sendText(request: APIRequestContext, from: string, body: string) {
  const params = new URLSearchParams({
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    AccountSid: `AC${"0".repeat(32)}`,
    From: from,
    To: "+12075550000",
    Body: body,
  });
  const url = `${readE2eState().baseUrl}/api/sms/inbound`;
  const res = await request.post("/api/sms/inbound", {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSignature(E2E_TWILIO_AUTH_TOKEN, url, params.entries()),
    },
    data: params.toString(),
  });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("<Response/>");
}

test("a C reply shows the visit as Confirmed on the front desk calendar", async ({ page, request }) => {
  const c = await clinicWithTextingPatient();
  const day = addDays(todayIn(ZONE, Date.now()), 3);
  const visit = await c.book(new Date(instantOfLocal(day, 10 * 60, ZONE)));
  await sendText(request, c.phone, "C");
  expect((await c.prisma.appointment.findUniqueOrThrow({ where: { id: visit.id } })).confirmedAt).not.toBeNull();

  await signInWith(page, c.frontDesk.email, c.recoveryCode);
  await page.goto("/clinic/calendar");
  await page.getByLabel("Go to date").fill(day);
  const block = page.getByRole("button", {
    name: new RegExp(`^10:00 AM to 10:30 AM, Pat Texter${c.tag}, .*Confirmed`),
  });
  await expect(block).toBeVisible();
  await expect(block).toContainText("Confirmed");
  await block.click();
  const details = page.getByRole("dialog", { name: `Pat Texter${c.tag}` });
  await expect(details.getByText("Confirmed", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("an R reply inside the late window leaves a call-back task the front desk marks done", async ({
  page,
  request,
}) => {
  const c = await clinicWithTextingPatient();
  const soon = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 60_000) * 60_000);
  const visit = await c.book(soon);
  await sendText(request, c.phone, "R");
  expect((await c.prisma.appointment.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe("booked");

  await signInWith(page, c.frontDesk.email, c.recoveryCode);
  await expect(page).toHaveURL("/clinic/front-desk");
  const tasks = page.getByRole("list", { name: "Call-back tasks" });
  await expect(tasks).toContainText(`Call Pat Texter${c.tag} at ${c.phone}`);
  await expect(tasks).toContainText("Asked by text to cancel the visit");
  await expectAccessible(page);
  await tasks.getByRole("button", { name: `Done: call Pat Texter${c.tag}` }).click();
  await expect(page.getByText("Nothing to call back.")).toBeVisible();
  const task = await c.prisma.frontDeskTask.findFirstOrThrow({ where: { patientId: c.patient.id } });
  expect(task).toMatchObject({ status: "done", doneById: c.frontDesk.id });
});

test("the admin's text-replies page lists received texts and, with a provider configured, offers no simulation", async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF[0].email);
  await page.getByRole("link", { name: "Text replies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Text replies" })).toBeVisible();
  await expect(page.getByText("A text provider is configured")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send reply" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Received \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page);
});

test("a text reminder reaches the development text inbox, and the patient's C reply confirms the visit", async ({
  request,
}) => {
  const c = await clinicWithTextingPatient();
  await c.prisma.patient.update({ where: { id: c.patient.id }, data: { messageChannels: "both" } });
  // Inside the default text reminder's 2 hours, booked a day ago (a visit booked after its reminder time
  // gets none: its confirmation just went out). Within 3 hours, so quiet hours do not hold it.
  const startsAt = new Date(Math.ceil((Date.now() + 100 * 60_000) / 60_000) * 60_000);
  const visit = await c.book(startsAt);
  await c.prisma.appointment.update({
    where: { id: visit.id },
    data: { createdAt: new Date(Date.now() - 86_400_000) },
  });

  // The server's own reminder pass and outbox worker deliver it; nothing is called directly.
  await expect
    .poll(
      async () =>
        (await c.prisma.devTextMessage.findMany({ where: { toNumber: c.phone }, select: { body: true } })).map(
          (t) => t.body,
        ),
      { timeout: 60_000, intervals: [1_000] },
    )
    .toEqual([
      expect.stringMatching(/^Hi Pat, reminder: Texting clinic \w+, .+\. Reply C to confirm or R to cancel\. /),
    ]);
  const reminder = await c.prisma.devTextMessage.findFirstOrThrow({ where: { toNumber: c.phone } });
  expect(reminder.body).not.toContain(`Texter${c.tag}`); // first name only
  expect(reminder.body.length).toBeLessThanOrEqual(160);

  await sendText(request, c.phone, "YES");
  const confirmed = await c.prisma.appointment.findUniqueOrThrow({ where: { id: visit.id } });
  expect(confirmed.confirmedAt).not.toBeNull();
  expect(confirmed.confirmedVia).toBe("text");
  // The acknowledgment is queued to the same number (held past quiet hours if the test runs at night).
  const replies = await c.prisma.outboxMessage.findMany({
    where: { toAddress: c.phone, kind: "text.reply", channel: "sms" },
    select: { textBody: true },
  });
  expect(replies).toHaveLength(1);
});
