import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  calendarFeedStatus,
  createCalendarFeed,
  renderCalendarFeed,
  revokeCalendarFeed,
} from "@/lib/booking/calendar-feed";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { apiRoute } from "@/lib/http/respond";
import { listMyAppointments } from "@/lib/booking/list-my-appointments";
import { enqueueDueReminders } from "@/lib/booking/reminders";
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

type People = Awaited<ReturnType<typeof createClinicWithPeople>>;
let p: People;
let typeId: string;
const key = () => ({ "idempotency-key": randomUUID() });
type Ctx = ReturnType<typeof params>;
const call = {
  book: (actor: Actor, body: unknown) =>
    asRoute((req: Request) => bookingHandlers.book(actor, req))(jsonRequest("POST", body, key())),
  move: (actor: Actor, id: string, body: unknown) =>
    apiRoute((req: Request, ctx: Ctx) => bookingHandlers.move(actor, req, ctx))(jsonRequest("PATCH", body), params(id)),
  cancel: (actor: Actor, id: string, body: unknown) =>
    apiRoute((req: Request, ctx: Ctx) => bookingHandlers.cancel(actor, req, ctx))(
      jsonRequest("POST", body),
      params(id),
    ),
  status: (actor: Actor, id: string, body: unknown) =>
    apiRoute((req: Request, ctx: Ctx) => bookingHandlers.status(actor, req, ctx))(
      jsonRequest("POST", body),
      params(id),
    ),
};

async function bookFor(patientId: string, date: string, time: string) {
  const res = await call.book(p.frontDesk, {
    appointmentTypeId: typeId,
    therapistId: p.therapist.userId,
    patientId,
    startsAt: localInstant(date, time).toISOString(),
  });
  expect(res.status).toBe(201);
  return (await res.json()).appointment as { id: string; version: number; startsAt: string };
}

