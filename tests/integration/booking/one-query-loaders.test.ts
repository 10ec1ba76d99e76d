import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { bookingContext } from "@/lib/booking/booking-settings";
import { bookableType, findSlots, indexSlots, searchSlots } from "@/lib/booking/find-slots";
import { listTherapists } from "@/lib/booking/therapist-schedules";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time/calendar-rules";
import { createAppointmentType, futureMonday, giveWeekdayHours, localInstant } from "../../factories/booking";
import { createClinicWithPeople, createUser } from "../../factories";

/**
 * The slot search and a booking's checks each read everything in one
 * hand-written query (lib/booking/load-slot-search.ts, load-booking-facts.ts).
 * These tests hold them to the same answers and the same scoping as the
 * separate loaders they replaced.
 */
type People = Awaited<ReturnType<typeof createClinicWithPeople>>;
let a: People;
let b: People;
let onlineType: string;
let staffOnlyType: string;
let otherClinicType: string;
let second: { id: string };
let inactive: { id: string };
const monday = futureMonday(undefined, 2);
const from = monday;
const to = addDays(monday, 13);

async function appointment(clinic: People, therapistId: string, patientId: string, typeId: string, day: string) {
  const [date, time] = day.split(" ") as [string, string];
  const start = localInstant(date, time);
  return db.appointment.create({
    data: {
      clinicId: clinic.clinic.id,
      therapistId,
      patientId,
      appointmentTypeId: typeId,
      startsAt: start,
      endsAt: new Date(start.getTime() + 45 * 60_000),
      blockedUntil: new Date(start.getTime() + 60 * 60_000),
      bookedById: clinic.frontDesk.userId,
      bookedVia: "staff",
    },
  });
}

/** What the separate loaders answer for the same search: the reference. */
async function expected(actor: Actor, typeId: string, patientId: string | null, therapistId?: string) {
  const [{ clinic, settings }, type, therapists] = await Promise.all([
    bookingContext(actor.clinicId),
    bookableType(actor, typeId),
    listTherapists(actor.clinicId),
  ]);
  const chosen = therapistId ? therapists.filter((t) => t.id === therapistId) : therapists;
  const slots = await searchSlots({
    clinicId: actor.clinicId,
    timeZone: clinic.timeZone,
    settings,
    type,
    therapistIds: chosen.map((t) => t.id),
    from,
    to,
    audience: actor.role === "patient" ? "patient" : "staff",
    patientId,
    now: NOW,
  });
  return { therapists: chosen, slots: indexSlots(slots, chosen) };
}

const NOW = Date.now();
const status = async (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { status?: number }) => e.status ?? 500,
  );

beforeAll(async () => {
  [a, b] = await Promise.all([createClinicWithPeople(), createClinicWithPeople()]);
  second = await createUser(a.clinic.id, "therapist", { name: "Aaron Second" });
  inactive = await createUser(a.clinic.id, "therapist", { name: "Inactive Ida", active: false });
  await Promise.all([
    giveWeekdayHours(a.clinic.id, a.therapist.userId, 9 * 60, 17 * 60, [12 * 60, 13 * 60]),
    giveWeekdayHours(a.clinic.id, second.id, 8 * 60, 12 * 60),
    giveWeekdayHours(a.clinic.id, inactive.id),
    giveWeekdayHours(b.clinic.id, b.therapist.userId),
  ]);
  onlineType = (await createAppointmentType(a.clinic.id, { durationMinutes: 45, bufferAfterMinutes: 15 })).id;
  staffOnlyType = (await createAppointmentType(a.clinic.id, { durationMinutes: 30, onlineBookable: false })).id;
  otherClinicType = (await createAppointmentType(b.clinic.id, {})).id;
  await db.scheduleOverride.createMany({
    data: [
      // Time off all Tuesday, an afternoon off on Wednesday, a Saturday morning clinic.
      {
        clinicId: a.clinic.id,
        therapistId: a.therapist.userId,
        date: new Date(`${addDays(monday, 1)}T00:00:00Z`),
        kind: "time_off",
      },
      {
        clinicId: a.clinic.id,
        therapistId: a.therapist.userId,
        date: new Date(`${addDays(monday, 2)}T00:00:00Z`),
        kind: "time_off",
        startMinute: 13 * 60,
        endMinute: 17 * 60,
      },
      {
        clinicId: a.clinic.id,
        therapistId: second.id,
        date: new Date(`${addDays(monday, 5)}T00:00:00Z`),
        kind: "extra_hours",
        startMinute: 9 * 60,
        endMinute: 11 * 60,
      },
    ],
  });
  await appointment(a, a.therapist.userId, a.patientA.patient.id, onlineType, `${monday} 09:00`);
  await appointment(a, second.id, a.patientB.patient.id, onlineType, `${monday} 10:00`);
  await appointment(a, second.id, a.patientA.patient.id, onlineType, `${addDays(monday, 3)} 08:30`);
  const cancelled = await appointment(a, a.therapist.userId, a.patientB.patient.id, onlineType, `${monday} 14:00`);
  await db.appointment.update({
    where: { id: cancelled.id },
    data: { status: "cancelled", cancelledAt: new Date(), cancelReason: "test" },
  });
});

