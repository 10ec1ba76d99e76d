import { randomBytes, randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-data";
import { sealSecret } from "../../../lib/auth/mfa-crypto";
import { hashRecoveryCode } from "../../../lib/auth/mfa-rules";
import { ARGON2_OPTIONS } from "../../../lib/auth/password-params";
import { DEFAULT_MONITORING_THRESHOLDS } from "../../../lib/episodes/monitoring-defaults";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { prismaFor } from "../../../scripts/db/prisma-client";
import { E2E_SECRET, readE2eState } from "../e2e-state";

/**
 * A clinic of its own for one security test: staff, two patients (B is the
 * canary whose data must never show up where it does not belong), and the
 * records every endpoint needs (a submitted intake with a red flag, an open
 * follow-up draft with its link, an exercise, a program, a template, an
 * appointment, a calendar feed). Tests that fuzz writes or count rows run in
 * it, so parallel tests in the demo clinic neither disturb them nor get
 * disturbed. Built through the JSON API where one exists (so the rows are what
 * the app itself writes); only accounts and booking set-up go straight to the
 * database.
 */
export type StaffRole = "admin" | "therapist" | "frontDesk";
export type ClinicPersona = StaffRole | "patientA" | "patientB";

export type IsolatedClinic = {
  clinicId: string;
  tag: string;
  canary: { patientBFirstName: string; patientBLastName: string; patientBReason: string; patientBEmail: string };
  ids: {
    patientA: string;
    patientB: string;
    submittedIntakeA: string;
    draftIntakeA: string;
    draftTokenA: string;
    submittedIntakeB: string;
    redFlagA: string;
    exercise: string;
    program: string;
    template: string;
    appointmentA: string;
    appointmentB: string;
    appointmentType: string;
    therapist: string;
    programItemA: string;
    /** Patient B's calendar feed, path only (the token in it is the credential). */
    calendarFeedPathB: string;
    /** Patient A's episode of care (opened from A's intake) and its payer authorisation. */
    episodeA: string;
    authorizationA: string;
  };
  /** Signed-in API clients, one per persona; `anonymous` has no session. */
  as: Record<ClinicPersona | "anonymous", APIRequestContext>;
  emails: Record<ClinicPersona, string>;
  /** Unused recovery codes for a staff persona's next sign-in. */
  recoveryCode(persona: StaffRole, index: number): string;
  prisma: PrismaClient;
  close(): Promise<void>;
};

const RECOVERY_CODES = 6;

/** "fzabc-12345": ten characters, not all digits (what the second step accepts as a recovery code). */
const recoveryCode = (tag: string, role: string, i: number) => {
  const body = `${role.slice(0, 2)}${tag}${i}`.padEnd(10, "x").slice(0, 10);
  return `${body.slice(0, 5)}-${body.slice(5)}`;
};

export async function signInWith(page: Page, email: string, code: string | null) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (code) {
    await page.waitForURL("**/sign-in/verify**");
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in") && url.pathname !== "/");
}

export const COMPLETE_INITIAL_ANSWERS = (reason: string, signature: string) => ({
  contact: { firstName: "Test", lastName: "Patient", dateOfBirth: "1980-05-05", phone: "207 555 0199", email: "" },
  reason: { reason, goals: "Lift my toddler again" },
  painMap: {
    nprsNow: 6,
    marks: [{ code: 218, intensity: 7, qualities: ["aching"], role: "origin", spreadFrom: null }],
  },
  history: { onsetAgo: "6_12_weeks", onsetType: "sudden", pattern: "intermittent", trend: "better", cause: "" },
  factors: { worse: ["sitting"], better: ["moving"] },
  treatments: { treatments: ["massage"] },
  redFlags: {
    saddleNumbness: "no",
    bladderBowel: "no",
    legWeakness: "no",
    // Same-day tier: raises a flag to acknowledge without blocking self-booking.
    cancerHistory: "yes",
    feverChills: "no",
    weightLoss: "no",
    nightPain: "no",
    trauma: "none",
    recentInfection: "no",
    ivDrugUse: "no",
    immuneSuppression: "no",
  },
  odi: { sections: [3, 2, 2, 1, 2, 2, 1, null, 2, 1] },
  startBack: { agree: [true, false, true, true, false, false, false, false], bothersome: "very_much" },
  psfs: {
    activities: [
      { activity: "Sitting at my desk", rating: 4 },
      { activity: "Lifting my toddler", rating: 2 },
      { activity: "Running", rating: 3 },
    ],
  },
  consent: { agreeTreatment: true, agreePrivacy: true, signatureName: signature },
});

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  expect(res.status(), `${what}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function submitThroughLink(api: APIRequestContext, token: string, answers: unknown) {
  await ok(await api.put(`/api/intake/${token}/draft`, { data: { answers, baseRevision: 0 } }), "save draft");
  await ok(await api.post(`/api/intake/${token}/submit`, { data: { submissionKey: randomUUID() } }), "submit");
}

export async function createIsolatedClinic(browser: Browser, label: string): Promise<IsolatedClinic> {
  const state = readE2eState();
  const prisma = prismaFor(state.databaseUrl);
  const tag = randomBytes(3).toString("hex");
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const clinic = await prisma.clinic.create({
    data: {
      name: `${label} clinic ${tag}`,
      address: "1 Test Street",
      phone: "555-0100",
      timeZone: "America/New_York",
      monitoringThresholds: { create: [...DEFAULT_MONITORING_THRESHOLDS] },
    },
  });
  const staff = {} as Record<StaffRole, { id: string; email: string }>;
  for (const [key, role] of [
    ["admin", "admin"],
    ["therapist", "therapist"],
    ["frontDesk", "front_desk"],
  ] as const) {
    const email = `${key.toLowerCase()}.${tag}@isolated.example`;
    const user = await prisma.user.create({
      data: {
        clinicId: clinic.id,
        email,
        name: `${key} ${tag}`,
        role,
        passwordHash,
        mfaSecret: sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", E2E_SECRET),
        mfaEnabledAt: new Date(),
      },
    });
    await prisma.mfaRecoveryCode.createMany({
      data: Array.from({ length: RECOVERY_CODES }, (_, i) => ({
        userId: user.id,
        codeHash: hashRecoveryCode(recoveryCode(tag, key, i)),
      })),
    });
    staff[key] = { id: user.id, email };
  }
  await prisma.bookingSettings.create({ data: { clinicId: clinic.id, minimumNoticeMinutes: 0 } });
  const type = await prisma.appointmentType.create({
    data: { clinicId: clinic.id, name: "Visit", durationMinutes: 30, colour: "#0f766e", onlineBookable: true },
  });
  await prisma.weeklyScheduleBlock.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      clinicId: clinic.id,
      therapistId: staff.therapist.id,
      weekday,
      kind: "work" as const,
      startMinute: 7 * 60,
      endMinute: 21 * 60,
    })),
  });
  const canary = {
    patientBFirstName: `Quillon${tag}`,
    patientBLastName: `Canarywhistle${tag}`,
    patientBReason: `Canary reason ${tag}: fell off the lighthouse stairs`,
    patientBEmail: `canary.${tag}@isolated.example`,
  };
  const patients = {} as Record<"patientA" | "patientB", { id: string; email: string }>;
  for (const key of ["patientA", "patientB"] as const) {
    const email = key === "patientB" ? canary.patientBEmail : `alpha.${tag}@isolated.example`;
    const [firstName, lastName] =
      key === "patientB" ? [canary.patientBFirstName, canary.patientBLastName] : [`Ada${tag}`, `Alpha${tag}`];
    const user = await prisma.user.create({
      data: { clinicId: clinic.id, email, name: `${firstName} ${lastName}`, role: "patient", passwordHash },
    });
    const patient = await prisma.patient.create({
      data: {
        clinicId: clinic.id,
        firstName,
        lastName,
        email,
        dateOfBirth: new Date("1980-05-05T00:00:00Z"),
        userId: user.id,
      },
    });
    patients[key] = { id: patient.id, email };
  }

  const contexts: Array<{ close(): Promise<void> }> = [];
  const as = {} as IsolatedClinic["as"];
  for (const persona of ["admin", "therapist", "frontDesk", "patientA", "patientB", "anonymous"] as const) {
    const context = await browser.newContext({ baseURL: state.baseUrl });
    contexts.push(context);
    if (persona !== "anonymous") {
      const page = await context.newPage();
      const isStaff = persona in staff;
      await signInWith(
        page,
        isStaff ? staff[persona as StaffRole].email : patients[persona as "patientA" | "patientB"].email,
        isStaff ? recoveryCode(tag, persona, 0) : null,
      );
      await page.close();
    }
    as[persona] = context.request;
  }

  // Intake: A has a submitted initial intake (with a red flag) and an open follow-up draft; B's intake is the canary.
  const link = async (patientId: string, kind: "initial" | "follow_up") =>
    (
      await ok<{ link: { url: string; intakeId: string } }>(
        await as.frontDesk.post(`/api/patients/${patientId}/intake-links`, { data: { kind } }),
        "send link",
      )
    ).link;
  const initialA = await link(patients.patientA.id, "initial");
  await submitThroughLink(as.anonymous, initialA.url.split("/intake/")[1]!, COMPLETE_INITIAL_ANSWERS("Low back", "A"));
  const initialB = await link(patients.patientB.id, "initial");
  await submitThroughLink(
    as.anonymous,
    initialB.url.split("/intake/")[1]!,
    COMPLETE_INITIAL_ANSWERS(canary.patientBReason, `${canary.patientBFirstName} ${canary.patientBLastName}`),
  );
  const followUpA = await link(patients.patientA.id, "follow_up");
  const redFlag = await prisma.redFlag.findFirstOrThrow({
    where: { clinicId: clinic.id, patientId: patients.patientA.id },
  });

  // Exercises: one library exercise, A's program and a template.
  const { exercise } = await ok<{ exercise: { id: string } }>(
    await as.therapist.post("/api/exercises", {
      data: {
        name: `Bird dog ${tag}`,
        summary: "Core control on hands and knees",
        bodyArea: "core",
        position: "hands_and_knees",
        equipment: [],
        targetMuscles: "erector spinae, gluteus maximus",
        steps: "Reach one arm forward\nReach the other leg back",
        cues: "",
        cautions: "",
        figureKey: null,
        defaultDosage: { kind: "reps", sets: 2, reps: 10 },
      },
    }),
    "create exercise",
  );
  const today = new Date().toISOString().slice(0, 10);
  const programBody = (patient: string) => ({
    baseVersion: null,
    title: `Program ${patient}`,
    startDate: today,
    endDate: null,
    items: [{ exerciseId: exercise.id, dosage: { kind: "reps", sets: 2, reps: 10 } }],
  });
  await ok(
    await as.therapist.put(`/api/patients/${patients.patientA.id}/program`, { data: programBody("A") }),
    "program A",
  );
  await ok(
    await as.therapist.put(`/api/patients/${patients.patientB.id}/program`, { data: programBody("B") }),
    "program B",
  );
  const { template } = await ok<{ template: { id: string } }>(
    await as.therapist.post("/api/program-templates", {
      data: {
        name: `Template ${tag}`,
        items: [{ exerciseId: exercise.id, dosage: { kind: "reps", sets: 1, reps: 5 } }],
      },
    }),
    "template",
  );
  const programA = await prisma.program.findFirstOrThrow({
    where: { clinicId: clinic.id, patientId: patients.patientA.id },
  });
  const itemA = await prisma.programItem.findFirstOrThrow({
    where: { clinicId: clinic.id, version: { programId: programA.id } },
  });

  // Booking: one appointment each, a few days ahead, booked by the front desk.
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await ok<{ slots: { start: string }[] }>(
    await as.frontDesk.get(`/api/booking/slots?${new URLSearchParams({ appointmentTypeId: type.id, from, to })}`),
    "slots",
  );
  const book = async (patientId: string, start: string) =>
    (
      await ok<{ appointment: { id: string } }>(
        await as.frontDesk.post("/api/booking/appointments", {
          headers: { "Idempotency-Key": randomUUID() },
          data: { appointmentTypeId: type.id, therapistId: staff.therapist.id, patientId, startsAt: start },
        }),
        "book",
      )
    ).appointment;
  const appointmentA = await book(patients.patientA.id, slots[0]!.start);
  const appointmentB = await book(patients.patientB.id, slots[4]!.start);
  const feed = await ok<{ url: string }>(await as.patientB.post("/api/booking/calendar-feed"), "calendar feed");
  // Yesterday in UTC is a past or current day in every zone the clinic may be in.
  const episodeStart = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const episodeA = await ok<{ id: string }>(
    await as.therapist.post(`/api/patients/${patients.patientA.id}/episodes`, {
      data: {
        intakeId: initialA.intakeId,
        reason: "Isolated clinic episode",
        visitsPerWeek: 2,
        weeks: 6,
        startDate: episodeStart,
      },
    }),
    "open episode",
  );
  const authorizationA = await ok<{ id: string }>(
    await as.frontDesk.post(`/api/episodes/${episodeA.id}/authorizations`, {
      data: { payerName: "Isolated Payer", visitsAuthorized: 12, validFrom: episodeStart, validUntil: "2199-12-31" },
    }),
    "authorisation",
  );

  return {
    clinicId: clinic.id,
    tag,
    canary,
    ids: {
      patientA: patients.patientA.id,
      patientB: patients.patientB.id,
      submittedIntakeA: initialA.intakeId,
      draftIntakeA: followUpA.intakeId,
      draftTokenA: followUpA.url.split("/intake/")[1]!,
      submittedIntakeB: initialB.intakeId,
      redFlagA: redFlag.id,
      exercise: exercise.id,
      program: programA.id,
      template: template.id,
      appointmentA: appointmentA.id,
      appointmentB: appointmentB.id,
      appointmentType: type.id,
      therapist: staff.therapist.id,
      programItemA: itemA.id,
      calendarFeedPathB: new URL(feed.url).pathname,
      episodeA: episodeA.id,
      authorizationA: authorizationA.id,
    },
    as,
    emails: {
      admin: staff.admin.email,
      therapist: staff.therapist.email,
      frontDesk: staff.frontDesk.email,
      patientA: patients.patientA.email,
      patientB: patients.patientB.email,
    },
    recoveryCode: (persona, index) => recoveryCode(tag, persona, index),
    prisma,
    async close() {
      for (const c of contexts) await c.close();
      await prisma.$disconnect();
    },
  };
}
