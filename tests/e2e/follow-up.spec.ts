import { randomBytes } from "node:crypto";
import { e2eDb } from "./account-helpers";
import { DEMO_CLINIC, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const ZONE = DEMO_CLINIC.timeZone;
const FRONT_DESK = DEMO_STAFF[3];
const SAM = DEMO_STAFF[2];

const localToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The instant of a local wall-clock time in the clinic's zone (its offset read from Intl for that day). */
function localInstant(day: string, hh: number, mm: number): Date {
  const at = `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00`;
  const guess = new Date(`${day}T${at}Z`);
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" })
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")!
    .value.replace("GMT", "");
  return new Date(`${day}T${at}${offset || "+00:00"}`);
}

/**
 * A fresh patient in a 1-a-week plan that started 20 days ago with no visit:
 * dropped out and under-scheduled. The episode rows are written here directly
 * (the episode screens are built alongside); it was created just now, so the
 * automatic nudge (which waits 2 days, decision 094) leaves its clock alone.
 */
async function patientWhoDroppedOut() {
  const db = e2eDb();
  const clinic = await db.clinic.findFirstOrThrow({ where: { name: DEMO_CLINIC.name }, select: { id: true } });
  const sam = await db.user.findFirstOrThrow({ where: { email: SAM.email }, select: { id: true } });
  const tag = randomBytes(3).toString("hex");
  const patient = await db.patient.create({
    data: {
      clinicId: clinic.id,
      firstName: "Robin",
      lastName: `Followup${tag}`,
      dateOfBirth: new Date("1979-02-03T00:00:00Z"),
      email: `robin-${tag}@example.com`,
    },
  });
  const today = localToday();
  const episode = await db.episode.create({
    data: {
      clinicId: clinic.id,
      patientId: patient.id,
      therapistId: sam.id,
      createdById: sam.id,
      reason: "E2E plan of care",
      visitsPerWeek: 1,
      weeks: 8,
      startDate: new Date(`${plusDays(today, -20)}T00:00:00Z`),
      plannedEndDate: new Date(`${plusDays(today, 36)}T00:00:00Z`),
    },
  });
  return { db, clinicId: clinic.id, samId: sam.id, patient, episode, today };
}

test("a patient who dropped out is listed, reminded once, and leaves the list when visits are booked", async ({
  page,
}, testInfo) => {
  const f = await patientWhoDroppedOut();
  const name = `${f.patient.firstName} ${f.patient.lastName}`;
  await signIn(page, FRONT_DESK.email);
  await expect(page).toHaveURL("/clinic/front-desk");
  await page.getByRole("link", { name: "Patients to follow up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(row).toContainText("Dropped out");
  await expect(row).toContainText("Nothing booked; no visit in the 20 days since the start");
  await expect(row).toContainText("Under-scheduled");
  await expect(row).toContainText("0 of 2 visits booked in the next 2 weeks");
  // The front desk sees schedule facts, never the episode's clinical reason.
  await expect(page.getByText("E2E plan of care")).toHaveCount(0);
  await expectAccessible(page);

  // Filtering by a reason the row does not have hides it.
  await page.getByLabel("Show").selectOption("reevaluation_due");
  await expect(row).toHaveCount(0);
  await page.getByLabel("Show").selectOption("dropped_out");
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Remind ${name} to book` }).click();
  await expect(row.getByRole("status")).toContainText("Reminded");
  await expect(row.getByRole("button", { name: `Remind ${name} to book` })).toBeDisabled();
  await expect
    .poll(() => f.db.outboxMessage.count({ where: { patientId: f.patient.id, kind: "episode.follow_up" } }))
    .toBe(1);
  // After a reload the reminder is still shown and still blocks a second one this week.
  await page.reload();
  await expect(row.getByRole("status")).toContainText("Reminded");
  await expect(row.getByRole("button", { name: `Remind ${name} to book` })).toBeDisabled();

  // Book opens the calendar with the patient chosen.
  await row.getByRole("link", { name: `Book ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/clinic/calendar\\?patient=${f.patient.id}$`));
  await expect(page.getByText(`Booking for ${name}: choose a free time.`)).toBeVisible();

  // Two visits in the next two weeks (early-morning times no other test uses, one hour per project).
  const type = await f.db.appointmentType.findFirstOrThrow({
    where: { clinicId: f.clinicId, name: "Follow-up" },
    select: { id: true },
  });
  const hour = testInfo.project.name === "phone" ? 5 : 4;
  const minute = Math.floor(Math.random() * 50);
  for (const offset of [2, 9]) {
    const startsAt = localInstant(plusDays(f.today, offset), hour, minute);
    await f.db.appointment.create({
      data: {
        clinicId: f.clinicId,
        therapistId: f.samId,
        patientId: f.patient.id,
        appointmentTypeId: type.id,
        episodeId: f.episode.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 5 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 5 * 60_000),
        bookedById: f.samId,
        bookedVia: "front_desk",
      },
    });
  }
  await page.goto("/clinic/front-desk/follow-up");
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up" })).toBeVisible();
  await expect(page.getByRole("heading", { name })).toHaveCount(0);
});

test("an admin sets the re-evaluation rule on Booking setup: out of range is a field error", async ({ page }) => {
  await signIn(page, DEMO_STAFF[0].email);
  await page.goto("/clinic/admin/booking");
  const form = page.getByRole("form", { name: "Episodes of care" });
  const visits = form.getByLabel("Re-evaluate every (visits)");
  await visits.fill("1");
  await form.getByRole("button", { name: "Save re-evaluation rule" }).click();
  await expect(form).toContainText("Re-evaluate every 2 to 60 visits (a whole number).");
  await expect(visits).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Saved as the demo has it (10 visits or 30 days), so other tests see the usual rule.
  await visits.fill("10");
  await form.getByLabel("Re-evaluate every (days)").fill("30");
  await form.getByRole("button", { name: "Save re-evaluation rule" }).click();
  await expect(form.getByRole("status")).toContainText("Re-evaluation rule saved.");
});
