import { readFileSync } from "node:fs";
import { prismaFor } from "../../scripts/db/prisma-client";
import { readE2eState } from "./e2e-state";
import { DEMO_PATIENTS, DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";

const MAYA = DEMO_STAFF[1];

test("a therapist reads the outcome report, filters it and downloads the CSV with small groups withheld", async ({
  page,
}) => {
  await signIn(page, MAYA.email);
  await page.getByRole("link", { name: "Outcomes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outcome report" })).toBeVisible();

  // The demo (prisma/seed/outcomes-demo.ts): Maya has 8 discharged episodes, Sam Okafor 3, all discharged
  // 3 weeks ago or more. The range ends yesterday: the episode journey spec discharges episodes today.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(day(-365));
  await page.getByLabel("To").fill(day(-1));
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/to=/);
  await expect(page.getByTestId("report-range")).toContainText(/: \d+\./);
  const therapists = page.getByRole("table", { name: "Outcomes by therapist" });
  await expect(therapists.getByRole("row", { name: /Maya Chen, DPT/ })).toContainText(/\d+% reached/);
  await expect(therapists.getByRole("row", { name: /Sam Okafor, PT/ })).toContainText("fewer than 5");
  await expect(therapists.getByRole("row", { name: /Sam Okafor, PT/ })).not.toContainText("reached");
  const risk = page.getByRole("table", { name: "Outcomes by STarT Back risk group" });
  await expect(risk.getByRole("row", { name: /Low risk/ })).toContainText("fewer than 5");
  // Charts carry a text summary; a withheld group is words, never a bar.
  await expect(
    page.getByRole("img", { name: /ODI .*share reaching the threshold.*Low risk: fewer than 5/ }),
  ).toHaveCount(1);
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^outcomes-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "section,group,episodes,median visits,adherence range,measure,episodes with follow-up score,no follow-up score,median improvement (points),share reaching threshold",
  );
  for (const row of csv.split("\r\n").filter((r) => r.startsWith("therapist,Sam Okafor")))
    expect(row).not.toMatch(/\d+%/);

  // Dates out of order: a field error, no report.
  await page.getByLabel("From").fill("2026-06-30");
  await page.getByLabel("To").fill("2026-06-01");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByText("The end is before the start.")).toBeVisible();
  await expect(page.getByLabel("To")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("table", { name: "Outcomes by therapist" })).toHaveCount(0);
  const bad = await page.request.get("/api/outcomes/report.csv?from=2026-02-30");
  expect(bad.status()).toBe(422);
});

test("the discharge summary prints, and reads as progress so far before discharge", async ({ page }) => {
  const prisma = prismaFor(readE2eState().databaseUrl);
  const discharged = await prisma.episode.findFirstOrThrow({
    where: { status: "discharged", patient: { firstName: "Robin", lastName: "Ashby" } },
    select: { id: true, patientId: true },
  });
  const open = await prisma.episode.findFirst({
    where: { status: { not: "discharged" }, patient: { email: DEMO_PATIENTS[0].email } },
    select: { id: true, patientId: true },
  });
  await prisma.$disconnect();

  await signIn(page, MAYA.email);
  await page.goto(`/clinic/patients/${discharged.patientId}/episodes/${discharged.id}/summary`);
  await expect(page.getByRole("heading", { level: 1, name: "Discharge summary" })).toBeVisible();
  // Robin Ashby: ODI 42 -> 24, NPRS 7 -> 3, PSFS 3 -> 7, 10 visits of 12 authorised.
  await expect(page.getByTestId("measure-odi")).toContainText("-18 (better)");
  await expect(page.getByTestId("measure-odi")).toContainText("reached the meaningful change");
  await expect(page.getByTestId("visits-used")).toHaveText("10 of 12 authorised");
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByTestId("discharge-summary")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  if (open) {
    await page.goto(`/clinic/patients/${open.patientId}/episodes/${open.id}/summary`);
    await expect(page.getByRole("heading", { level: 1, name: "Progress so far" })).toBeVisible();
  }
});

test("the intake review suggests the STarT Back-matched approach and the builder pre-selects the marked template", async ({
  page,
}) => {
  const prisma = prismaFor(readE2eState().databaseUrl);
  const alex = await prisma.patient.findFirstOrThrow({ where: { email: DEMO_PATIENTS[0].email } });
  const intake = await prisma.intake.findFirstOrThrow({
    where: { patientId: alex.id, kind: "initial", status: "submitted" },
    select: { id: true, scores: true },
  });
  const risk = (intake.scores as { startBack: { risk: "low" | "medium" | "high" } }).startBack.risk;
  await prisma.$disconnect();

  await signIn(page, MAYA.email);
  await page.goto(`/clinic/patients/${alex.id}/intakes/${intake.id}`);
  const suggestion = page.getByTestId("matched-care");
  await expect(suggestion).toContainText(`STarT Back ${risk} risk`);
  await expect(suggestion).toContainText("This is a suggestion; you decide");
  await expectAccessible(page);

  // A fresh template marked for Alex's group in the template editor is pre-selected in Alex's builder.
  const name = `Matched ${risk} ${crypto.randomUUID().slice(0, 6)}`;
  const exercises = (await (await page.request.get("/api/exercises")).json()) as { exercises: { id: string }[] };
  const created = await page.request.post("/api/program-templates", {
    data: {
      name,
      items: [
        {
          exerciseId: exercises.exercises[0]!.id,
          dosage: { kind: "reps", sets: 2, reps: 10, timesPerDay: 1, daysPerWeek: 7 },
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const templateId = ((await created.json()) as { template: { id: string } }).template.id;
  try {
    await page.goto("/clinic/exercises/templates");
    await page.getByTestId(`template-risk-${name}`).selectOption(risk);
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expectAccessible(page);
    // Other demo templates may be marked for the same group by now; the first by name wins.
    const templates = (await (await page.request.get("/api/program-templates")).json()) as {
      templates: { id: string; matchedRisk: string | null }[];
    };
    const expected = templates.templates.find((t) => t.matchedRisk === risk)!.id;
    await page.goto(`/clinic/patients/${alex.id}/exercises/edit`);
    await expect(page.getByTestId("matched-template-hint")).toContainText(`STarT Back ${risk} risk`);
    await expect(page.getByLabel("Template", { exact: true })).toHaveValue(expected);
  } finally {
    await page.request.delete(`/api/program-templates/${templateId}`);
  }
});
