import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time/calendar-rules";
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
let typeId: string;
const series = (actor: Actor) => asRoute((req: Request) => bookingHandlers.bookSeries(actor, req));
const book = (actor: Actor) => asRoute((req: Request) => bookingHandlers.book(actor, req));

beforeAll(async () => {
  const people = await createClinicWithPeople();
  frontDesk = people.frontDesk;
  clinicId = people.clinic.id;
  therapistId = people.therapist.userId;
  await giveWeekdayHours(clinicId, therapistId);
  typeId = (await createAppointmentType(clinicId, { durationMinutes: 45, bufferAfterMinutes: 15 })).id;
});

describe("plan-of-care series", () => {
  it("books 2 x week for 6 weeks (Mon/Thu 9:00) as twelve appointments in the clinic's zone", async () => {
    const [patientId] = await createManyPatients(clinicId, 1);
    const monday = futureMonday(undefined, 2);
    const res = await series(frontDesk)(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: typeId,
          therapistId,
          patientId,
          firstDate: monday,
          weekdays: [1, 4],
          time: "09:00",
          weeks: 6,
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.appointments).toHaveLength(12);
    expect(body.appointments[0].startsAt).toBe(localInstant(monday, "09:00").toISOString());
    expect(body.appointments[1].startsAt).toBe(localInstant(addDays(monday, 3), "09:00").toISOString());
    expect(body.appointments[11].startsAt).toBe(localInstant(addDays(monday, 38), "09:00").toISOString());
    expect(new Set(body.appointments.map((a: { seriesId: string }) => a.seriesId)).size).toBe(1);
    // One summary email with every visit in its calendar file.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { patientId, kind: "appointment.confirmation" } });
    const ics = (mail.attachments as Array<{ content: string }>)[0]!.content;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(12);
    expect(ics).toContain("DTSTART;TZID=America/New_York:");
  });

  it("books none when one date conflicts, lists the conflicting dates and offers alternatives", async () => {
    const [patientId, someoneElse] = await createManyPatients(clinicId, 2);
    const monday = futureMonday(undefined, 10);
    // Someone else already has the therapist on the second Thursday at 9:15.
    const blocker = await book(frontDesk)(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: typeId,
          therapistId,
          patientId: someoneElse,
          startsAt: localInstant(addDays(monday, 10), "09:15").toISOString(),
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(blocker.status).toBe(201);
    const before = await db.appointment.count({ where: { clinicId } });
    const res = await series(frontDesk)(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: typeId,
          therapistId,
          patientId,
          firstDate: monday,
          weekdays: [1, 4],
          time: "09:00",
          weeks: 6,
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.conflicts).toHaveLength(1);
    expect(body.error.conflicts[0].date).toBe(addDays(monday, 10));
    expect(body.error.conflicts[0].reason).toMatch(/therapist already has an appointment/);
    expect(body.error.conflicts[0].alternatives.length).toBeGreaterThan(0);
    expect(body.error.conflicts[0].alternatives[0].therapistId).toBe(therapistId);
    expect(await db.appointment.count({ where: { clinicId } })).toBe(before);
    expect(await db.appointmentSeries.count({ where: { patientId } })).toBe(0);
  });

  it("lists dates outside the therapist's hours and refuses the series whole", async () => {
    const [patientId] = await createManyPatients(clinicId, 1);
    const monday = futureMonday(undefined, 18);
    // Saturday (6) is not a working day.
    const res = await series(frontDesk)(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: typeId,
          therapistId,
          patientId,
          firstDate: monday,
          weekdays: [1, 6],
          time: "10:00",
          weeks: 2,
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.conflicts.map((c: { date: string }) => c.date)).toEqual([addDays(monday, 5), addDays(monday, 12)]);
    expect(await db.appointment.count({ where: { patientId } })).toBe(0);
  });

  it("is all-or-nothing even when a single booking races the series insert", async () => {
    const patients = await createManyPatients(clinicId, 21);
    const monday = futureMonday(undefined, 22);
    // Twenty single bookings aimed at the series' own dates race one series request.
    const singles = patients.slice(1).map((patientId, i) =>
      book(frontDesk)(
        jsonRequest(
          "POST",
          {
            appointmentTypeId: typeId,
            therapistId,
            patientId,
            startsAt: localInstant(addDays(monday, 7 * (i % 4) + (i % 2 ? 3 : 0)), "09:00").toISOString(),
          },
          { "idempotency-key": randomUUID() },
        ),
      ),
    );
    const seriesRes = series(frontDesk)(
      jsonRequest(
        "POST",
        {
          appointmentTypeId: typeId,
          therapistId,
          patientId: patients[0],
          firstDate: monday,
          weekdays: [1, 4],
          time: "09:00",
          weeks: 4,
        },
        { "idempotency-key": randomUUID() },
      ),
    );
    const [s, ...rest] = await Promise.all([seriesRes, ...singles]);
    expect([201, 409]).toContain(s!.status);
    expect(rest.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const seriesCount = await db.appointment.count({ where: { patientId: patients[0] } });
    expect(seriesCount === 0 || seriesCount === 8).toBe(true);
    expect(seriesCount === 8).toBe(s!.status === 201);
  });

  it("validates the request with field messages", async () => {
    const res = await series(frontDesk)(
      jsonRequest(
        "POST",
        { appointmentTypeId: typeId, therapistId, weekdays: [], time: "9am", weeks: 40 },
        { "idempotency-key": randomUUID() },
      ),
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["firstDate", "patientId", "time", "weekdays", "weeks"]);
  });
});
