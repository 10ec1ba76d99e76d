import { randomUUID } from "node:crypto";
import { e2eDb } from "./account-helpers";
import { DEMO_CLINIC, DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const ZONE = DEMO_CLINIC.timeZone;
const FRONT_DESK = DEMO_STAFF[3];
const SAM = DEMO_STAFF[2];
const CASEY = DEMO_PATIENTS[2];
const RILEY = DEMO_PATIENTS[3];

const localToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** A Wednesday two to three weeks ahead: inside the freed-times view's four weeks, and one of Sam's working days. */
function futureWednesday(): string {
  const today = localToday();
  const day = new Date(`${today}T12:00:00Z`).getUTCDay();
  return plusDays(today, 14 + ((3 - day + 7) % 7));
}
/** The instant of a local wall-clock time in the clinic's zone (its offset read from Intl for that day). */
function localInstant(day: string, hh: number): Date {
  const guess = new Date(`${day}T${String(hh).padStart(2, "0")}:00:00Z`);
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" })
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")!
    .value.replace("GMT", "");
  return new Date(`${day}T${String(hh).padStart(2, "0")}:00:00${offset || "+00:00"}`);
}

test("the front desk adds a patient to the waitlist: a field error first, then it is listed", async ({ page }) => {
  await signIn(page, FRONT_DESK.email);
  await expect(page).toHaveURL("/clinic/front-desk");
  await page.getByRole("link", { name: "Waitlist and freed times" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Waitlist" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add to the waitlist" });
  await form.getByRole("searchbox", { name: "Patient" }).fill(CASEY.lastName);
  await form.getByRole("button", { name: new RegExp(`${CASEY.lastName}, ${CASEY.firstName}`) }).click();
  await form.getByLabel("Kind of visit").selectOption({ label: "Initial evaluation" });
  // No time of day ticked: the server's message appears beside the times, and nothing is added.
  await form.getByRole("button", { name: "Add to waitlist" }).click();
  const times = form.getByRole("group", { name: "Times of day" });
  await expect(times).toContainText("Choose at least one time of day.");
  await expect(times).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await times.getByLabel("Morning (8:00–12:00)").check();
  await form.getByRole("button", { name: "Add to waitlist" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `${CASEY.firstName} ${CASEY.lastName} is on the waitlist` }),
  ).toBeVisible();
  const row = page.getByTestId("waitlist-entries").getByRole("row").filter({ hasText: CASEY.lastName });
  await expect(row).toContainText("Initial evaluation");
  await expect(row).toContainText("08:00–12:00");
  // Urgent is a clinician's call: the front desk has no such button.
  await expect(row.getByRole("button", { name: /Mark urgent/ })).toHaveCount(0);
  await expectAccessible(page);

  // Taken off again, so the demo data is as it was.
  await row
    .getByRole("button", { name: `Remove ${CASEY.firstName} ${CASEY.lastName} (Initial evaluation) from the waitlist` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "off the waitlist" })).toBeVisible();
  await expect(page.getByTestId("waitlist-entries").getByRole("row").filter({ hasText: CASEY.lastName })).toHaveCount(
    0,
  );
});

