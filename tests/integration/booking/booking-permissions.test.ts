import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { saveAppointmentType } from "@/lib/booking/appointment-types";
import { updateBookingSettings } from "@/lib/booking/booking-settings";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { apiRoute } from "@/lib/http/respond";
import { addScheduleOverride, setWeeklyHours } from "@/lib/booking/therapist-schedules";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time/calendar-rules";
import {
  asRoute,
  createAppointmentType,
  futureMonday,
  giveWeekdayHours,
  jsonRequest,
  localInstant,
  params,
} from "../../factories/booking";
import { createClinicWithPeople } from "../../factories";

const redFlag = vi.hoisted(() => ({ patients: new Set<string>() }));
vi.mock("@/lib/intake/red-flag-status", () => ({
  hasUnacknowledgedEmergencyFlag: async (patientId: string) => redFlag.patients.has(patientId),
}));

type People = Awaited<ReturnType<typeof createClinicWithPeople>>;
let a: People;
let b: People;
let onlineType: string;
let staffOnlyType: string;
const monday = futureMonday(undefined, 3);
const key = () => ({ "idempotency-key": randomUUID() });
const book = (actor: Actor, body: unknown) =>
  asRoute((req: Request) => bookingHandlers.book(actor, req))(jsonRequest("POST", body, key()));

beforeAll(async () => {
  [a, b] = await Promise.all([createClinicWithPeople(), createClinicWithPeople()]);
  await giveWeekdayHours(a.clinic.id, a.therapist.userId, 9 * 60, 17 * 60, [12 * 60, 13 * 60]);
  onlineType = (await createAppointmentType(a.clinic.id, { durationMinutes: 45, onlineBookable: true })).id;
  staffOnlyType = (await createAppointmentType(a.clinic.id, { durationMinutes: 60, onlineBookable: false })).id;
});

