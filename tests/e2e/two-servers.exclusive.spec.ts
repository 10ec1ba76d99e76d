import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Page } from "@playwright/test";
import pg from "pg";
import { verifyAuditChain } from "../../lib/audit/audit-chain";
import { DEMO_CLINIC } from "../../prisma/seed/demo-data";
import { prismaFor } from "../../scripts/db/prisma-client";
import { E2E_SECRET } from "./e2e-state";
import { DEMO_STAFF, expect, expectAccessible, signIn, test } from "./fixtures";
import { startFreshApp, type FreshApp } from "./fresh-app";

/**
 * Two production servers, one Postgres (issue 10, item 8): what a clinic
 * running Mend behind a load balancer relies on. Both servers run every
 * background job, so the outbox, the reminder pass and the audit sealer race
 * each other for real. In the exclusive project so its two extra servers do
 * not compete for the CPU with the parallel specs; its database is its own.
 */

const firstPort = Number(process.env.E2E_PORT ?? 3100) + 10;
const ports = [firstPort, firstPort + 1];
const STORM = 40;
const DUE_REMINDERS = 12;
const HOUR = 3_600_000;

const frontDesk = DEMO_STAFF.find((s) => s.role === "front_desk")!;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://localhost:${ports[0]}` });

let app: FreshApp;
let ids: { followUpTypeId: string; therapistId: string; stormPatients: string[]; dueAppointments: string[] };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startFreshApp({
    ports,
    seed: true,
    // Before the servers start, so both servers' first reminder pass finds these visits due at once.
    prepare: async (databaseUrl) => {
      ids = await insertVisitsDueForReminders(databaseUrl);
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a session made on one server works on the other", async ({ page }) => {
  await signIn(page, frontDesk.email);
  await expect(page).toHaveURL(/\/clinic\/front-desk/);
  const [, serverB] = app.urls;

  await page.goto(`${serverB}/clinic/front-desk`);
  await expect(page).toHaveURL(`${serverB}/clinic/front-desk`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const types = await page.request.get(`${serverB}/api/booking/appointment-types`);
  expect(types.status()).toBe(200);
});

test("a same-slot booking storm split over both servers books exactly once", async ({ page }) => {
  await signIn(page, frontDesk.email);
  const slot = await freeSlot(page, 0);
  const responses = await Promise.all(
    ids.stormPatients.map((patientId, i) =>
      page.request.post(`${app.urls[i % 2]}/api/booking/appointments`, {
        data: { appointmentTypeId: ids.followUpTypeId, therapistId: ids.therapistId, patientId, startsAt: slot },
        headers: { "idempotency-key": randomUUID() },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(STORM - 1);

  const prisma = prismaFor(app.databaseUrl);
  try {
    const booked = await prisma.appointment.count({
      where: { therapistId: ids.therapistId, startsAt: new Date(slot), status: "booked" },
    });
    expect(booked).toBe(1);
  } finally {
    await prisma.$disconnect();
  }
});

test("every due reminder is queued once and every message is delivered once", async () => {
  const prisma = prismaFor(app.databaseUrl);
  try {
    // Both servers' reminder passes ran at start-up; both outbox workers deliver. The demo clinic's own
    // visits inside the default 48-hour email reminder get theirs too: count this test's visits.
    const due = new Set(ids.dueAppointments);
    const remindedDue = async () =>
      (
        await prisma.outboxMessage.findMany({
          where: { dedupeKey: { startsWith: "appointment-reminder:" } },
          select: { dedupeKey: true },
        })
      )
        .map((m) => m.dedupeKey!.split(":")[1]!)
        .filter((id) => due.has(id))
        .sort();
    await expect
      .poll(
        async () => ({
          reminders: (await remindedDue()).length,
          pending: await prisma.outboxMessage.count({ where: { status: "pending" } }),
        }),
        { timeout: 60_000 },
      )
      .toEqual({ reminders: DUE_REMINDERS, pending: 0 });
    // Each visit once (no duplicate from the two servers' racing passes), every one of them.
    expect(await remindedDue()).toEqual([...ids.dueAppointments].sort());

    const sent = await prisma.outboxMessage.findMany({ where: { status: "sent" }, select: { id: true } });
    const delivered = await prisma.devMailboxMessage.findMany({ select: { outboxId: true } });
    expect(sent.length).toBeGreaterThanOrEqual(DUE_REMINDERS + 1);
    expect(delivered.map((d) => d.outboxId).sort()).toEqual(sent.map((m) => m.id).sort());
    expect(await prisma.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
  } finally {
    await prisma.$disconnect();
  }
});

test("the audit chain both servers sealed verifies", async () => {
  const prisma = prismaFor(app.databaseUrl);
  try {
    // The sealers run every few seconds, one at a time across servers (advisory lock).
    await expect.poll(async () => (await verifyAuditChain(prisma, E2E_SECRET)).unsealed, { timeout: 30_000 }).toBe(0);
    const report = await verifyAuditChain(prisma, E2E_SECRET);
    expect(report.broken).toBeNull();
    expect(report.sealed).toBeGreaterThan(0);
  } finally {
    await prisma.$disconnect();
  }
});

test("on SIGTERM a server finishes the request in flight, refuses new ones, stops its jobs and pool, and exits", async ({
  page,
}) => {
  await signIn(page, frontDesk.email);
  const slot = await freeSlot(page, 1);
  const server = app.servers[1]!;
  const cookie = (await page.context().cookies(server.url)).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = JSON.stringify({
    appointmentTypeId: ids.followUpTypeId,
    therapistId: ids.therapistId,
    patientId: ids.stormPatients[STORM - 1],
    startsAt: slot,
  });

  // A request in flight: headers and half the body sent, the rest held back until the server has the signal.
  const request = http.request(`${server.url}/api/booking/appointments`, {
    method: "POST",
    headers: {
      cookie,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "idempotency-key": randomUUID(),
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
  });
  request.write(body.slice(0, body.length / 2));
  await expect.poll(() => requestStarted(request)).toBe(true);
  // Time for the server to read the headers; the "draining 1 request(s)" check below fails if it had not.
  await new Promise((r) => setTimeout(r, 500));

  server.process.kill("SIGTERM");
  await expect.poll(() => server.output()).toContain("[shutdown] SIGTERM: draining 1 request(s)");
  await expect
    .poll(() =>
      fetch(`${server.url}/api/health/live`).then(
        () => "answered",
        () => "refused",
      ),
    )
    .toBe("refused");

  request.end(body.slice(body.length / 2));
  expect((await response).status).toBe(201);

  // The requirement is 10 s; allow for a loaded CI machine without waiting forever.
  const exit = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 15_000))]);
  expect(exit).toBe(0);
  expect(server.output()).toContain("[shutdown] requests drained, jobs stopped, database pool closed");
  await expect.poll(() => connectionsOf(server.applicationName)).toBe(0);
  // The other server carries on.
  expect((await fetch(`${app.urls[0]}/api/health/ready`)).status).toBe(200);
});

/** The socket is connected and the headers are out: the server is reading the body. */
function requestStarted(request: http.ClientRequest): boolean {
  return request.headersSent && request.socket?.connecting === false;
}

/** The n-th free start time for the follow-up type with the storm's therapist, a few days out. */
async function freeSlot(page: Page, n: number): Promise<string> {
  const from = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10);
  const query = new URLSearchParams({ appointmentTypeId: ids.followUpTypeId, therapistId: ids.therapistId, from, to });
  const response = await page.request.get(`${app.urls[0]}/api/booking/slots?${query.toString()}`);
  expect(response.status()).toBe(200);
  const { slots } = (await response.json()) as { slots: Array<{ start: string }> };
  expect(slots.length).toBeGreaterThan(n);
  return slots[n]!.start;
}

async function connectionsOf(applicationName: string): Promise<number> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1",
      [applicationName],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/**
 * Visits whose reminder time has come, booked days ago (a visit booked inside
 * its reminder window gets no reminder: its confirmation just went out), with
 * their own therapist so they cannot collide with the demo calendar; plus the
 * storm's patients.
 */
async function insertVisitsDueForReminders(databaseUrl: string): Promise<typeof ids> {
  const prisma = prismaFor(databaseUrl);
  try {
    const clinic = await prisma.clinic.findFirstOrThrow({ where: { name: DEMO_CLINIC.name } });
    const followUp = await prisma.appointmentType.findFirstOrThrow({
      where: { clinicId: clinic.id, name: "Follow-up" },
    });
    const therapist = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@harborpoint.example" } });
    const desk = await prisma.user.findUniqueOrThrow({ where: { email: frontDesk.email } });
    const patients = await prisma.patient.createManyAndReturn({
      data: Array.from({ length: STORM + DUE_REMINDERS }, (_, i) => ({
        clinicId: clinic.id,
        firstName: "Two",
        lastName: `Servers${i}`,
        dateOfBirth: new Date("1990-01-01T00:00:00Z"),
        email: `two-servers-${i}@test.example`,
      })),
      select: { id: true },
    });
    const reminderTherapist = await prisma.user.create({
      data: {
        clinicId: clinic.id,
        email: "reminders.pt@harborpoint.example",
        name: "Rem Inder, PT",
        role: "therapist",
      },
    });
    const now = Date.now();
    const due = await prisma.appointment.createManyAndReturn({
      data: patients.slice(STORM).map((p, i) => {
        const startsAt = now + 2 * HOUR + i * HOUR;
        return {
          clinicId: clinic.id,
          therapistId: reminderTherapist.id,
          patientId: p.id,
          appointmentTypeId: followUp.id,
          startsAt: new Date(startsAt),
          endsAt: new Date(startsAt + followUp.durationMinutes * 60_000),
          blockedUntil: new Date(startsAt + (followUp.durationMinutes + followUp.bufferAfterMinutes) * 60_000),
          bookedById: desk.id,
          bookedVia: "staff",
          createdAt: new Date(now - 3 * 24 * HOUR),
        };
      }),
      select: { id: true },
    });
    return {
      followUpTypeId: followUp.id,
      therapistId: therapist.id,
      stormPatients: patients.slice(0, STORM).map((p) => p.id),
      dueAppointments: due.map((a) => a.id),
    };
  } finally {
    await prisma.$disconnect();
  }
}