test("a freed time lists the matching patient, and Book books them into it", async ({ page }) => {
  // The engine that records freed times is built alongside this screen: the freed time is made here directly.
  const db = e2eDb();
  const clinic = await db.clinic.findFirstOrThrow({ where: { name: DEMO_CLINIC.name }, select: { id: true } });
  const [sam, desk, riley, followUp] = await Promise.all([
    db.user.findFirstOrThrow({ where: { email: SAM.email }, select: { id: true } }),
    db.user.findFirstOrThrow({ where: { email: FRONT_DESK.email }, select: { id: true } }),
    db.patient.findFirstOrThrow({
      where: { clinicId: clinic.id, firstName: RILEY.firstName, lastName: RILEY.lastName },
      select: { id: true },
    }),
    db.appointmentType.findFirstOrThrow({ where: { clinicId: clinic.id, name: "Follow-up" }, select: { id: true } }),
  ]);
  const day = futureWednesday();
  const startsAt = localInstant(day, 17);
  await db.freedTime.create({
    data: {
      clinicId: clinic.id,
      therapistId: sam.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60_000),
      sourceKey: `cancel:e2e-${randomUUID()}:${startsAt.toISOString()}`,
    },
  });
  const today = localToday();
  await db.waitlistEntry.create({
    data: {
      clinicId: clinic.id,
      patientId: riley.id,
      appointmentTypeId: followUp.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      windows: [{ startMinute: 8 * 60, endMinute: 20 * 60 }],
      earliestDate: new Date(`${today}T00:00:00Z`),
      latestDate: new Date(`${plusDays(today, 27)}T00:00:00Z`),
      createdVia: "front_desk",
      createdById: desk.id,
    },
  });

  await signIn(page, FRONT_DESK.email);
  await page.goto("/clinic/front-desk/waitlist");
  const freed = page
    .getByTestId("freed-times")
    .getByRole("listitem")
    .filter({ hasText: SAM.name })
    .filter({
      has: page.getByRole("button", { name: new RegExp(`^Book ${RILEY.firstName} ${RILEY.lastName} at 5:00 PM`) }),
    });
  await expect(freed).toContainText(`${RILEY.firstName} ${RILEY.lastName}`);
  await expect(freed).toContainText("Follow-up");
  await expectAccessible(page);

  await freed
    .getByRole("button", { name: new RegExp(`^Book ${RILEY.firstName} ${RILEY.lastName} at 5:00 PM`) })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: `Booked ${RILEY.firstName} ${RILEY.lastName}` }),
  ).toContainText(`with ${SAM.name}`);

  // The calendar shows the visit.
  await page.goto("/clinic/calendar");
  await page.getByLabel("Go to date").fill(day);
  await expect(
    page.getByRole("button", { name: new RegExp(`^5:00 PM to 5:45 PM, ${RILEY.firstName} ${RILEY.lastName}`) }),
  ).toBeVisible();
  const booked = await db.appointment.findFirst({
    where: { clinicId: clinic.id, patientId: riley.id, therapistId: sam.id, startsAt, status: "booked" },
  });
  expect(booked).not.toBeNull();
  // The booking ended Riley's entry and filled the freed time (the hook in bookAppointment).
  const entry = await db.waitlistEntry.findFirstOrThrow({
    where: { clinicId: clinic.id, patientId: riley.id, appointmentTypeId: followUp.id },
    orderBy: { createdAt: "desc" },
  });
  expect(entry).toMatchObject({ status: "booked", bookedAppointmentId: booked!.id });
  const filled = await db.freedTime.findFirstOrThrow({ where: { clinicId: clinic.id, therapistId: sam.id, startsAt } });
  expect(filled).toMatchObject({ status: "filled", filledAppointmentId: booked!.id });
});

test("a therapist marks a waitlist entry urgent, and it moves to the top", async ({ page }) => {
  const db = e2eDb();
  const clinic = await db.clinic.findFirstOrThrow({ where: { name: DEMO_CLINIC.name }, select: { id: true } });
  const alex = DEMO_PATIENTS[0];
  const [desk, patient, type] = await Promise.all([
    db.user.findFirstOrThrow({ where: { email: FRONT_DESK.email }, select: { id: true } }),
    db.patient.findFirstOrThrow({
      where: { clinicId: clinic.id, firstName: alex.firstName, lastName: alex.lastName },
      select: { id: true },
    }),
    db.appointmentType.findFirstOrThrow({
      where: { clinicId: clinic.id, name: "Re-evaluation" },
      select: { id: true },
    }),
  ]);
  const today = localToday();
  await db.waitlistEntry.create({
    data: {
      clinicId: clinic.id,
      patientId: patient.id,
      appointmentTypeId: type.id,
      weekdays: [1, 2, 3],
      windows: [{ startMinute: 14 * 60, endMinute: 18 * 60 }],
      earliestDate: new Date(`${today}T00:00:00Z`),
      latestDate: new Date(`${plusDays(today, 20)}T00:00:00Z`),
      createdVia: "front_desk",
      createdById: desk.id,
    },
  });

  await signIn(page, DEMO_STAFF[1].email);
  await page.getByRole("link", { name: "Waitlist", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Waitlist" })).toBeVisible();
  const name = `${alex.firstName} ${alex.lastName}`;
  const row = page.getByTestId("waitlist-entries").getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: `Mark urgent: ${name}, Re-evaluation` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is now urgent.` })).toBeVisible();
  await expect(row).toContainText("Urgent");
  await expect(page.getByTestId("waitlist-entries").getByRole("row").nth(1)).toContainText(name);
  await expectAccessible(page);
});
