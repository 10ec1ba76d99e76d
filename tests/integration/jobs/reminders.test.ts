import { describe, expect, it } from "vitest";
import { enqueueDueReminders, runReminderPass } from "@/lib/booking/reminders";
import { db } from "@/lib/db";
import { clinicWithVisits, remindersOf } from "../../factories/reminders";

const HOUR = 3_600_000;
const inHours = (now: Date, h: number) => new Date(now.getTime() + h * HOUR);

function countBy(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

// Hundreds of visits per test: slow on a loaded machine, and these tests are about counts, not speed.
describe("reminder pass", { timeout: 120_000 }, () => {
  it("queues a reminder for each of 900 due visits in one pass, not only the earliest 500", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(900, { from: inHours(now, 1), to: inHours(now, 20) });
    await runReminderPass({ now });
    const queued = await remindersOf(clinic.id);
    expect(queued).toHaveLength(900);
    expect(new Set(queued.map((r) => r.appointmentId))).toEqual(new Set(appointments.map((a) => a.id)));
    // Every visit remembers its reminder, so the next pass has nothing to read.
    expect(await db.appointment.count({ where: { clinicId: clinic.id, reminderQueuedFor: null } })).toBe(0);
    await runReminderPass({ now: new Date(now.getTime() + 60_000) });
    expect(await remindersOf(clinic.id)).toHaveLength(900);
  });

  it("queues nothing before a visit's reminder time, using each clinic's own lead", async () => {
    const now = new Date();
    // A 2-hour lead: of visits 1 h and 5 h away, only the first is due.
    const { clinic, appointments } = await clinicWithVisits(
      2,
      { from: inHours(now, 1), to: inHours(now, 9) },
      { reminderLeadHours: 2 },
    );
    await runReminderPass({ now });
    expect((await remindersOf(clinic.id)).map((r) => r.appointmentId)).toEqual([appointments[0]!.id]);
    await runReminderPass({ now: inHours(now, 3.5) });
    expect((await remindersOf(clinic.id)).map((r) => r.appointmentId).sort()).toEqual(
      appointments.map((a) => a.id).sort(),
    );
  });

  it("queues each reminder exactly once when passes on several servers run at the same time", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(
      600,
      { from: inHours(now, 1), to: inHours(now, 20) },
      { therapists: 3 },
    );
    const passes = await Promise.all([
      runReminderPass({ now, batchSize: 40 }),
      runReminderPass({ now, batchSize: 40 }),
      runReminderPass({ now, batchSize: 40 }),
    ]);
    // A pass may stop early when the rest is held by another one; a later pass picks up anything left.
    passes.push(await runReminderPass({ now, batchSize: 40 }));
    const queued = await remindersOf(clinic.id);
    expect(queued).toHaveLength(600);
    expect([...countBy(queued.map((r) => r.appointmentId)).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(queued.map((r) => r.appointmentId)).size).toBe(appointments.length);
    // No visit was claimed by two passes.
    expect(passes.reduce((sum, p) => sum + p.marked, 0)).toBe(600);
  });

  it("gives a moved visit a fresh reminder, a cancelled one none, and skips a visit booked after its reminder time", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(3, { from: inHours(now, 2), to: inHours(now, 8) });
    const [moved, cancelled, lateBooked] = appointments as [
      (typeof appointments)[0],
      (typeof appointments)[0],
      (typeof appointments)[0],
    ];
    await db.appointment.update({
      where: { id: cancelled.id },
      data: { status: "cancelled", cancelledAt: now, cancelReason: "patient called" },
    });
    // Booked one hour ago for a visit 6 hours away: its 24-hour reminder time had already passed.
    await db.appointment.update({ where: { id: lateBooked.id }, data: { createdAt: inHours(now, -1) } });
    await runReminderPass({ now });
    expect((await remindersOf(clinic.id)).map((r) => r.appointmentId)).toEqual([moved.id]);

    const newStart = inHours(now, 10);
    await db.appointment.update({
      where: { id: moved.id },
      data: {
        startsAt: newStart,
        endsAt: new Date(newStart.getTime() + 1000),
        blockedUntil: new Date(newStart.getTime() + 1000),
      },
    });
    await runReminderPass({ now: new Date(now.getTime() + 60_000) });
    const afterMove = await remindersOf(clinic.id);
    expect(afterMove.map((r) => r.appointmentId)).toEqual([moved.id, moved.id]);
    const keys = await db.outboxMessage.findMany({
      where: { clinicId: clinic.id, kind: "appointment.reminder" },
      select: { dedupeKey: true },
    });
    expect(keys.map((k) => k.dedupeKey).sort()).toEqual(
      [
        `appointment-reminder:${moved.id}:${moved.startsAt.toISOString()}`,
        `appointment-reminder:${moved.id}:${newStart.toISOString()}`,
      ].sort(),
    );
    // Still exactly those two after more passes.
    await runReminderPass({ now: new Date(now.getTime() + 120_000) });
    expect(await remindersOf(clinic.id)).toHaveLength(2);
  });

  it("keeps the outbox key as a second guard: a visit whose mark is lost gets no second copy", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(5, { from: inHours(now, 1), to: inHours(now, 5) });
    expect(await enqueueDueReminders(now)).toBeGreaterThanOrEqual(5);
    await db.appointment.updateMany({ where: { clinicId: clinic.id }, data: { reminderQueuedFor: null } });
    await runReminderPass({ now });
    expect(await remindersOf(clinic.id)).toHaveLength(appointments.length);
  });
});