describe("who may book what", () => {
  it("a patient books for themself, only online-bookable types, on the grid, after the minimum notice", async () => {
    const me = a.patientA.actor;
    const ok = await book(me, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      startsAt: localInstant(monday, "09:00").toISOString(),
    });
    expect(ok.status).toBe(201);
    expect((await ok.json()).appointment.patientId).toBe(me.patientId);

    const forOther = await book(me, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      patientId: a.patientB.patient.id,
      startsAt: localInstant(monday, "10:00").toISOString(),
    });
    expect(forOther.status).toBe(404);

    const staffOnly = await book(me, {
      appointmentTypeId: staffOnlyType,
      therapistId: a.therapist.userId,
      startsAt: localInstant(monday, "14:00").toISOString(),
    });
    expect(staffOnly.status).toBe(404);

    const offGrid = await book(me, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      startsAt: localInstant(monday, "14:07").toISOString(),
    });
    expect(offGrid.status).toBe(422);
    expect((await offGrid.json()).error.fieldErrors.startsAt[0]).toBe("Choose one of the times offered.");

    const inBreak = await book(me, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      startsAt: localInstant(monday, "11:30").toISOString(),
    });
    expect(inBreak.status).toBe(422);
    expect((await inBreak.json()).error.fieldErrors.startsAt[0]).toMatch(/outside the therapist's working hours/);

    const tooSoon = await book(me, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    expect(tooSoon.status).toBe(422);
  });

  it("the patient's own appointment at the same time is refused by the database with a clear message", async () => {
    const me = a.patientB.actor;
    const first = await book(me, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      startsAt: localInstant(monday, "15:00").toISOString(),
    });
    expect(first.status).toBe(201);
    const other = await db.user.create({
      data: { clinicId: a.clinic.id, role: "therapist", email: `t-${randomUUID()}@test.example`, name: "T2" },
    });
    await giveWeekdayHours(a.clinic.id, other.id);
    const clash = await book(a.frontDesk, {
      appointmentTypeId: onlineType,
      therapistId: other.id,
      patientId: me.patientId,
      startsAt: localInstant(monday, "15:15").toISOString(),
    });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.message).toMatch(/patient already has an appointment/);
  });

  it("therapists read the schedule but cannot book; another clinic's staff cannot reach these records", async () => {
    const body = {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      patientId: a.patientA.patient.id,
      startsAt: localInstant(monday, "16:00").toISOString(),
    };
    expect((await book(a.therapist, body)).status).toBe(403);
    expect((await book(b.frontDesk, body)).status).toBe(404);
    const cal = await asRoute((req: Request) => bookingHandlers.calendar(a.therapist, req))(
      new Request(`http://localhost/api/booking/calendar?date=${monday}&view=day`),
    );
    expect(cal.status).toBe(200);
    const { appointments } = await cal.json();
    // Minimum necessary: name, phone, intake and red-flag badges, nothing clinical.
    expect(Object.keys(appointments[0].patient).sort()).toEqual(["id", "name", "phone"]);
    const patientId = appointments[0].patient.id as string;
    expect(appointments[0].intake).toBe("not_done");

    // Once the patient's first intake is submitted, the badge says so.
    await db.intake.create({
      data: {
        clinicId: a.clinic.id,
        patientId,
        kind: "initial",
        status: "submitted",
        formVersion: "test",
        submittedAt: new Date(),
      },
    });
    const again = await asRoute((req: Request) => bookingHandlers.calendar(a.therapist, req))(
      new Request(`http://localhost/api/booking/calendar?date=${monday}&view=day`),
    );
    const after = (await again.json()).appointments.find(
      (x: { patient: { id: string } }) => x.patient.id === patientId,
    );
    expect(after.intake).toBe("done");
  });

  it("a patient cannot see, move or cancel another patient's appointment (404, not 403)", async () => {
    const res = await book(a.frontDesk, {
      appointmentTypeId: onlineType,
      therapistId: a.therapist.userId,
      patientId: a.patientB.patient.id,
      startsAt: localInstant(addDays(monday, 1), "09:00").toISOString(),
    });
    const { appointment } = await res.json();
    const cancel = await apiRoute((req: Request, ctx: ReturnType<typeof params>) =>
      bookingHandlers.cancel(a.patientA.actor, req, ctx),
    )(jsonRequest("POST", { expectedVersion: 1, reason: "not mine" }), params(appointment.id));
    expect(cancel.status).toBe(404);
    const move = await apiRoute((req: Request, ctx: ReturnType<typeof params>) =>
      bookingHandlers.move(a.patientA.actor, req, ctx),
    )(
      jsonRequest("PATCH", { expectedVersion: 1, startsAt: localInstant(addDays(monday, 1), "10:00").toISOString() }),
      params(appointment.id),
    );
    expect(move.status).toBe(404);
    const status = await apiRoute((req: Request, ctx: ReturnType<typeof params>) =>
      bookingHandlers.status(a.patientA.actor, req, ctx),
    )(jsonRequest("POST", { expectedVersion: 1, action: "check_in" }), params(appointment.id));
    expect(status.status).toBe(403);
    const cal = await asRoute((req: Request) => bookingHandlers.calendar(a.patientA.actor, req))(
      new Request(`http://localhost/api/booking/calendar?date=${monday}`),
    );
    expect(cal.status).toBe(403);
  });

  it("an unacknowledged emergency red flag blocks routine self-booking with a call-us message; staff can still book", async () => {
    const me = a.patientA.actor;
    redFlag.patients.add(me.patientId!);
    try {
      const res = await book(me, {
        appointmentTypeId: onlineType,
        therapistId: a.therapist.userId,
        startsAt: localInstant(addDays(monday, 2), "09:00").toISOString(),
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/Please call the clinic/);
      const staff = await book(a.frontDesk, {
        appointmentTypeId: onlineType,
        therapistId: a.therapist.userId,
        patientId: me.patientId,
        startsAt: localInstant(addDays(monday, 2), "09:00").toISOString(),
      });
      expect(staff.status).toBe(201);
    } finally {
      redFlag.patients.delete(me.patientId!);
    }
  });

  it("only admins change booking setup, and bad input gets field messages", async () => {
    await expect(updateBookingSettings(a.frontDesk, { bookingWindowDays: 30 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(saveAppointmentType(a.therapist, { name: "X" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setWeeklyHours(a.patientA.actor, { therapistId: a.therapist.userId, days: [] })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    await expect(
      updateBookingSettings(a.admin, {
        bookingWindowDays: 0,
        minimumNoticeMinutes: "x",
        lateCancellationHours: 24,
        slotStepMinutes: 15,
      }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { bookingWindowDays: [expect.any(String)], minimumNoticeMinutes: [expect.any(String)] },
    });
    await expect(
      setWeeklyHours(a.admin, {
        therapistId: a.therapist.userId,
        days: [{ weekday: 1, work: [{ start: "17:00", end: "09:00" }], breaks: [] }],
      }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "days.0.work.0.end": ["The end must be after the start."] },
    });
    await expect(
      addScheduleOverride(a.admin, { therapistId: b.therapist.userId, date: monday, kind: "time_off" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      saveAppointmentType(a.admin, {
        name: "Dry needling",
        durationMinutes: 30,
        bufferAfterMinutes: 10,
        colour: "#123abc",
        onlineBookable: "on",
      }),
    ).resolves.toMatchObject({ name: "Dry needling", onlineBookable: true, colour: "#123abc" });
  });
});
