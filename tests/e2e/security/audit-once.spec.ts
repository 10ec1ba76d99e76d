import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-data";
import { expect, test } from "../fixtures";
import { readE2eState } from "../e2e-state";
import { createIsolatedClinic, signInWith } from "./isolated-clinic";

/**
 * "Every read of a chart, intake, score, program or appointment, every export,
 * every sign-in (success and failure) and every denial is audited exactly
 * once": each is done once, through the pages and APIs people use, against the
 * production build, and the audit rows written in between are listed. The
 * clinic is this test's own, so nothing else writes rows for it meanwhile.
 *
 * Not audited on purpose (docs/decisions/047): a request with no session at
 * all (401) has no one to attribute it to.
 */
test("each read, export, sign-in and denial writes exactly one audit row", async ({ browser }) => {
  test.setTimeout(240_000);
  const clinic = await createIsolatedClinic(browser, "Audit");
  const { ids, as } = clinic;
  const state = readE2eState();

  const lastId = async () => (await clinic.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  /** action:outcome of the clinic's rows written since `since`, optionally only those starting with `prefix`. */
  const rowsSince = async (since: bigint, prefix = "") =>
    (
      await clinic.prisma.auditEvent.findMany({
        where: { clinicId: clinic.clinicId, id: { gt: since }, action: { startsWith: prefix } },
        orderBy: { id: "asc" },
        select: { action: true, outcome: true, patientId: true },
      })
    ).map((r) => `${r.action}:${r.outcome}${r.patientId ? `:${r.patientId === ids.patientA ? "A" : "B"}` : ""}`);
  /**
   * Waits until no audit row for this clinic has been written for a moment: a page's client components
   * (e.g. a search box that loads on mount) may still be reading after "networkidle" on a busy machine.
   */
  const settle = async () => {
    const latest = async () =>
      (await clinic.prisma.auditEvent.aggregate({ where: { clinicId: clinic.clinicId }, _max: { id: true } }))._max
        .id ?? 0n;
    for (let i = 0, before = await latest(); i < 20; i++) {
      await new Promise((r) => setTimeout(r, 600));
      const now = await latest();
      if (now === before) return;
      before = now;
    }
  };
  const once = async (what: string, act: () => Promise<unknown>, expected: string[], prefix = "") => {
    await settle();
    const since = await lastId();
    await act();
    await settle();
    expect(await rowsSince(since, prefix), what).toEqual(expected);
  };
  const ok = async (res: Promise<{ status(): number }>) => expect((await res).status()).toBeLessThan(300);
  const status = async (res: Promise<{ status(): number }>, code: number) => expect((await res).status()).toBe(code);

  const newPage = async () => (await browser.newContext({ baseURL: state.baseUrl })).newPage();
  const therapist = await newPage();
  await signInWith(therapist, clinic.emails.therapist, clinic.recoveryCode("therapist", 1));
  // The landing page's own client-side reads must finish before the first count starts.
  await therapist.waitForLoadState("networkidle");
  /** A page view, including what its client components fetch, so their rows count towards it. */
  const visit = async (page: Page, path: string, expectedStatus = 200) => {
    expect((await page.goto(path))?.status(), path).toBe(expectedStatus);
    await page.waitForLoadState("networkidle");
  };

  // Reads, through the pages staff open.
  // The chart shows the patient's episode of care too: two records read, each audited once.
  await once("chart", () => visit(therapist, `/clinic/patients/${ids.patientA}`), [
    "patient.read:allowed:A",
    "episode.list:allowed:A",
  ]);
  await once(
    "intake review (answers and scores)",
    () => visit(therapist, `/clinic/patients/${ids.patientA}/intakes/${ids.submittedIntakeA}`),
    ["intake.read:allowed:A"],
  );
  await once("scores over time", () => visit(therapist, `/clinic/patients/${ids.patientA}/progress`), [
    "intake.progress_read:allowed:A",
  ]);
  // The follow-up page also shows the remote-monitoring days: a read of their own.
  await once("program and follow-up page", () => visit(therapist, `/clinic/patients/${ids.patientA}/exercises`), [
    "program.read:allowed:A",
    "episode.monitoring_read:allowed:A",
  ]);
  // ... and through the JSON API.
  await once("chart (API)", () => ok(as.therapist.get(`/api/patients/${ids.patientA}`)), ["patient.read:allowed:A"]);
  await once("episode (API)", () => ok(as.therapist.get(`/api/episodes/${ids.episodeA}`)), ["episode.read:allowed:A"]);
  await once("program (API)", () => ok(as.therapist.get(`/api/patients/${ids.patientA}/program`)), [
    "program.read:allowed:A",
  ]);
  await once("follow-up (API)", () => ok(as.therapist.get(`/api/patients/${ids.patientA}/program/follow-up`)), [
    "program.read:allowed:A",
  ]);
  await once(
    "appointments (staff calendar)",
    () => ok(as.frontDesk.get(`/api/booking/calendar?view=week&date=${new Date().toISOString().slice(0, 10)}`)),
    ["calendar.read:allowed"],
  );
  await once("own appointments", () => ok(as.patientA.get("/api/booking/appointments/mine")), [
    "appointment.list_own:allowed:A",
  ]);
  await once("own program today", () => ok(as.patientA.get("/api/me/exercises/today")), ["program.read:allowed:A"]);

  // Exports: one row each, not a read and an export.
  await once("FHIR export", () => ok(as.therapist.get(`/api/intakes/${ids.submittedIntakeA}/fhir`)), [
    "intake.export_fhir:allowed:A",
  ]);
  await once("own record as FHIR", () => ok(as.patientA.get("/api/me/fhir")), ["patient.export_fhir:allowed:A"]);
  await once("handout PDF", () => ok(as.therapist.get(`/api/patients/${ids.patientA}/program/handout`)), [
    "program.handout:allowed:A",
  ]);
  await once("printable handout page", () => visit(therapist, `/clinic/patients/${ids.patientA}/exercises/handout`), [
    "program.handout:allowed:A",
  ]);
  await once("calendar feed", () => ok(as.anonymous.get(ids.calendarFeedPathB)), ["calendar_feed.read:allowed:B"]);

  // Denials: a role without the permission, and another patient's record (404, never 403).
  await once(
    "front desk asks for clinical detail",
    () => status(as.frontDesk.get(`/api/patients/${ids.patientA}/program`), 403),
    ["access.denied:denied:A"],
  );
  const desk = await newPage();
  await signInWith(desk, clinic.emails.frontDesk, clinic.recoveryCode("frontDesk", 1));
  await desk.waitForLoadState("networkidle");
  await once("front desk opens a clinical page", () => visit(desk, `/clinic/patients/${ids.patientA}/exercises`, 403), [
    "access.denied:denied",
  ]);
  await once("patient A asks for patient B", () => status(as.patientA.get(`/api/patients/${ids.patientB}`), 404), [
    "access.denied:denied",
  ]);
  await once(
    "patient A opens patient B's intake",
    () => status(as.patientA.get(`/api/intakes/${ids.submittedIntakeB}/fhir`), 404),
    ["access.denied:denied"],
  );

  // Sign-ins: success once (a patient; staff also pass the second step), failure once.
  await once(
    "patient signs in",
    async () => signInWith(await newPage(), clinic.emails.patientA, null),
    ["auth.sign_in:allowed"],
    "auth.",
  );
  await once(
    "staff signs in with a second step",
    async () => signInWith(await newPage(), clinic.emails.admin, clinic.recoveryCode("admin", 1)),
    ["auth.sign_in:allowed", "auth.mfa_verified:allowed"],
    "auth.",
  );
  await once(
    "wrong password",
    async () => {
      const page = await newPage();
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(clinic.emails.patientA);
      await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
    },
    ["auth.sign_in_failed:failed"],
    "auth.",
  );
  await clinic.close();
});