const icsOf = async (patientId: string, kind: string) => {
  const rows = await db.outboxMessage.findMany({ where: { patientId, kind }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => (r.attachments as Array<{ content: string }>)[0]!.content);
};

beforeAll(async () => {
  p = await createClinicWithPeople();
  await giveWeekdayHours(p.clinic.id, p.therapist.userId);
  typeId = (await createAppointmentType(p.clinic.id, { durationMinutes: 45, bufferAfterMinutes: 15 })).id;
});

describe("changing appointments", () => {
  it("compare-and-set: of two staff cancelling and moving at once, exactly one wins", async () => {
    const day = futureMonday(undefined, 2);
    const appt = await bookFor(p.patientA.patient.id, day, "09:00");
    const [cancel, move] = await Promise.all([
      call.cancel(p.frontDesk, appt.id, { expectedVersion: appt.version, reason: "Patient is unwell" }),
      call.move(p.admin, appt.id, {
        expectedVersion: appt.version,
        startsAt: localInstant(day, "11:00").toISOString(),
      }),
    ]);
    expect([cancel.status, move.status].sort()).toEqual([200, 409]);
    const loser = cancel.status === 409 ? cancel : move;
    expect((await loser.json()).error.message).toMatch(/Someone else changed this appointment|cannot be/);
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appt.id } });
    expect(row.version).toBe(2);

    // A stale version is refused even when the action itself would be allowed.
    const stale = await call.status(p.frontDesk, appt.id, { expectedVersion: 1, action: "check_in" });
    expect(stale.status).toBe(409);
  });

  it("moves keep the UID, bump SEQUENCE, and a cancellation sends METHOD:CANCEL; one occurrence only", async () => {
    const day = futureMonday(undefined, 3);
    const patientId = p.patientB.patient.id;
    const appt = await bookFor(patientId, day, "09:00");
    const moved = await call.move(p.frontDesk, appt.id, {
      expectedVersion: 1,
      startsAt: localInstant(day, "13:00").toISOString(),
    });
    expect(moved.status).toBe(200);
    expect((await moved.json()).appointment.startsAt).toBe(localInstant(day, "13:00").toISOString());
    const cancelled = await call.cancel(p.frontDesk, appt.id, {
      expectedVersion: 2,
      reason: "Clinic closed",
      initiatedBy: "clinic",
    });
    expect(cancelled.status).toBe(200);
    const body = (await cancelled.json()).appointment;
    expect(body.status).toBe("cancelled");
    expect(body.lateCancellation).toBe(false);

    const [confirm] = await icsOf(patientId, "appointment.confirmation");
    const [change] = await icsOf(patientId, "appointment.change");
    const [cancel] = await icsOf(patientId, "appointment.cancellation");
    const uid = `UID:appointment-${appt.id}@mend`;
    for (const ics of [confirm, change, cancel]) {
      expect(ics).toContain(uid);
      expect(ics).toContain("BEGIN:VTIMEZONE");
      expect(ics).toContain("TZID:America/New_York");
      expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    }
    expect(confirm).toContain("SEQUENCE:0");
    expect(confirm).toContain("METHOD:REQUEST");
    expect(change).toContain("SEQUENCE:1");
    expect(change).toContain("DTSTART;TZID=America/New_York:" + day.replaceAll("-", "") + "T130000");
    expect(cancel).toContain("SEQUENCE:2");
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
  });

  it("a patient's cancellation inside the window is recorded as late; moves online stop at the window", async () => {
    const me = p.patientA.actor;
    // Tomorrow's slot may be outside hours at night, so place it through the database directly 2 hours ahead.
    const start = new Date(Date.now() + 3 * 3_600_000);
    const soon = await db.appointment.create({
      data: {
        clinicId: p.clinic.id,
        therapistId: p.therapist.userId,
        patientId: me.patientId!,
        appointmentTypeId: typeId,
        startsAt: start,
        endsAt: new Date(start.getTime() + 45 * 60_000),
        blockedUntil: new Date(start.getTime() + 60 * 60_000),
        bookedById: p.frontDesk.userId,
        bookedVia: "staff",
      },
    });
    const mine = await listMyAppointments(me);
    const listed = mine.upcoming.find((a) => a.id === soon.id)!;
    expect(listed.canReschedule).toBe(false);
    expect(listed.cancelWouldBeLate).toBe(true);
    const move = await call.move(me, soon.id, {
      expectedVersion: 1,
      startsAt: localInstant(futureMonday(), "10:00").toISOString(),
    });
    expect(move.status).toBe(409);
    expect((await move.json()).error.message).toMatch(/call the clinic/);
    const cancel = await call.cancel(me, soon.id, { expectedVersion: 1, reason: "Car broke down" });
    expect(cancel.status).toBe(200);
    expect((await cancel.json()).appointment.lateCancellation).toBe(true);
    const noReason = await call.cancel(me, soon.id, { expectedVersion: 2 });
    expect(noReason.status).toBe(422);
  });

  it("status changes follow the rules: no no-show before the start; check in, then complete", async () => {
    const day = futureMonday(undefined, 4);
    const appt = await bookFor(p.patientA.patient.id, day, "15:00");
    const early = await call.status(p.frontDesk, appt.id, { expectedVersion: 1, action: "no_show" });
    expect(early.status).toBe(409);
    const unknown = await call.status(p.frontDesk, appt.id, { expectedVersion: 1, action: "teleport" });
    expect(unknown.status).toBe(422);
    // Move it to "now" in the database to check in and complete.
    const start = new Date(Date.now() - 10 * 60_000);
    await db.appointment.update({
      where: { id: appt.id },
      data: {
        startsAt: start,
        endsAt: new Date(start.getTime() + 45 * 60_000),
        blockedUntil: new Date(start.getTime() + 60 * 60_000),
      },
    });
    const checkIn = await call.status(p.frontDesk, appt.id, { expectedVersion: 1, action: "check_in" });
    expect(checkIn.status).toBe(200);
    const complete = await call.status(p.frontDesk, appt.id, { expectedVersion: 2, action: "complete" });
    expect((await complete.json()).appointment.status).toBe("completed");
    const cancelDone = await call.cancel(p.frontDesk, appt.id, { expectedVersion: 3, reason: "oops" });
    expect(cancelDone.status).toBe(409);
  });

  it("reminders: queued once when due, whatever the number of passes", async () => {
    const day = futureMonday(undefined, 5);
    const appt = await bookFor(p.patientB.patient.id, day, "10:00");
    const start = Date.parse(appt.startsAt);
    expect(await enqueueDueReminders(new Date(start - 49 * 3_600_000))).toBe(0);
    const due = new Date(start - 47 * 3_600_000);
    const first = await enqueueDueReminders(due);
    const second = await enqueueDueReminders(new Date(due.getTime() + 60_000));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBe(0);
    const reminders = await db.outboxMessage.findMany({
      where: { kind: "appointment.reminder", dedupeKey: { contains: appt.id } },
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.textBody).toContain("reminder");
  });

  it("a patient's calendar feed works with its secret token until revoked or replaced", async () => {
    const me = p.patientB.actor;
    const { url } = await createCalendarFeed(me);
    const token = url.split("/").pop()!;
    const origin = { ip: "203.0.113.9", userAgent: "calendar" };
    const ics = await renderCalendarFeed(token, origin);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("METHOD:PUBLISH");
    expect(await db.calendarFeed.count({ where: { tokenHash: token } })).toBe(0); // only a hash is stored
    const { url: url2 } = await createCalendarFeed(me);
    expect(await renderCalendarFeed(token, origin)).toBeNull();
    const token2 = url2.split("/").pop()!;
    expect(await renderCalendarFeed(token2, origin)).not.toBeNull();
    await revokeCalendarFeed(me);
    expect(await renderCalendarFeed(token2, origin)).toBeNull();
    expect((await calendarFeedStatus(me)).active).toBe(false);
    expect(await renderCalendarFeed("not-a-token", origin)).toBeNull();
  });

  it("slots: staff see every type and the patient's own times are excluded; patients only online-bookable types", async () => {
    const day = futureMonday(undefined, 6);
    await bookFor(p.patientA.patient.id, day, "09:00");
    const slots = asRoute((req: Request) => bookingHandlers.slots(p.patientA.actor, req));
    const res = await slots(
      new Request(`http://localhost/api/booking/slots?appointmentTypeId=${typeId}&from=${day}&to=${addDays(day, 1)}`),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.timeZone).toBe("America/New_York");
    expect(body.timeZoneName).toMatch(/Eastern/);
    const starts = body.slots.map((s: { start: string }) => s.start);
    expect(starts).not.toContain(localInstant(day, "09:00").toISOString());
    expect(starts).not.toContain(localInstant(day, "09:30").toISOString()); // the patient is busy until 9:45
    expect(starts).toContain(localInstant(day, "10:00").toISOString()); // therapist's buffer ends at 10:00
    const bad = await slots(
      new Request(`http://localhost/api/booking/slots?appointmentTypeId=${typeId}&from=${day}&to=2099-01-01`),
    );
    expect(bad.status).toBe(422);
  });
});
