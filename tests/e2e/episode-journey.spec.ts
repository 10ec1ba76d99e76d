import { randomUUID } from "node:crypto";
import { devices, type Browser, type Page } from "@playwright/test";
import { prismaFor } from "../../scripts/db/prisma-client";
import { addDays, instantOfLocal, todayIn } from "../../lib/time/calendar-rules";
import { readE2eState } from "./e2e-state";
import { DEMO_CLINIC, expect, expectAccessible, signIn, test } from "./fixtures";
import { FRONT_DESK, newPatientWithLink, THERAPIST } from "./intake-helpers";
import { COMPLETE_INITIAL_ANSWERS } from "./security/isolated-clinic";

/**
 * An episode of care from intake to discharge (issue 13), on a fresh patient
 * so it runs beside every other spec: the therapist opens the episode from the
 * submitted intake (goals pre-filled from the PSFS), the front desk records an
 * authorisation of N visits, visits are checked in and completed and the
 * patient page counts "visit 1 of N", "visit 2 of N", then the therapist
 * discharges and a second discharge is refused. On the way the patient shows
 * on the front desk's follow-up list as under-scheduled and leaves it once the
 * next visits are booked through the booking API (which joins them to the
 * episode); after discharge the printable summary compares intake and latest
 * scores and the episode is counted in today's outcome report.
 */
const AUTHORISED = 12;
const PSFS_FIRST = "Sitting at my desk";

