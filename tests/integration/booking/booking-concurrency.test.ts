import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { db } from "@/lib/db";
import {
  createAppointmentType,
  createManyPatients,
  futureMonday,
  giveWeekdayHours,
  jsonRequest,
  localInstant,
  asRoute,
} from "../../factories/booking";
import { createClinicWithPeople } from "../../factories";

let frontDesk: Actor;
let clinicId: string;
let therapistId: string;

const book = (actor: Actor) => asRoute((req: Request) => bookingHandlers.book(actor, req));

beforeAll(async () => {
  const people = await createClinicWithPeople();
  frontDesk = people.frontDesk;
  clinicId = people.clinic.id;
  therapistId = people.therapist.userId;
  await giveWeekdayHours(clinicId, therapistId);
});

async function overlapsInDatabase(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM "Appointment" a JOIN "Appointment" b
      ON a."therapistId" = b."therapistId" AND a."id" < b."id"
     AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")
    WHERE a."status" IN ('booked','checked_in','completed') AND b."status" IN ('booked','checked_in','completed')`;
  return Number(row!.n);
}

describe("no double booking under load", () => {
  it("200 concurrent requests for the same slot: exactly one 201, 199 409s with fresh slots, no 5xx", async () => {
    const type = await createAppointmentType(clinicId, { durationMinutes: 45, bufferAfterMinutes: 15 });
    const patients = await createManyPatients(clinicId, 200);
    const startsAt = localInstant(futureMonday(), "10:00").toISOString();
    const handler = book(frontDesk);
    const responses = await Promise.all(
      patients.map((patientId) =>
        handler(
          jsonRequest(
            "POST",
            { appointmentTypeId: type.id, therapistId, patientId, startsAt },
            { "idempotency-key": randomUUID() },
          ),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);

    const loser = await responses.find((r) => r.status === 409)!.json();
    expect(loser.error.message).toBe("That time was just taken. Please choose another time.");
    expect(Array.isArray(loser.error.freshSlots)).toBe(true);
    expect(loser.error.freshSlots.length).toBeGreaterThan(0);
    // The taken time is not offered again.
    expect(loser.error.freshSlots.some((s: { start: string }) => s.start === startsAt)).toBe(false);

    const booked = await db.appointment.count({ where: { clinicId, appointmentTypeId: type.id } });
    expect(booked).toBe(1);
  }, 120_000);

  it("50 concurrent requests of different lengths overlapping one window leave zero overlaps", async () => {
    const types = await Promise.all(
      [
        [15, 0],
        [30, 10],
        [45, 15],
        [60, 0],
        [90, 30],
      ].map(([d, b]) => createAppointmentType(clinicId, { durationMinutes: d, bufferAfterMinutes: b })),
    );
    const patients = await createManyPatients(clinicId, 50);
    const day = futureMonday(undefined, 3);
    const handler = book(frontDesk);
    const responses = await Promise.all(
      patients.map((patientId, i) =>
        handler(
          jsonRequest(
            "POST",
            {
              appointmentTypeId: types[i % types.length]!.id,
              therapistId,
              patientId,
              // Starts spread over 13:00-14:45 in 15-minute steps: every request overlaps several others.
              startsAt: localInstant(
                day,
                `${13 + Math.floor((i % 8) / 4)}:${String((i % 4) * 15).padStart(2, "0")}`,
              ).toISOString(),
            },
            { "idempotency-key": randomUUID() },
          ),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(await overlapsInDatabase()).toBe(0);
  }, 120_000);

  it("a raw overlapping INSERT is refused by the database itself (therapist and patient), cancelled rows free the time", async () => {
    const type = await createAppointmentType(clinicId);
    const [p1, p2] = await createManyPatients(clinicId, 2);
    const day = futureMonday(undefined, 4);
    const insert = (patientId: string, start: string, end: string, status = "booked") => db.$executeRaw`
      INSERT INTO "Appointment" ("id","clinicId","therapistId","patientId","appointmentTypeId","startsAt","endsAt","blockedUntil","status","bookedById","bookedVia","updatedAt","cancelledAt","cancelReason")
      VALUES (${randomUUID()}::uuid, ${clinicId}::uuid, ${therapistId}::uuid, ${patientId}::uuid, ${type.id}::uuid,
              ${localInstant(day, start)}, ${localInstant(day, end)}, ${localInstant(day, end)}, ${status}::"AppointmentStatus",
              ${frontDesk.userId}::uuid, 'staff', now(),
              ${status === "cancelled" ? new Date() : null}, ${status === "cancelled" ? "test" : null})`;
    await insert(p1!, "09:00", "10:00");
    await expect(insert(p2!, "09:30", "10:30")).rejects.toThrow(/Appointment_therapist_no_overlap|23P01/);
    // Back to back is fine: ranges are half-open.
    await expect(insert(p2!, "10:00", "11:00")).resolves.toBe(1);
    // The same patient cannot be in two places: another therapist is irrelevant, the patient's range is.
    const other = await db.user.create({
      data: { clinicId, role: "therapist", email: `t-${randomUUID()}@test.example`, name: "Other" },
    });
    await expect(db.$executeRaw`
      INSERT INTO "Appointment" ("id","clinicId","therapistId","patientId","appointmentTypeId","startsAt","endsAt","blockedUntil","bookedById","bookedVia","updatedAt")
      VALUES (${randomUUID()}::uuid, ${clinicId}::uuid, ${other.id}::uuid, ${p1}::uuid, ${type.id}::uuid,
              ${localInstant(day, "09:15")}, ${localInstant(day, "09:45")}, ${localInstant(day, "09:45")}, ${frontDesk.userId}::uuid, 'staff', now())`).rejects.toThrow(
      /Appointment_patient_no_overlap|23P01/,
    );
    // A cancelled appointment holds no time.
    await insert(p2!, "14:00", "15:00", "cancelled");
    await expect(insert(p1!, "14:00", "15:00")).resolves.toBe(1);
    expect(await overlapsInDatabase()).toBe(0);
  });

  it("retries and double clicks with one idempotency key create exactly one appointment", async () => {
    const type = await createAppointmentType(clinicId, { durationMinutes: 30 });
    const [patientId] = await createManyPatients(clinicId, 1);
    const key = randomUUID();
    const body = {
      appointmentTypeId: type.id,
      therapistId,
      patientId,
      startsAt: localInstant(futureMonday(undefined, 5), "11:00").toISOString(),
    };
    const handler = book(frontDesk);
    // Ten at once (a double click, a flaky network) and then a late retry.
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => handler(jsonRequest("POST", body, { "idempotency-key": key }))),
    );
    const retry = await handler(jsonRequest("POST", body, { "idempotency-key": key }));
    const all = [...burst, retry];
    expect(all.map((r) => r.status)).toEqual(Array(11).fill(201));
    const ids = new Set(await Promise.all(all.map(async (r) => (await r.json()).appointment.id as string)));
    expect(ids.size).toBe(1);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await db.appointment.count({ where: { patientId } })).toBe(1);
    // One confirmation email, not eleven.
    expect(await db.outboxMessage.count({ where: { patientId, kind: "appointment.confirmation" } })).toBe(1);

    const reused = await handler(
      jsonRequest(
        "POST",
        { ...body, startsAt: localInstant(futureMonday(undefined, 5), "15:00").toISOString() },
        { "idempotency-key": key },
      ),
    );
    expect(reused.status).toBe(422);
    const missing = await handler(jsonRequest("POST", body));
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.fieldErrors._form[0]).toMatch(/Idempotency-Key/);
  });
});