describe("the slot search's single query", () => {
  it("answers exactly what the separate loaders and the engine answer, for staff, a patient, and one therapist", async () => {
    const cases: Array<[Actor, string, string | null, string | undefined]> = [
      [a.frontDesk, onlineType, null, undefined],
      [a.frontDesk, staffOnlyType, null, undefined],
      [a.frontDesk, onlineType, a.patientA.patient.id, undefined],
      [a.frontDesk, onlineType, null, second.id],
      [a.admin, onlineType, a.patientB.patient.id, a.therapist.userId],
      [a.patientA.actor, onlineType, a.patientA.patient.id, undefined],
    ];
    for (const [actor, typeId, patientId, therapistId] of cases) {
      const got = await findSlots(
        actor,
        {
          appointmentTypeId: typeId,
          from,
          to,
          ...(therapistId ? { therapistId } : {}),
          ...(patientId && actor.role !== "patient" ? { patientId } : {}),
        },
        NOW,
      );
      const want = await expected(actor, typeId, patientId, therapistId);
      expect(got.therapists).toEqual(want.therapists);
      expect(got.slots).toEqual(want.slots);
      expect(got.slots.length).toBeGreaterThan(0);
    }
  });

  it("lists only the clinic's active therapists, by name, and honours overrides and cancellations", async () => {
    const got = await findSlots(a.frontDesk, { appointmentTypeId: onlineType, from, to }, NOW);
    expect(got.therapists.map((t) => t.id)).toEqual([second.id, a.therapist.userId]);
    const starts = (therapistId: string) => {
      const index = got.therapists.findIndex((t) => t.id === therapistId);
      return got.slots.filter((s) => s.therapistIndexes.includes(index)).map((s) => s.start);
    };
    const maya = starts(a.therapist.userId);
    expect(maya).not.toContain(localInstant(monday, "09:00").toISOString()); // booked
    expect(maya).toContain(localInstant(monday, "14:00").toISOString()); // cancelled: free again
    expect(maya.some((s) => s.startsWith(addDays(monday, 1)))).toBe(false); // whole day off
    expect(maya).not.toContain(localInstant(addDays(monday, 2), "14:00").toISOString()); // afternoon off
    expect(starts(second.id)).toContain(localInstant(addDays(monday, 5), "09:00").toISOString()); // Saturday clinic
  });

  it("scopes by the actor's clinic and role: 404 for another clinic's type, therapist or patient, or an inactive therapist", async () => {
    const q = { appointmentTypeId: onlineType, from, to };
    expect(await status(findSlots(a.frontDesk, { ...q, appointmentTypeId: otherClinicType }, NOW))).toBe(404);
    expect(await status(findSlots(a.frontDesk, { ...q, therapistId: b.therapist.userId }, NOW))).toBe(404);
    expect(await status(findSlots(a.frontDesk, { ...q, therapistId: inactive.id }, NOW))).toBe(404);
    expect(await status(findSlots(a.frontDesk, { ...q, patientId: b.patientA.patient.id }, NOW))).toBe(404);
    expect(await status(findSlots(a.patientA.actor, { ...q, appointmentTypeId: staffOnlyType }, NOW))).toBe(404);
    expect(await status(findSlots(b.frontDesk, q, NOW))).toBe(404);
    expect(await status(findSlots(b.frontDesk, { ...q, appointmentTypeId: otherClinicType }, NOW))).toBe(200);
  });
});

describe("a booking's single pre-check query", () => {
  const body = (over: Record<string, string> = {}) => ({
    appointmentTypeId: onlineType,
    therapistId: second.id,
    patientId: a.patientB.patient.id,
    startsAt: localInstant(addDays(monday, 4), "08:00").toISOString(),
    ...over,
  });
  const key = () => crypto.randomUUID();

  it("scopes by the actor's clinic: 404 for another clinic's type, therapist or patient, or an inactive therapist", async () => {
    expect(await status(bookAppointment(a.frontDesk, body({ appointmentTypeId: otherClinicType }), key()))).toBe(404);
    expect(await status(bookAppointment(a.frontDesk, body({ therapistId: b.therapist.userId }), key()))).toBe(404);
    expect(await status(bookAppointment(a.frontDesk, body({ therapistId: inactive.id }), key()))).toBe(404);
    expect(await status(bookAppointment(a.frontDesk, body({ patientId: b.patientA.patient.id }), key()))).toBe(404);
    expect(await status(bookAppointment(b.frontDesk, body(), key()))).toBe(404);
    expect(await status(bookAppointment(a.patientA.actor, body({ appointmentTypeId: staffOnlyType }), key()))).toBe(
      404,
    );
  });

  it("applies the therapist's hours and that date's overrides, then books and queues the confirmation", async () => {
    // Saturday: only the extra hours (9-11) count; Friday 12:00 is after this therapist's hours.
    const saturday = addDays(monday, 5);
    const late = body({ startsAt: localInstant(addDays(monday, 4), "12:00").toISOString() });
    expect(await status(bookAppointment(a.frontDesk, late, key()))).toBe(422);
    expect(
      await status(
        bookAppointment(a.frontDesk, body({ startsAt: localInstant(saturday, "08:00").toISOString() }), key()),
      ),
    ).toBe(422);
    const booked = await bookAppointment(
      a.frontDesk,
      body({ startsAt: localInstant(saturday, "09:00").toISOString() }),
      key(),
    );
    expect(booked.appointment.therapistId).toBe(second.id);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { patientId: a.patientB.patient.id, kind: "appointment.confirmation" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(mail)).toContain("Aaron Second");
    const stored = await db.bookingRequest.findFirstOrThrow({
      where: { userId: a.frontDesk.userId },
      orderBy: { createdAt: "desc" },
    });
    expect(stored.result).toEqual({ appointmentIds: [booked.appointment.id] });
  });

  it("answers the last representable dates without a server error", async () => {
    const last = await status(bookAppointment(a.frontDesk, body({ startsAt: "9999-12-31T15:00:00Z" }), key()));
    expect(last).toBeLessThan(500);
    const q = { appointmentTypeId: onlineType, from: "9999-12-30", to: "9999-12-31" };
    expect(await status(findSlots(a.frontDesk, q, NOW))).toBeLessThan(500);
  });
});
