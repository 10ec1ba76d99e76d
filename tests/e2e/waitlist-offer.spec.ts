import { randomBytes } from "node:crypto";
import { instantOfLocal } from "../../lib/time/calendar-rules";
import { e2eDb } from "./account-helpers";
import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const ZONE = "America/New_York";
const MAYA = DEMO_STAFF[1];
const FRONT_DESK = DEMO_STAFF[3];

/** A Wednesday three weeks ahead in the clinic's zone: future, and away from the days other specs book. */
function futureWednesday(): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 21 + ((3 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** The offer link in the newest waitlist offer email to this address, once delivered to the development mailbox. */
async function offerLinkFor(to: string): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const mail = await e2eDb().devMailboxMessage.findFirst({
      where: { toAddress: to, outbox: { kind: "waitlist.offer" } },
      orderBy: { deliveredAt: "desc" },
    });
    link = mail ? /https?:\/\/[^/\s]+(\/waitlist\/offer\/[A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1] : undefined;
    expect(link, `a waitlist offer email to ${to}`).toBeTruthy();
  }).toPass({ timeout: 60_000 });
  return link!;
}

test("a cancelled visit is offered to the waitlist; the first to accept is booked, the others are told", async ({
  page,
  browser,
}) => {
  const db = e2eDb();
  const tag = randomBytes(3).toString("hex");
  const day = futureWednesday();
  const startsAt = new Date(instantOfLocal(day, 16 * 60, ZONE));
  const maya = await db.user.findFirstOrThrow({ where: { email: MAYA.email }, select: { id: true, clinicId: true } });
  const clinicId = maya.clinicId;
  const type = await db.appointmentType.findFirstOrThrow({ where: { clinicId, name: "Follow-up" } });
  const desk = await db.user.findFirstOrThrow({ where: { email: FRONT_DESK.email }, select: { id: true } });
  const person = (first: string) =>
    db.patient.create({
      data: {
        clinicId,
        firstName: first,
        lastName: `Waitlist${tag}`,
        dateOfBirth: new Date("1980-02-02T00:00:00Z"),
        email: `${first.toLowerCase()}.${tag}@example.com`,
      },
    });
  const [booked, winner, second, late] = [
    await person("Booked"),
    await person("Winnie"),
    await person("Tara"),
    await person("Lena"),
  ];
  // The visit the front desk will cancel.
  await db.appointment.create({
    data: {
      clinicId,
      therapistId: maya.id,
      patientId: booked.id,
      appointmentTypeId: type.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + type.durationMinutes * 60_000),
      blockedUntil: new Date(startsAt.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * 60_000),
      bookedById: desk.id,
      bookedVia: "staff",
    },
  });
  // Three waiting for exactly that afternoon (so no other spec's freed time matches them), oldest first.
  for (const [i, p] of [winner, second, late].entries())
    await db.waitlistEntry.create({
      data: {
        clinicId,
        patientId: p.id,
        appointmentTypeId: type.id,
        therapistId: maya.id,
        weekdays: [3],
        windows: [{ startMinute: 15 * 60, endMinute: 18 * 60 }],
        earliestDate: new Date(`${day}T00:00:00Z`),
        latestDate: new Date(`${day}T00:00:00Z`),
        createdVia: "front_desk",
        createdById: desk.id,
        createdAt: new Date(Date.now() - (3 - i) * 60_000),
      },
    });

  // The front desk cancels the visit on the calendar.
  await signIn(page, FRONT_DESK.email);
  await page.goto("/clinic/calendar");
  await page.getByLabel("Go to date").fill(day);
  const visit = (p: { firstName: string; lastName: string }) =>
    page.getByRole("button", { name: new RegExp(`^4:00 PM to 4:45 PM, ${p.firstName} ${p.lastName}`) });
  await visit(booked).click();
  const details = page.getByRole("dialog", { name: `${booked.firstName} ${booked.lastName}` });
  await details.getByRole("button", { name: "Cancel appointment…" }).click();
  await details.getByLabel("Reason for cancelling").fill("Patient is travelling");
  await details.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancelled" })).toBeVisible();

  // Within seconds the three get offers (three at once), by email through the dev mailbox.
  const [winnerLink, secondLink, lateLink] = [
    await offerLinkFor(winner.email!),
    await offerLinkFor(second.email!),
    await offerLinkFor(late.email!),
  ];
  // Lena's hold runs out before anyone answers.
  await db.waitlistOffer.updateMany({
    where: { entry: { patientId: late.id }, status: "pending" },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });

  // The patient's own browser: no staff session.
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await patient.goto(winnerLink);
  await expect(
    patient.getByRole("heading", { level: 1, name: `A time has opened, ${winner.firstName}` }),
  ).toBeVisible();
  await expect(patient.getByText(MAYA.name)).toBeVisible();
  await expect(patient.getByText(/4:00 PM/)).toBeVisible();
  await expectAccessible(patient);
  await patient.getByRole("button", { name: "Accept this time" }).click();
  await expect(patient.getByRole("heading", { level: 1, name: "You are booked" })).toBeVisible();
  await expectAccessible(patient);

  // The calendar shows the new booking.
  await page.reload();
  await page.getByLabel("Go to date").fill(day);
  await expect(visit(winner)).toBeVisible();

  // The second link now says plainly it was taken, and keeps the patient on the list.
  await patient.goto(secondLink);
  await expect(patient.getByRole("heading", { level: 1, name: "This offer has ended" })).toBeVisible();
  await expect(patient.getByText(/someone else took this time first/i)).toBeVisible();
  await expect(patient.getByRole("button", { name: "Accept this time" })).toHaveCount(0);
  await expect(patient.getByRole("link", { name: /waitlist in the portal/ })).toBeVisible();
  await expectAccessible(patient);

  // The expired one says so.
  await patient.goto(lateLink);
  await expect(patient.getByText(/This offer has expired/)).toBeVisible();
  // The page reads the hold's end; the server's next offer pass (every 15 s) records it and puts Lena back
  // on the list. Showing the page changes nothing (a GET), so wait for the pass.
  const lateEntry = await db.waitlistEntry.findFirstOrThrow({ where: { patientId: late.id } });
  await expect
    .poll(
      async () =>
        (await db.waitlistOffer.findMany({ where: { entryId: lateEntry.id, startsAt }, select: { status: true } })).map(
          (o) => o.status,
        ),
      { timeout: 45_000, intervals: [1_000] },
    )
    .toEqual(["expired"]);
  // Waiting again (or already offered another time, should another test free one that matches): never ended.
  const after = await db.waitlistEntry.findUniqueOrThrow({ where: { id: lateEntry.id } });
  expect(["waiting", "offered"]).toContain(after.status);
  expect(after.endedAt).toBeNull();

  // On a phone the offer page fits the screen.
  await patient.setViewportSize({ width: 390, height: 844 });
  await patient.goto(secondLink);
  const overflow = await patient.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await patientContext.close();
});
