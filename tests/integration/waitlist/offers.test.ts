import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { moveAppointment } from "@/lib/booking/move-appointment";
import { addScheduleOverride } from "@/lib/booking/therapist-schedules";
import { db } from "@/lib/db";
import { recordFreedTime } from "@/lib/waitlist/freed-times";
import { runOfferPass } from "@/lib/waitlist/offer-pass";
import { acceptWaitlistOffer, declineWaitlistOffer, viewWaitlistOffer } from "@/lib/waitlist/respond-to-offer";
import { createClinicWithPeople, createPatient } from "../../factories";
import { addDays } from "@/lib/time/calendar-rules";
import { createAppointmentType, futureMonday, giveWeekdayHours, localInstant } from "../../factories/booking";
import { createWaitingEntry, offerTokensFor } from "../../factories/waitlist-offers";

/** A Friday 10:00 in the clinic's zone before the freed Monday: offers are made by day (decision 086 holds overnight ones longer). */
const NOW = localInstant(addDays(futureMonday(), -3), "10:00");

const origin = { ip: "203.0.113.9", userAgent: "vitest" };

/** A clinic with a therapist's Monday 10:00-11:00 freed, and `n` patients waiting for a 45-minute visit. */
async function world(n: number, options: { offersAtOnce?: number } = {}) {
  const people = await createClinicWithPeople();
  const clinicId = people.clinic.id;
  const therapistId = people.therapist.userId;
  await giveWeekdayHours(clinicId, therapistId);
  await db.bookingSettings.create({
    data: { clinicId, waitlistOffersAtOnce: options.offersAtOnce ?? 3, waitlistHoldMinutes: 15 },
  });
  const type = await createAppointmentType(clinicId, { durationMinutes: 45, bufferAfterMinutes: 15 });
  const day = futureMonday();
  const startsAt = localInstant(day, "10:00");
  const patients = [];
  const entries = [];
  for (let i = 0; i < n; i++) {
    const patient = await createPatient(clinicId, { firstName: `Wait${i}` });
    patients.push(patient);
    entries.push(
      await createWaitingEntry(
        { clinicId, patientId: patient.id, appointmentTypeId: type.id, createdById: people.frontDesk.userId },
        { createdAt: new Date(Date.now() - (n - i) * 60_000) },
      ),
    );
  }
  const freeIt = async (key = `cancel:${randomUUID()}:${startsAt.toISOString()}`) => {
    await db.$transaction((tx) =>
      recordFreedTime(tx, { clinicId, therapistId, startsAt, endsAt: localInstant(day, "11:00"), sourceKey: key }),
    );
    return db.freedTime.findFirstOrThrow({ where: { clinicId, sourceKey: key } });
  };
  return { ...people, clinicId, therapistId, type, day, startsAt, patients, entries, freeIt };
}

describe("freed times", () => {
  it("a cancellation, a move and extra hours each record the time given up once, keyed by what freed it", async () => {
    const w = await world(0);
    const { appointment } = await bookAppointment(
      w.frontDesk,
      {
        appointmentTypeId: w.type.id,
        therapistId: w.therapistId,
        patientId: w.patientA.patient.id,
        startsAt: w.startsAt.toISOString(),
      },
      randomUUID(),
    );
    const moveTo = localInstant(w.day, "14:00");
    const moved = await moveAppointment(w.frontDesk, appointment.id, {
      startsAt: moveTo.toISOString(),
      expectedVersion: appointment.version,
    });
    await cancelAppointment(w.frontDesk, appointment.id, {
      reason: "Patient is unwell",
      initiatedBy: "patient",
      expectedVersion: moved.version,
    });
    const override = await addScheduleOverride(w.admin, {
      therapistId: w.therapistId,
      date: w.day,
      kind: "extra_hours",
      start: "18:00",
      end: "20:00",
    });
    const freed = await db.freedTime.findMany({ where: { clinicId: w.clinicId }, orderBy: { startsAt: "asc" } });
    expect(freed.map((f) => [f.sourceKey, f.startsAt.toISOString(), f.endsAt.toISOString(), f.status])).toEqual([
      [
        `move:${appointment.id}:${w.startsAt.toISOString()}`,
        w.startsAt.toISOString(),
        localInstant(w.day, "11:00").toISOString(),
        "open",
      ],
      [
        `cancel:${appointment.id}:${moveTo.toISOString()}`,
        moveTo.toISOString(),
        localInstant(w.day, "15:00").toISOString(),
        "open",
      ],
      [
        `extra:${override.id}`,
        localInstant(w.day, "18:00").toISOString(),
        localInstant(w.day, "20:00").toISOString(),
        "open",
      ],
    ]);
    // The same event seen again (a retry, a second server) adds nothing.
    await db.$transaction((tx) =>
      recordFreedTime(tx, {
        clinicId: w.clinicId,
        therapistId: w.therapistId,
        startsAt: w.startsAt,
        endsAt: w.startsAt,
        sourceKey: freed[0]!.sourceKey,
      }),
    );
    expect(await db.freedTime.count({ where: { clinicId: w.clinicId } })).toBe(3);
  });
});

