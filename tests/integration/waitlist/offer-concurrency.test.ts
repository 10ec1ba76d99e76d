import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordFreedTime } from "@/lib/waitlist/freed-times";
import { runOfferPass } from "@/lib/waitlist/offer-pass";
import { acceptWaitlistOffer } from "@/lib/waitlist/respond-to-offer";
import { createClinicWithPeople, createPatient } from "../../factories";
import { addDays } from "@/lib/time/calendar-rules";
import { createAppointmentType, futureMonday, giveWeekdayHours, localInstant } from "../../factories/booking";
import { createWaitingEntry, offerTokensFor } from "../../factories/waitlist-offers";

/** A Friday 10:00 in the clinic's zone before the freed Monday: offers are made by day (decision 086 holds overnight ones longer). */
const NOW = localInstant(addDays(futureMonday(), -3), "10:00");

async function clinicWithWaitlist(n: number, offersAtOnce: number) {
  const people = await createClinicWithPeople();
  const clinicId = people.clinic.id;
  const therapistId = people.therapist.userId;
  await giveWeekdayHours(clinicId, therapistId);
  await db.bookingSettings.create({ data: { clinicId, waitlistOffersAtOnce: offersAtOnce, waitlistHoldMinutes: 15 } });
  const type = await createAppointmentType(clinicId, { durationMinutes: 45, bufferAfterMinutes: 15 });
  const patientIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const patient = await createPatient(clinicId, { firstName: `Race${i}` });
    patientIds.push(patient.id);
    await createWaitingEntry({
      clinicId,
      patientId: patient.id,
      appointmentTypeId: type.id,
      createdById: people.frontDesk.userId,
    });
  }
  const day = futureMonday();
  const startsAt = localInstant(day, "10:00");
  await db.$transaction((tx) =>
    recordFreedTime(tx, {
      clinicId,
      therapistId,
      startsAt,
      endsAt: localInstant(day, "11:00"),
      sourceKey: "cancel:race",
    }),
  );
  const freed = await db.freedTime.findFirstOrThrow({ where: { clinicId, sourceKey: "cancel:race" } });
  return { clinicId, patientIds, freed };
}

describe("waitlist races", () => {
  it("50 patients accepting one freed time at the same moment: one booking, one accepted, 49 taken, no errors", async () => {
    const w = await clinicWithWaitlist(50, 50);
    expect((await runOfferPass({ clinicId: w.clinicId, now: NOW })).offered).toBe(50);
    const tokens = (await Promise.all(w.patientIds.map((id) => offerTokensFor(id)))).map((t) => t[0]!);
    expect(new Set(tokens).size).toBe(50);
    const settled = await Promise.allSettled(
      tokens.map((t) => acceptWaitlistOffer(t, { ip: null, userAgent: "race" }, NOW)),
    );
    const failures = settled.filter((s) => s.status === "rejected");
    expect(failures, String(failures.map((f) => (f as PromiseRejectedResult).reason))).toHaveLength(0);
    const states = settled.map((s) => (s as PromiseFulfilledResult<{ state: string }>).value.state);
    expect(states.filter((s) => s === "accepted")).toHaveLength(1);
    expect(states.filter((s) => s === "taken")).toHaveLength(49);
    expect(await db.appointment.count({ where: { clinicId: w.clinicId } })).toBe(1);
    const offers = await db.waitlistOffer.groupBy({ by: ["status"], where: { freedTimeId: w.freed.id }, _count: true });
    expect(Object.fromEntries(offers.map((o) => [o.status, o._count]))).toEqual({ accepted: 1, taken: 49 });
    expect((await db.freedTime.findUniqueOrThrow({ where: { id: w.freed.id } })).status).toBe("filled");
  }, 120_000);

  it("two offer passes at once never exceed offers-at-once, and no entry is offered twice", async () => {
    const w = await clinicWithWaitlist(10, 3);
    for (let round = 0; round < 4; round++) {
      const now = new Date(NOW.getTime() + round * 16 * 60_000);
      await Promise.all([runOfferPass({ clinicId: w.clinicId, now }), runOfferPass({ clinicId: w.clinicId, now })]);
      expect(
        await db.waitlistOffer.count({ where: { freedTimeId: w.freed.id, status: "pending" } }),
      ).toBeLessThanOrEqual(3);
    }
    const offers = await db.waitlistOffer.findMany({ where: { freedTimeId: w.freed.id }, select: { entryId: true } });
    // Rounds 0-3 expire the earlier holds and offer 3 new entries each time until all 10 were offered once.
    expect(offers).toHaveLength(10);
    expect(new Set(offers.map((o) => o.entryId)).size).toBe(10);
  }, 120_000);
});
