import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { BrowserContext } from "@playwright/test";
import { DEMO_STAFF, expect, signIn, test } from "../fixtures";
import { readE2eState } from "../e2e-state";
import { COMPLETE_INITIAL_ANSWERS } from "./isolated-clinic";

const FRONT_DESK = DEMO_STAFF[3].email;
const THERAPIST = DEMO_STAFF[1].email;
const ADMIN = DEMO_STAFF[0].email;

/**
 * Plants canary health data (a patient's name and email, a free-text intake
 * answer, a red-flag acknowledgement note, an exercise-log note) through the
 * real UI and APIs, walks the main flows including their error paths, then
 * checks that neither server's log (normal and proxy-less, one file) nor any
 * URL the browsers requested or were redirected to contains any of it.
 */
test("canary health data never reaches the server logs or a URL", async ({ browser }) => {
  test.setTimeout(180_000);
  const state = readE2eState();
  const tag = randomBytes(4).toString("hex");
  const canary = {
    firstName: `Wendeline${tag}`,
    lastName: `Canaryvale${tag}`,
    email: `wendeline.${tag}@canary.example`,
    reason: `Canaryreason${tag} after lifting kayaks`,
    ackNote: `Canarynote${tag} phoned the patient, referred to GP`,
    logNote: `Canarylog${tag} hamstring twinge on rep 8`,
  };
  const urls: string[] = [];
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const context = await browser.newContext({ baseURL: state.baseUrl });
    context.on("request", (r) => {
      urls.push(r.url());
      const referer = r.headers()["referer"];
      if (referer) urls.push(referer);
    });
    context.on("response", (r) => {
      const location = r.headers()["location"];
      if (location) urls.push(location);
    });
    contexts.push(context);
    return context;
  };

  // Front desk registers the patient through the form, finds them with the search box, sends an intake link.
  const desk = await (await newContext()).newPage();
  await signIn(desk, FRONT_DESK);
  await desk.getByLabel("First name").fill(canary.firstName);
  await desk.getByLabel("Last name").fill(canary.lastName);
  await desk.getByLabel("Date of birth").fill("1979-03-04");
  await desk.getByLabel("Email (optional)").fill(canary.email);
  await desk.getByRole("button", { name: "Register patient" }).click();
  await desk.getByRole("link", { name: `Open ${canary.firstName} ${canary.lastName}` }).click();
  await expect(desk.getByRole("heading", { name: `${canary.firstName} ${canary.lastName}` })).toBeVisible();
  const patientId = new URL(desk.url()).pathname.split("/").pop()!;
  await desk.getByRole("button", { name: "Send intake link" }).click();
  const linkUrl = await desk.getByLabel(/Intake link \(works until/).inputValue();
  const token = linkUrl.split("/intake/")[1]!;
  await desk.goto("/clinic/patients");
  await desk.getByLabel("Find a patient").fill(canary.lastName);
  await expect(desk.getByRole("link", { name: new RegExp(canary.lastName) })).toBeVisible();
  // Error paths with the canary in the request: invalid input, malformed JSON, a duplicate-looking registration.
  expect(
    (
      await desk.request.post("/api/patients", {
        data: { firstName: `${canary.firstName}\u0000`, lastName: canary.lastName, dateOfBirth: "1979-02-30" },
      })
    ).status(),
  ).toBe(422);
  expect(
    (
      await desk.request.post("/api/patients", {
        headers: { "content-type": "application/json" },
        data: `{"firstName":"${canary.firstName}","lastName":`,
      })
    ).status(),
  ).toBe(422);
  // The same person again: refused as a likely duplicate, with the candidate in the body and nothing in the logs.
  expect(
    (
      await desk.request.post("/api/patients", {
        data: { firstName: canary.firstName, lastName: canary.lastName, dateOfBirth: "1979-03-04" },
      })
    ).status(),
  ).toBe(409);
  expect((await desk.request.get(`/api/patients/${patientId}/program`)).status()).toBe(403);

  // The patient fills the intake through the link (autosave API), with errors on the way, and submits.
  const patientContext = await newContext();
  const patientPage = await patientContext.newPage();
  await patientPage.goto(`/intake/${token}`);
  await expect(patientPage.getByRole("heading", { level: 2, name: "Your details" })).toBeVisible();
  const answers = COMPLETE_INITIAL_ANSWERS(canary.reason, `${canary.firstName} ${canary.lastName}`);
  answers.contact = { ...answers.contact, firstName: canary.firstName, lastName: canary.lastName };
  const api = patientContext.request;
  expect((await api.put(`/api/intake/${token}/draft`, { data: { answers, baseRevision: 0 } })).status()).toBe(200);
  expect((await api.put(`/api/intake/${token}/draft`, { data: { answers, baseRevision: 0 } })).status()).toBe(409);
  expect(
    (
      await api.put(`/api/intake/${token}/draft`, {
        data: { answers: { reason: { reason: `${canary.reason}\u0000` } }, baseRevision: 1 },
      })
    ).status(),
  ).toBe(422);
  const submitted = await api.post(`/api/intake/${token}/submit`, { data: { submissionKey: randomUUID() } });
  expect(submitted.status()).toBe(200);
  const { accountSetupToken } = ((await submitted.json()) as { submitted: { accountSetupToken: string } }).submitted;
  await patientPage.goto(`/intake/${token}`);
  expect(
    (
      await api.post("/api/intake/account", {
        data: { setupToken: accountSetupToken, email: canary.email, password: "short" },
      })
    ).status(),
  ).toBe(422);
  expect(
    (
      await api.post("/api/intake/account", {
        data: { setupToken: accountSetupToken, email: canary.email, password: "canary-password-long" },
      })
    ).status(),
  ).toBe(201);

  // The therapist reads the chart and the intake, acknowledges the red flag with a note, exports, prescribes.
  const therapist = await (await newContext()).newPage();
  await signIn(therapist, THERAPIST);
  await therapist.goto(`/clinic/patients/${patientId}`);
  await therapist.getByRole("link", { name: "Open intake" }).click();
  await expect(therapist.getByText(canary.reason)).toBeVisible();
  const intakeId = new URL(therapist.url()).pathname.split("/").pop()!;
  const flagNote = therapist.getByLabel(/^Note for/).first();
  await flagNote.fill("ok");
  await therapist.getByRole("button", { name: "Acknowledge" }).first().click();
  await expect(therapist.getByText(/Write a short note/)).toBeVisible();
  await flagNote.fill(canary.ackNote);
  await therapist.getByRole("button", { name: "Acknowledge" }).first().click();
  await expect(therapist.getByText(canary.ackNote)).toBeVisible();
  expect((await therapist.request.get(`/api/intakes/${intakeId}/fhir`)).status()).toBe(200);
  await therapist.goto(`/clinic/patients/${patientId}/progress`);
  await therapist.goto(`/clinic/patients/${randomUUID()}`);
  const { exercises } = (await (await therapist.request.get("/api/exercises")).json()) as {
    exercises: { id: string }[];
  };
  const program = await therapist.request.put(`/api/patients/${patientId}/program`, {
    data: {
      baseVersion: null,
      title: `Home program`,
      startDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      changeNote: `Started after ${canary.reason}`,
      items: [{ exerciseId: exercises[0]!.id, dosage: { kind: "reps", sets: 2, reps: 10, notes: canary.logNote } }],
    },
  });
  expect(program.status()).toBe(201);
  await therapist.goto(`/clinic/patients/${patientId}/exercises`);

  // The patient signs in (once with a wrong password), opens today's exercises and logs a session with a note.
  const portal = await (await newContext()).newPage();
  await signIn(portal, canary.email, "not-the-password");
  await expect(portal.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
  await signIn(portal, canary.email, "canary-password-long");
  await portal.goto("/portal/exercises");
  const { today } = (await (await portal.request.get("/api/me/exercises/today")).json()) as {
    today: { items: { itemId: string }[] };
  };
  const log = (extra: Record<string, unknown>) => ({
    logs: [
      {
        clientKey: randomUUID(),
        itemId: today.items[0]!.itemId,
        completed: true,
        performedAt: new Date().toISOString(),
        painBefore: 3,
        painAfter: 2,
        note: canary.logNote,
        ...extra,
      },
    ],
  });
  expect((await portal.request.post("/api/me/exercise-logs", { data: log({ painAfter: 11 }) })).status()).toBe(422);
  expect((await portal.request.post("/api/me/exercise-logs", { data: log({}) })).status()).toBe(201);
  await portal.goto("/portal/exercises/history");
  await portal.goto(`/portal/intakes/${intakeId}`);
  await expect(portal.getByText(canary.reason)).toBeVisible();

  // The admin looks up who opened the record: the audit log filtered by this patient.
  const admin = await (await newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/clinic/admin/audit");
  await admin.getByLabel("Patient", { exact: true }).fill(canary.lastName);
  await admin.getByRole("button", { name: new RegExp(canary.lastName) }).click();
  await admin.getByRole("button", { name: "Show events" }).click();
  await expect(admin.getByRole("row").filter({ hasText: "intake.read" }).first()).toBeVisible();

  for (const c of contexts) await c.close();
  // Let both servers' output reach the file.
  await new Promise((r) => setTimeout(r, 1000));

  const serverLog = readFileSync(state.logFile, "utf8");
  const needles = Object.values(canary).flatMap((v) => [v, v.split(" ")[0]!]);
  for (const needle of needles) {
    expect(serverLog.includes(needle), `server log contains ${needle}`).toBe(false);
    const inUrl = urls.filter((u) => {
      let decoded = u;
      try {
        decoded = decodeURIComponent(u.replace(/\+/g, " "));
      } catch {
        // keep the raw form
      }
      return u.includes(needle) || decoded.includes(needle);
    });
    expect(inUrl, `URLs containing ${needle}`).toEqual([]);
  }
  expect(urls.length).toBeGreaterThan(30);
});
