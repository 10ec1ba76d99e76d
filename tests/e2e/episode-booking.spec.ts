import { randomBytes } from "node:crypto";
import { addDays, todayIn } from "../../lib/time/calendar-rules";
import { dateColumnOf } from "../../lib/time/date-column";
import { formatDayMonthYear } from "../../lib/time/format";
import { prismaFor } from "../../scripts/db/prisma-client";
import { readE2eState } from "./e2e-state";
import { DEMO_CLINIC, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const ZONE = "America/New_York";
const SAM = DEMO_STAFF[2].name;

/** A Wednesday five to six weeks ahead: clear of the other calendar tests' days. */
function futureWednesday(): string {
  const today = todayIn(ZONE, Date.now());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 35 + ((3 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * A fresh patient in the demo clinic with an open episode and one authorised
 * visit, written straight to the database (as the episode screens would):
 * the test owns every row it reads.
 */
async function patientWithOneAuthorisedVisit() {
  return patientWithAuthorisedVisits(1);
}

async function patientWithAuthorisedVisits(visitsAuthorized: number) {
  const prisma = prismaFor(readE2eState().databaseUrl);
  try {
    const clinic = await prisma.clinic.findFirstOrThrow({ where: { name: DEMO_CLINIC.name } });
    const admin = await prisma.user.findFirstOrThrow({ where: { email: DEMO_STAFF[0].email } });
    const lastName = `Episode${randomBytes(3).toString("hex")}`;
    const patient = await prisma.patient.create({
      data: { clinicId: clinic.id, firstName: "Jamie", lastName, dateOfBirth: new Date("1979-03-03T00:00:00Z") },
    });
    const today = todayIn(ZONE, Date.now());
    const validUntil = addDays(today, 90);
    const episode = await prisma.episode.create({
      data: {
        clinicId: clinic.id,
        patientId: patient.id,
        reason: "Neck pain",
        visitsPerWeek: 2,
        weeks: 6,
        startDate: dateColumnOf(today),
        plannedEndDate: dateColumnOf(addDays(today, 42)),
        createdById: admin.id,
      },
    });
    await prisma.payerAuthorization.create({
      data: {
        clinicId: clinic.id,
        episodeId: episode.id,
        payerName: "Blue Harbor Health",
        visitsAuthorized,
        validFrom: dateColumnOf(today),
        validUntil: dateColumnOf(validUntil),
        createdById: admin.id,
      },
    });
    return { lastName, validUntil };
  } finally {
    await prisma.$disconnect();
  }
}

test.use({ viewport: { width: 1280, height: 1400 } });

test("the booking dialog shows the authorised visit count and asks for a reason past it", async ({ page }) => {
  const { lastName, validUntil } = await patientWithOneAuthorisedVisit();
  await signIn(page, DEMO_STAFF[3].email);
  await page.getByRole("link", { name: "Calendar", exact: true }).click();
  await page.getByLabel("Go to date").fill(futureWednesday());

  const pick = async (dialog: ReturnType<typeof page.getByRole>) => {
    await dialog.getByRole("searchbox", { name: "Patient" }).fill(lastName);
    await dialog.getByRole("button", { name: new RegExp(`${lastName}, Jamie`) }).click();
    await dialog.getByLabel("Appointment type").selectOption({ label: "Follow-up (45 min)" });
  };

  // The first visit is covered: the dialog says which one it will be.
  await page.getByRole("button", { name: `Book 3:00 PM with ${SAM}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Book an appointment" });
  await pick(dialog);
  await expect(
    dialog.getByText(`This will be visit 1 of 1 authorised, until ${formatDayMonthYear(validUntil)}.`),
  ).toBeVisible();
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Booked Jamie ${lastName} at 3:00 PM` })).toBeVisible();

  // The second is beyond: a warning and a required reason; without it the server says why.
  await page.getByRole("button", { name: `Book 4:00 PM with ${SAM}`, exact: true }).click();
  await pick(dialog);
  await expect(dialog.getByText("All 1 authorised visits are used or booked.")).toBeVisible();
  const reason = dialog.getByLabel("Reason for booking past the authorisation");
  await expect(reason).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(dialog.getByText(/Give a reason to book this visit anyway/).first()).toBeVisible();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await reason.fill("Renewal requested from Blue Harbor on the phone");
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Booked Jamie ${lastName} at 4:00 PM` })).toBeVisible();

  // The calendar shows where each visit stands.
  await page
    .getByRole("button", { name: new RegExp(`^4:00 PM to 4:45 PM, Jamie ${lastName}.*beyond authorisation`) })
    .click();
  const details = page.getByRole("dialog", { name: `Jamie ${lastName}` });
  await expect(
    details.getByText("Beyond authorisation: Renewal requested from Blue Harbor on the phone"),
  ).toBeVisible();
});

test("the series form proposes the remaining authorised visits at the plan's frequency", async ({ page }) => {
  const { lastName } = await patientWithAuthorisedVisits(5);
  await signIn(page, DEMO_STAFF[3].email);
  await page.getByRole("link", { name: "Calendar", exact: true }).click();
  await page.getByRole("button", { name: "Book a series…" }).click();
  const dialog = page.getByRole("dialog", { name: "Book a plan-of-care series" });
  await dialog.getByRole("searchbox", { name: "Patient" }).fill(lastName);
  await dialog.getByRole("button", { name: new RegExp(`${lastName}, Jamie`) }).click();
  await expect(
    dialog.getByText(/Plan of care: 2 a week until .*; 5 authorised visits remain\. Proposed: 5 visits/),
  ).toBeVisible();
  await expect(dialog.getByLabel("Number of visits")).toHaveValue("5");
  await expect(dialog.getByRole("checkbox", { name: "Mon" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Thu" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Wed" })).not.toBeChecked();
  await expectAccessible(page);
});