async function staffPage(browser: Browser, email: string, use: Record<string, unknown>) {
  const context = await browser.newContext(use);
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

// Dates the app reads are clinic days (New York); a UTC date is a day ahead in the evening there.
const clinicToday = () => todayIn(DEMO_CLINIC.timeZone, Date.now());

/**
 * A booked visit of the fresh patient that has already started (check-in is
 * for the day of the visit, completion after its start), written straight to
 * the database: the booking API only books ahead. Night hours keep clear of
 * the demo therapist's day.
 */
async function pastVisit(patientId: string, daysAgo: number) {
  const prisma = prismaFor(readE2eState().databaseUrl);
  try {
    const patient = await prisma.patient.findUniqueOrThrow({ where: { id: patientId }, select: { clinicId: true } });
    const therapist = await prisma.user.findUniqueOrThrow({ where: { email: THERAPIST } });
    const desk = await prisma.user.findUniqueOrThrow({ where: { email: FRONT_DESK } });
    const type = await prisma.appointmentType.findFirstOrThrow({
      where: { clinicId: patient.clinicId, name: "Follow-up" },
    });
    // 02:00-04:50 in the demo clinic's zone, `daysAgo` clinic days back; another run may hold the time: try again.
    const day = addDays(clinicToday(), -daysAgo);
    for (let attempt = 0; ; attempt++) {
      const startsAt = new Date(instantOfLocal(day, 2 * 60 + Math.floor(Math.random() * 170), DEMO_CLINIC.timeZone));
      const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
      try {
        return await prisma.appointment.create({
          data: {
            clinicId: patient.clinicId,
            therapistId: therapist.id,
            patientId,
            appointmentTypeId: type.id,
            startsAt,
            endsAt,
            blockedUntil: endsAt,
            bookedById: desk.id,
            bookedVia: "staff",
          },
          select: { id: true, version: true },
        });
      } catch (e) {
        if (attempt >= 5) throw e;
      }
    }
  } finally {
    await prisma.$disconnect();
  }
}

async function visitCount(page: Page, patientId: string) {
  await page.goto(`/clinic/patients/${patientId}`);
  return page.getByTestId("episode-card").getByTestId("episode-visit-count");
}

const VARIANTS = {
  desktop: { viewport: devices["Desktop Chrome"].viewport },
  phone: (({ defaultBrowserType: _, ...rest }) => rest)(devices["Pixel 7"]),
} as const;

for (const [name, use] of Object.entries(VARIANTS)) {
  test.describe(`episode journey (${name})`, () => {
    test.use(use);

    test("intake to discharge: open from the intake, authorise, count visits, discharge once", async ({
      browser,
      page,
    }) => {
      test.setTimeout(180_000);
      // A fresh patient submits their intake through the link.
      const { patientId, token, lastName } = await newPatientWithLink(browser);
      const patientName = `Robin ${lastName}`;
      const anonymous = await browser.newContext();
      const answers = COMPLETE_INITIAL_ANSWERS("Back pain since the move", "Robin Intake");
      expect(
        (await anonymous.request.put(`/api/intake/${token}/draft`, { data: { answers, baseRevision: 0 } })).status(),
      ).toBeLessThan(300);
      expect(
        (
          await anonymous.request.post(`/api/intake/${token}/submit`, { data: { submissionKey: randomUUID() } })
        ).status(),
      ).toBeLessThan(300);
      await anonymous.close();

      // Two visits this week (before the episode is opened: opening it gathers them).
      const first = await pastVisit(patientId, 4);
      const second = await pastVisit(patientId, 2);
      const desk = await staffPage(browser, FRONT_DESK, use);

      // The therapist opens the episode from the intake review, the goals pre-filled from the PSFS.
      await signIn(page, THERAPIST);
      await page.goto(`/clinic/patients/${patientId}`);
      await page.getByRole("link", { name: "Open intake" }).click();
      const form = page.getByRole("form", { name: "Open episode of care" });
      await expect(form.getByLabel("Goal 1 (optional)")).toHaveValue(PSFS_FIRST);
      await expectAccessible(page);
      await form.getByLabel("Reason for care").fill("Low back pain after moving house");
      await form.getByLabel("ICD-10-CM code (optional)").fill("m54.50");
      // The plan started a week ago (the visits above are in it); the planned end follows the start.
      await form.getByLabel("Start").fill(addDays(clinicToday(), -7));
      await form.getByLabel("Start").blur();
      await form.getByRole("button", { name: "Open episode of care" }).click();
      await expect(page).toHaveURL(/\/clinic\/patients\/[0-9a-f-]+\/episodes\/[0-9a-f-]+$/);
      const episodePath = new URL(page.url()).pathname;
      await expect(page.getByTestId("episode-goals")).toContainText(PSFS_FIRST);
      await expect(page.getByTestId("episode-plan")).toContainText("M54.50");
      await expect(page.getByTestId("episode-visits")).toContainText("Booked");
      await expectAccessible(page);

      // The front desk records the payer's authorisation: schedule facts, no clinical detail.
      await desk.page.goto(episodePath);
      await expect(desk.page.getByTestId("episode-plan")).not.toContainText("Low back pain after moving house");
      await desk.page.getByRole("button", { name: "Add authorisation" }).click();
      const auth = desk.page.getByRole("form", { name: "Add authorisation" });
      await auth.getByLabel("Payer").fill("Blue Harbor Health");
      await auth.getByLabel("Visits authorised").fill(String(AUTHORISED));
      await auth.getByRole("button", { name: "Add authorisation" }).click();
      await expect(desk.page.getByTestId("authorizations")).toContainText(`${AUTHORISED} visits`);
      await expectAccessible(desk.page);

      // Visits checked in and completed are counted on the patient page.
      await expect(await visitCount(desk.page, patientId)).toHaveText(
        new RegExp(`^visit 0 of ${AUTHORISED} authorised, until `),
      );
      const status = async (id: string, version: number, action: string) => {
        const res = await desk.page.request.post(`/api/booking/appointments/${id}/status`, {
          data: { expectedVersion: version, action },
        });
        expect(res.status(), await res.text()).toBe(200);
      };
      await status(first.id, first.version, "check_in");
      await expect(await visitCount(desk.page, patientId)).toHaveText(
        new RegExp(`^visit 1 of ${AUTHORISED} authorised`),
      );
      await status(second.id, second.version, "complete");
      await expect(await visitCount(desk.page, patientId)).toHaveText(
        new RegExp(`^visit 2 of ${AUTHORISED} authorised`),
      );
      await expectAccessible(desk.page);

      // Nothing booked ahead: the follow-up list shows the patient as under-scheduled.
      const followUpRow = async () => {
        await desk.page.goto("/clinic/front-desk/follow-up");
        return desk.page.getByRole("listitem").filter({ has: desk.page.getByRole("heading", { name: patientName }) });
      };
      await expect(await followUpRow()).toContainText("Under-scheduled");
      await expect(await followUpRow()).toContainText("0 of 4 visits booked in the next 2 weeks");
      await expectAccessible(desk.page);
      // The front desk books the next four visits (the plan is 2 a week); each joins the episode and the row clears.
      const booked = await bookNextVisits(desk.page, patientId, 4);
      expect(await episodeIdsOf(booked.map((a) => a.id))).toEqual(booked.map(() => episodePath.split("/").at(-1)));
      await expect(await followUpRow()).toHaveCount(0);
      await desk.context.close();

      // The therapist discharges; a second discharge is refused with a clear message.
      await page.goto(episodePath);
      await page.getByRole("button", { name: "Discharge" }).click();
      const dialog = page.getByRole("dialog", { name: "Discharge from this episode" });
      await dialog.getByLabel("Reason").selectOption("goals_met");
      await dialog.getByLabel("Note (optional)").fill("Back at work");
      await expectAccessible(page);
      await dialog.getByRole("button", { name: "Discharge" }).click();
      await expect(page.getByTestId("episode-discharged")).toContainText("Goals met");
      await expect(page.getByRole("button", { name: "Discharge" })).toHaveCount(0);
      const episodeId = episodePath.split("/").at(-1)!;
      const today = clinicToday();
      const again = await page.request.post(`/api/episodes/${episodeId}/status`, {
        data: { action: "discharge", reason: "goals_met", date: today },
      });
      expect(again.status()).toBe(409);
      expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
        /^This episode was discharged on .+; open a new one\.$/,
      );
      await expectAccessible(page);

      // The discharge summary: intake against the latest scores, visits used of authorised, adherence; printable.
      await page.goto(`${episodePath}/summary`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Discharge summary");
      await expect(page.getByTestId("visits-used")).toContainText(`2 of ${AUTHORISED} authorised`);
      await expect(page.getByText("ODI").first()).toBeVisible();
      await expectAccessible(page);

      // Today's outcome report counts the episode for its therapist; a group this small shows no figures.
      await page.goto(`/clinic/outcomes?from=${today}&to=${today}`);
      const mine = page.getByRole("table", { name: "Outcomes by therapist" }).getByRole("row", { name: /Maya Chen/ });
      await expect(mine).toContainText("fewer than 5");
      await expect(mine).not.toContainText("reached");
    });
  });
}

type BookedVisit = { id: string };

/** The episode each appointment joined (read back from the database, in the order given). */
async function episodeIdsOf(ids: string[]) {
  const prisma = prismaFor(readE2eState().databaseUrl);
  try {
    const rows = await prisma.appointment.findMany({
      where: { id: { in: ids } },
      select: { id: true, episodeId: true },
    });
    return ids.map((id) => rows.find((r) => r.id === id)?.episodeId);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Books `count` visits with Maya in the next two weeks through the booking
 * API, at free times the slot search offers (another spec may take one first:
 * then the next free time).
 */
async function bookNextVisits(page: Page, patientId: string, count: number): Promise<BookedVisit[]> {
  const types = (await (await page.request.get("/api/booking/appointment-types")).json()) as {
    appointmentTypes: { id: string; name: string }[];
  };
  const followUp = types.appointmentTypes.find((t) => t.name === "Follow-up")!;
  const day = (offset: number) => addDays(clinicToday(), offset);
  const res = await page.request.get(
    `/api/booking/slots?${new URLSearchParams({ appointmentTypeId: followUp.id, from: day(1), to: day(12), patientId })}`,
  );
  expect(res.status(), await res.text()).toBe(200);
  const found = (await res.json()) as {
    therapists: { id: string; name: string }[];
    slots: { start: string; therapistIndexes: number[] }[];
  };
  const maya = found.therapists.findIndex((t) => t.name.startsWith("Maya Chen"));
  const booked: BookedVisit[] = [];
  const usedDays = new Set<string>();
  for (const slot of found.slots) {
    if (booked.length === count) break;
    const date = slot.start.slice(0, 10);
    if (!slot.therapistIndexes.includes(maya) || usedDays.has(date)) continue;
    const made = await page.request.post("/api/booking/appointments", {
      headers: { "Idempotency-Key": randomUUID() },
      data: {
        appointmentTypeId: followUp.id,
        therapistId: found.therapists[maya]!.id,
        patientId,
        startsAt: slot.start,
      },
    });
    if (made.status() === 409) continue;
    expect(made.status(), await made.text()).toBe(201);
    booked.push(((await made.json()) as { appointment: BookedVisit }).appointment);
    usedDays.add(date);
  }
  expect(booked).toHaveLength(count);
  return booked;
}