describe("the offer pass", () => {
  it("offers the first matching entries up to offers-at-once, with a link by email; a second pass adds none", async () => {
    const w = await world(5);
    // The newest entry is urgent: it goes first.
    await db.waitlistEntry.update({ where: { id: w.entries[4]!.id }, data: { priority: "urgent" } });
    const freed = await w.freeIt();
    const first = await runOfferPass({ clinicId: w.clinicId, now: NOW });
    expect(first.offered).toBe(3);
    const offers = await db.waitlistOffer.findMany({ where: { freedTimeId: freed.id }, orderBy: { createdAt: "asc" } });
    expect(offers.map((o) => o.entryId).sort()).toEqual([w.entries[4]!.id, w.entries[0]!.id, w.entries[1]!.id].sort());
    expect(offers.every((o) => o.status === "pending" && o.startsAt.getTime() === w.startsAt.getTime())).toBe(true);
    expect(offers.every((o) => o.endsAt.getTime() === w.startsAt.getTime() + 45 * 60_000)).toBe(true);
    const statuses = await db.waitlistEntry.findMany({
      where: { clinicId: w.clinicId },
      select: { id: true, status: true },
    });
    expect(statuses.filter((e) => e.status === "offered")).toHaveLength(3);
    expect(await offerTokensFor(w.patients[4]!.id)).toHaveLength(1);
    // Only the hash is stored: the link's token is not in the database.
    const [token] = await offerTokensFor(w.patients[4]!.id);
    expect(offers.some((o) => o.tokenHash === token)).toBe(false);

    expect((await runOfferPass({ clinicId: w.clinicId, now: NOW })).offered).toBe(0);
    expect(await db.waitlistOffer.count({ where: { freedTimeId: freed.id } })).toBe(3);
  });

  it("expires offers past their hold (entries wait again) and offers the next patients", async () => {
    const w = await world(5);
    const freed = await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    const later = new Date(NOW.getTime() + 16 * 60_000);
    const pass = await runOfferPass({ clinicId: w.clinicId, now: later });
    expect(pass.expired).toBe(3);
    expect(pass.offered).toBe(2);
    const offers = await db.waitlistOffer.findMany({ where: { freedTimeId: freed.id } });
    expect(offers.filter((o) => o.status === "expired")).toHaveLength(3);
    const pendingEntries = offers
      .filter((o) => o.status === "pending")
      .map((o) => o.entryId)
      .sort();
    expect(pendingEntries).toEqual([w.entries[3]!.id, w.entries[4]!.id].sort());
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: w.entries[0]!.id } })).status).toBe("waiting");
    // An expired link says so.
    const [oldToken] = await offerTokensFor(w.patients[0]!.id);
    expect((await viewWaitlistOffer(oldToken!, later))?.state).toBe("expired");
  });

  it("closes a time under 2 hours away, and one somebody else booked (its held offers become taken)", async () => {
    const w = await world(2);
    const freed = await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    await bookAppointment(
      w.frontDesk,
      {
        appointmentTypeId: w.type.id,
        therapistId: w.therapistId,
        patientId: w.patientA.patient.id,
        startsAt: w.startsAt.toISOString(),
      },
      randomUUID(),
    );
    // Booked by a patient not on the waitlist: closed, not filled.
    expect((await db.freedTime.findUniqueOrThrow({ where: { id: freed.id } })).status).toBe("closed");
    const pass = await runOfferPass({ clinicId: w.clinicId, now: NOW });
    expect(pass.taken).toBe(2);
    expect(await db.waitlistEntry.count({ where: { clinicId: w.clinicId, status: "waiting" } })).toBe(2);
    expect(
      await db.outboxMessage.count({
        where: { kind: "waitlist.taken", patientId: { in: w.patients.map((p) => p.id) } },
      }),
    ).toBe(2);

    const soon = await world(1);
    const near = await soon.freeIt();
    const pass2 = await runOfferPass({ clinicId: soon.clinicId, now: new Date(soon.startsAt.getTime() - 90 * 60_000) });
    expect(pass2.offered).toBe(0);
    expect((await db.freedTime.findUniqueOrThrow({ where: { id: near.id } })).status).toBe("closed");
  });

  it("ends entries whose latest date has passed", async () => {
    const w = await world(1);
    await db.waitlistEntry.update({ where: { id: w.entries[0]!.id }, data: { latestDate: new Date("2020-01-01") } });
    expect((await runOfferPass({ clinicId: w.clinicId, now: NOW })).entriesEnded).toBe(1);
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: w.entries[0]!.id } })).status).toBe("expired");
  });
});

