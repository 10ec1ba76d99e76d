import { describe, expect, it } from "vitest";
import { enqueueDueReminders, runReminderPass } from "@/lib/booking/reminders";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time/calendar-rules";
import { futureMonday, localInstant } from "../../factories/booking";
import { clinicWithVisits, remindersOf } from "../../factories/reminders";

const HOUR = 3_600_000;
const inHours = (now: Date, h: number) => new Date(now.getTime() + h * HOUR);

function countBy(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

async function patientOf(appointmentId: string) {
  return (await db.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { patientId: true } }))
    .patientId;
}

/** The patient of the visit agreed to texts (at the front desk) and chose `channels`. */
async function textable(appointmentId: string, phone: string, channels: "text" | "both" = "both") {
  await db.patient.update({
    where: { id: await patientOf(appointmentId) },
    data: {
      phone,
      textConsentAt: new Date("2026-01-01T00:00:00Z"),
      textConsentSource: "front_desk",
      messageChannels: channels,
    },
  });
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
    // Every due reminder is claimed, so the next pass has nothing to queue.
    expect(await db.appointmentReminder.count({ where: { clinicId: clinic.id, channel: "email" } })).toBe(900);
    await runReminderPass({ now: new Date(now.getTime() + 60_000) });
    expect(await remindersOf(clinic.id)).toHaveLength(900);
  });

  it("queues nothing before a reminder's time, using each clinic's own schedule", async () => {
    const now = new Date();
    // An email 2 hours before: of visits 1 h and 5 h away, only the first is due.
    const { clinic, appointments } = await clinicWithVisits(
      2,
      { from: inHours(now, 1), to: inHours(now, 9) },
      { rules: [{ channel: "email", hoursBefore: 2 }] },
    );
    await runReminderPass({ now });
    expect((await remindersOf(clinic.id)).map((r) => r.appointmentId)).toEqual([appointments[0]!.id]);
    await runReminderPass({ now: inHours(now, 3.5) });
    expect((await remindersOf(clinic.id)).map((r) => r.appointmentId).sort()).toEqual(
      appointments.map((a) => a.id).sort(),
    );
  });

  it("uses the default schedule while the clinic has saved none: email 48 h, text 2 h before", async () => {
    const now = new Date();
    // Visits 1.5 h (both due), 3 h (email only) and 50 h (nothing yet) away.
    const { clinic, appointments } = await clinicWithVisits(3, { from: inHours(now, 1.5), to: inHours(now, 73.5) });
    const [soon, later, farOff] = appointments as [
      (typeof appointments)[0],
      (typeof appointments)[0],
      (typeof appointments)[0],
    ];
    expect(later.startsAt.getTime()).toBe(inHours(now, 25.5).getTime());
    await db.appointment.update({
      where: { id: farOff.id },
      data: { startsAt: inHours(now, 50), endsAt: inHours(now, 50.1), blockedUntil: inHours(now, 50.1) },
    });
    for (const a of appointments) await textable(a.id, `+1202555${String(appointments.indexOf(a)).padStart(4, "0")}`);
    await runReminderPass({ now });
    expect((await remindersOf(clinic.id, "email")).map((r) => r.appointmentId).sort()).toEqual(
      [soon.id, later.id].sort(),
    );
    expect((await remindersOf(clinic.id, "sms")).map((r) => r.appointmentId)).toEqual([soon.id]);
    await runReminderPass({ now: inHours(now, 2.5) });
    expect((await remindersOf(clinic.id, "email")).map((r) => r.appointmentId).sort()).toEqual(
      [soon.id, later.id, farOff.id].sort(),
    );
  });

  it("texts by the patient's choice and consent: email-only none, consented the 2 h text, opted-out none", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(4, { from: inHours(now, 1), to: inHours(now, 1.8) });
    const [emailOnly, consented, textOnly, optedOut] = appointments.map((a) => a.id) as [
      string,
      string,
      string,
      string,
    ];
    await textable(consented, "+12025550101");
    await textable(textOnly, "+12025550102", "text");
    await textable(optedOut, "+12025550103");
    await db.patient.update({
      where: { id: await patientOf(optedOut) },
      data: { textOptedOutAt: new Date("2026-02-01T00:00:00Z") },
    });
    // emailOnly: a number and consent, but the patient chose email only.
    await db.patient.update({
      where: { id: await patientOf(emailOnly) },
      data: { phone: "+12025550104", textConsentAt: new Date("2026-01-01T00:00:00Z"), messageChannels: "email" },
    });
    await runReminderPass({ now });

    const texts = await remindersOf(clinic.id, "sms");
    expect(texts.map((t) => t.appointmentId).sort()).toEqual([consented, textOnly].sort());
    expect(texts.find((t) => t.appointmentId === consented)!.to).toBe("+12025550101");
    const text = texts[0]!.text;
    expect(text).toContain("Reply C to confirm or R to cancel.");
    expect(text).toContain("/portal/appointments");
    expect(text).toContain(clinic.name);
    // Within 3 hours of the visit: no quiet-hours wait.
    expect(texts.every((t) => t.notBefore.getTime() === now.getTime())).toBe(true);
    // Email for everyone but the patient who chose text only (and can be texted).
    expect((await remindersOf(clinic.id, "email")).map((r) => r.appointmentId).sort()).toEqual(
      [emailOnly, consented, optedOut].sort(),
    );
    // Unreachable channels are claimed too (not looked at again) but marked as not queued.
    expect(await db.appointmentReminder.count({ where: { clinicId: clinic.id, channel: "sms", queued: false } })).toBe(
      2,
    );
  });

  it("holds a text due at 22:00 clinic time for a visit the next afternoon until 08:00", async () => {
    const zone = "America/Chicago";
    const monday = futureMonday(zone);
    const now = localInstant(monday, "22:00", zone);
    const visit = localInstant(addDays(monday, 1), "16:00", zone);
    const { clinic, appointments } = await clinicWithVisits(
      1,
      { from: visit, to: visit },
      { rules: [{ channel: "sms", hoursBefore: 18 }], timeZone: zone },
    );
    await textable(appointments[0]!.id, "+13125550199");
    await runReminderPass({ now: new Date(now.getTime() - 60_000) });
    expect(await remindersOf(clinic.id, "sms")).toHaveLength(0);
    await runReminderPass({ now });
    const [text] = await remindersOf(clinic.id, "sms");
    expect(text!.notBefore.toISOString()).toBe(localInstant(addDays(monday, 1), "08:00", zone).toISOString());
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
    // No reminder was claimed by two passes.
    const claims = await db.appointmentReminder.count({ where: { clinicId: clinic.id } });
    expect(passes.reduce((sum, p) => sum + p.marked, 0)).toBe(claims);
  });

  it("sends one message per rule when two passes race over visits due for an email and a text", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(
      60,
      { from: inHours(now, 1), to: inHours(now, 1.9) },
      {
        therapists: 3,
        rules: [
          { channel: "email", hoursBefore: 24 },
          { channel: "sms", hoursBefore: 2 },
        ],
      },
    );
    await db.patient.updateMany({
      where: { clinicId: clinic.id },
      data: { textConsentAt: new Date("2026-01-01T00:00:00Z"), messageChannels: "both" },
    });
    for (const [i, a] of appointments.entries())
      await db.patient.update({
        where: { id: await patientOf(a.id) },
        data: { phone: `+1202556${String(i).padStart(4, "0")}` },
      });
    await Promise.all([runReminderPass({ now, batchSize: 7 }), runReminderPass({ now, batchSize: 7 })]);
    await runReminderPass({ now });
    for (const channel of ["email", "sms"] as const) {
      const queued = await remindersOf(clinic.id, channel);
      expect(queued).toHaveLength(60);
      expect([...countBy(queued.map((r) => r.appointmentId)).values()].every((n) => n === 1)).toBe(true);
    }
  });

  it("gives a moved visit fresh reminders, a cancelled one none, and skips a visit booked after its reminder time", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(
      3,
      { from: inHours(now, 2), to: inHours(now, 8) },
      { rules: [{ channel: "email", hoursBefore: 24 }] },
    );
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
        `appointment-reminder:${moved.id}:${moved.startsAt.toISOString()}:email:24`,
        `appointment-reminder:${moved.id}:${newStart.toISOString()}:email:24`,
      ].sort(),
    );
    // Still exactly those two after more passes.
    await runReminderPass({ now: new Date(now.getTime() + 120_000) });
    expect(await remindersOf(clinic.id)).toHaveLength(2);
  });

  it("keeps the outbox key as a second guard: a visit whose claims are lost gets no second copy", async () => {
    const now = new Date();
    const { clinic, appointments } = await clinicWithVisits(5, { from: inHours(now, 1), to: inHours(now, 5) });
    expect(await enqueueDueReminders(now)).toBeGreaterThanOrEqual(5);
    await db.appointmentReminder.deleteMany({ where: { clinicId: clinic.id } });
    await runReminderPass({ now });
    expect(await remindersOf(clinic.id)).toHaveLength(appointments.length);
  });
});