describe("answering an offer", () => {
  it("accepting books the visit, fills the time, ends the entry and tells the others it was taken", async () => {
    const w = await world(3);
    const freed = await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    const [token] = await offerTokensFor(w.patients[1]!.id);
    expect((await viewWaitlistOffer(token!, NOW))?.state).toBe("open");
    const result = await acceptWaitlistOffer(token!, origin, NOW);
    expect(result.state).toBe("accepted");
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id: result.appointmentId! } });
    expect(appointment).toMatchObject({
      patientId: w.patients[1]!.id,
      therapistId: w.therapistId,
      status: "booked",
      bookedVia: "waitlist",
      startsAt: w.startsAt,
      blockedUntil: new Date(w.startsAt.getTime() + 60 * 60_000),
    });
    expect(await db.freedTime.findUniqueOrThrow({ where: { id: freed.id } })).toMatchObject({
      status: "filled",
      filledAppointmentId: appointment.id,
    });
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: w.entries[1]!.id } })).toMatchObject({
      status: "booked",
      bookedAppointmentId: appointment.id,
    });
    const others = await db.waitlistOffer.findMany({
      where: { freedTimeId: freed.id, entryId: { not: w.entries[1]!.id } },
    });
    expect(others.map((o) => o.status)).toEqual(["taken", "taken"]);
    expect(await db.waitlistEntry.count({ where: { clinicId: w.clinicId, status: "waiting" } })).toBe(2);
    expect(
      await db.outboxMessage.count({
        where: { kind: "waitlist.taken", patientId: { in: [w.patients[0]!.id, w.patients[2]!.id] } },
      }),
    ).toBe(2);
    expect(
      await db.outboxMessage.count({ where: { kind: "appointment.confirmation", patientId: w.patients[1]!.id } }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "waitlist_offer.accept", recordId: appointment.id } })).toBe(1);

    // The other links now say it was taken; accepting one changes nothing.
    const [other] = await offerTokensFor(w.patients[0]!.id);
    expect((await viewWaitlistOffer(other!, NOW))?.state).toBe("taken");
    expect((await acceptWaitlistOffer(other!, origin, NOW)).state).toBe("taken");
    // Accepting the same link again answers the same, without a second booking.
    expect((await acceptWaitlistOffer(token!, origin, NOW)).state).toBe("accepted");
    expect(await db.appointment.count({ where: { clinicId: w.clinicId } })).toBe(1);
  });

  it("declining lets the time go to the next patient and keeps the patient waiting", async () => {
    const w = await world(2, { offersAtOnce: 1 });
    const freed = await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    const [token] = await offerTokensFor(w.patients[0]!.id);
    expect((await declineWaitlistOffer(token!, origin, NOW)).state).toBe("declined");
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: w.entries[0]!.id } })).status).toBe("waiting");
    expect((await runOfferPass({ clinicId: w.clinicId, now: NOW })).offered).toBe(1);
    const pending = await db.waitlistOffer.findFirstOrThrow({ where: { freedTimeId: freed.id, status: "pending" } });
    expect(pending.entryId).toBe(w.entries[1]!.id);
    expect((await acceptWaitlistOffer(token!, origin, NOW)).state).toBe("declined");
  });

  it("an expired link cannot book", async () => {
    const w = await world(1);
    await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    const [token] = await offerTokensFor(w.patients[0]!.id);
    const result = await acceptWaitlistOffer(token!, origin, new Date(NOW.getTime() + 20 * 60_000));
    expect(result.state).toBe("expired");
    expect(await db.appointment.count({ where: { clinicId: w.clinicId } })).toBe(0);
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: w.entries[0]!.id } })).status).toBe("waiting");
  });

  it("a patient with an unacknowledged emergency red flag is not offered, and cannot accept an offer made before it", async () => {
    const w = await world(2);
    await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    const [token] = await offerTokensFor(w.patients[1]!.id);
    const flag = async (clinicId: string, patientId: string) => {
      const intake = await db.intake.create({
        data: { clinicId, patientId, kind: "follow_up", formVersion: "test" },
      });
      await db.redFlag.create({
        data: {
          clinicId,
          patientId,
          intakeId: intake.id,
          ruleId: `test-${randomUUID()}`,
          tier: "emergency",
          label: "Test emergency flag",
          ruleVersion: "test",
        },
      });
    };
    await flag(w.clinicId, w.patients[1]!.id);
    await expect(acceptWaitlistOffer(token!, origin, NOW)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.appointment.count({ where: { clinicId: w.clinicId } })).toBe(0);

    const v = await world(2);
    await flag(v.clinicId, v.patients[0]!.id);
    await v.freeIt();
    await runOfferPass({ clinicId: v.clinicId, now: NOW });
    const offered = await db.waitlistOffer.findMany({ where: { clinicId: v.clinicId }, select: { entryId: true } });
    expect(offered.map((o) => o.entryId)).toEqual([v.entries[1]!.id]);
  });

  it("an offer whose hold ran out stays expired when another patient then takes the time", async () => {
    const w = await world(2);
    await w.freeIt();
    await runOfferPass({ clinicId: w.clinicId, now: NOW });
    const later = new Date(NOW.getTime() + 5 * 60_000);
    await db.waitlistOffer.updateMany({ where: { entryId: w.entries[0]!.id }, data: { expiresAt: later } });
    const after = new Date(later.getTime() + 60_000);
    const [winner] = await offerTokensFor(w.patients[1]!.id);
    expect((await acceptWaitlistOffer(winner!, origin, after)).state).toBe("accepted");
    await runOfferPass({ clinicId: w.clinicId, now: after });
    const [lapsed] = await offerTokensFor(w.patients[0]!.id);
    expect((await viewWaitlistOffer(lapsed!, after))?.state).toBe("expired");
    expect(await db.waitlistOffer.findFirstOrThrow({ where: { entryId: w.entries[0]!.id } })).toMatchObject({
      status: "expired",
    });
  });

  it("an unknown or malformed link is not found", async () => {
    await expect(acceptWaitlistOffer("A".repeat(43), origin)).rejects.toMatchObject({ code: "not_found" });
    await expect(declineWaitlistOffer("../etc", origin, NOW)).rejects.toMatchObject({ code: "not_found" });
    expect(await viewWaitlistOffer("A".repeat(43))).toBeNull();
  });
});

describe("a booking ends the patient's entries", () => {
  it("the front desk booking a waiting patient into a freed time fills it and ends the entry", async () => {
    const w = await world(1);
    const freed = await w.freeIt();
    const { appointment } = await bookAppointment(
      w.frontDesk,
      {
        appointmentTypeId: w.type.id,
        therapistId: w.therapistId,
        patientId: w.patients[0]!.id,
        startsAt: w.startsAt.toISOString(),
      },
      randomUUID(),
    );
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: w.entries[0]!.id } })).toMatchObject({
      status: "booked",
      bookedAppointmentId: appointment.id,
    });
    expect(await db.freedTime.findUniqueOrThrow({ where: { id: freed.id } })).toMatchObject({
      status: "filled",
      filledAppointmentId: appointment.id,
    });
  });
});
