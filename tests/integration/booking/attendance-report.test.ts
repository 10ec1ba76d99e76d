import { describe, expect, it } from "vitest";
import { getAttendanceReport } from "@/lib/booking/attendance-report";
import { db } from "@/lib/db";
import type { AppointmentStatus } from "@/lib/generated/prisma/client";
import { createAppointmentType, createManyPatients } from "../../factories/booking";
import { actorFor, createClinic, createStaffActor, createUser } from "../../factories/index";

const DAY = 86_400_000;
const now = new Date("2026-11-20T15:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

type Visit = {
  therapist: "alice" | "bob";
  daysAgo: number;
  status: AppointmentStatus;
  late?: boolean;
  /** Reminders for the visit's final start: [channel, queued]. */
  reminders?: Array<["email" | "sms", boolean]>;
  /** A reminder queued for an earlier start (the visit was moved since). */
  remindedBeforeMove?: boolean;
};

// Hand-computed expectations below; the comments name the visits each figure counts.
const VISITS: Record<string, Visit> = {
  v1: {
    therapist: "alice",
    daysAgo: 5,
    status: "completed",
    reminders: [
      ["email", true],
      ["sms", true],
    ],
  },
  v2: { therapist: "alice", daysAgo: 10, status: "no_show", reminders: [["email", true]] },
  v3: { therapist: "alice", daysAgo: 12, status: "cancelled", late: true },
  v4: { therapist: "alice", daysAgo: 2, status: "checked_in", reminders: [["sms", true]] },
  v5: { therapist: "alice", daysAgo: 3, status: "cancelled", late: false, reminders: [["email", true]] },
  v6: { therapist: "bob", daysAgo: 20, status: "completed", reminders: [["sms", false]] },
  v7: { therapist: "bob", daysAgo: 25, status: "no_show", remindedBeforeMove: true },
  v8: { therapist: "bob", daysAgo: 1, status: "booked", reminders: [["email", true]] },
  v9: { therapist: "alice", daysAgo: 60, status: "no_show", reminders: [["email", true]] },
  v10: { therapist: "bob", daysAgo: 45, status: "completed" },
  v11: { therapist: "alice", daysAgo: 100, status: "no_show" },
  v12: { therapist: "bob", daysAgo: -2, status: "booked", reminders: [["email", true]] },
};

async function seedClinic() {
  const clinic = await createClinic();
  const alice = await createUser(clinic.id, "therapist", { name: "Alice Therapist" });
  const bob = await createUser(clinic.id, "therapist", { name: "Bob Therapist" });
  const type = await createAppointmentType(clinic.id, { durationMinutes: 30 });
  const entries = Object.entries(VISITS);
  const patients = await createManyPatients(clinic.id, entries.length);
  for (const [i, [, v]] of entries.entries()) {
    const therapist = v.therapist === "alice" ? alice : bob;
    const startsAt = daysAgo(v.daysAgo);
    const a = await db.appointment.create({
      data: {
        clinicId: clinic.id,
        therapistId: therapist.id,
        patientId: patients[i]!,
        appointmentTypeId: type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 30 * 60_000),
        status: v.status,
        lateCancellation: v.late ?? false,
        cancelledAt: v.status === "cancelled" ? startsAt : null,
        cancelReason: v.status === "cancelled" ? "patient called" : null,
        bookedById: therapist.id,
        bookedVia: "staff",
        createdAt: daysAgo(v.daysAgo + 7),
      },
    });
    for (const [channel, queued] of v.reminders ?? [])
      await db.appointmentReminder.create({
        data: { clinicId: clinic.id, appointmentId: a.id, startsAt, channel, hoursBefore: 24, queued },
      });
    if (v.remindedBeforeMove)
      await db.appointmentReminder.create({
        data: {
          clinicId: clinic.id,
          appointmentId: a.id,
          startsAt: new Date(startsAt.getTime() - DAY),
          channel: "email",
          hoursBefore: 24,
          queued: true,
        },
      });
  }
  return { clinic, alice, bob };
}

describe("attendance report", () => {
  it("counts per therapist and per reminder channel over 30 and 90 days, in the admin's clinic only", async () => {
    const { clinic, alice, bob } = await seedClinic();
    // Another clinic with a no-show in the period: must not count.
    const other = await seedClinic();
    expect(other.clinic.id).not.toBe(clinic.id);
    const admin = await createStaffActor(clinic.id, "admin");

    const [d30, d90] = await getAttendanceReport(admin, { now });
    expect(d30!.days).toBe(30);
    expect(d90!.days).toBe(90);

    // 30 days, Alice: attended v1 v4, no-show v2, late v3 (v5 early: not due) -> 4 due, 1/3 no-show, 1/4 late.
    // Bob: attended v6, no-show v7, unrecorded v8 -> 3 due, 1/2 no-show, 0 late.
    expect(d30!.byTherapist).toEqual([
      {
        key: alice.id,
        label: "Alice Therapist",
        figures: { visits: 4, noShows: 1, lateCancellations: 1, noShowRate: 1 / 3, lateCancellationRate: 1 / 4 },
      },
      {
        key: bob.id,
        label: "Bob Therapist",
        figures: { visits: 3, noShows: 1, lateCancellations: 0, noShowRate: 1 / 2, lateCancellationRate: 0 },
      },
    ]);
    expect(d30!.total).toEqual({
      visits: 7,
      noShows: 2,
      lateCancellations: 1,
      noShowRate: 2 / 5,
      lateCancellationRate: 1 / 7,
    });

    // By reminders actually queued for the final start: both v1; email v2 v8; text v4;
    // none v3 v5 (early, not due) v6 (text not queued) v7 (reminded only before its move).
    const byReminder = Object.fromEntries(d30!.byReminder.map((r) => [r.key, r.figures]));
    expect(byReminder).toEqual({
      both: { visits: 1, noShows: 0, lateCancellations: 0, noShowRate: 0, lateCancellationRate: 0 },
      email: { visits: 2, noShows: 1, lateCancellations: 0, noShowRate: 1, lateCancellationRate: 0 },
      text: { visits: 1, noShows: 0, lateCancellations: 0, noShowRate: 0, lateCancellationRate: 0 },
      none: { visits: 3, noShows: 1, lateCancellations: 1, noShowRate: 1 / 2, lateCancellationRate: 1 / 3 },
    });

    // 90 days adds v9 (Alice, no-show, email) and v10 (Bob, completed, none); v11 (100 days) and v12 (future) never count.
    expect(d90!.byTherapist.map((r) => r.figures)).toEqual([
      { visits: 5, noShows: 2, lateCancellations: 1, noShowRate: 2 / 4, lateCancellationRate: 1 / 5 },
      { visits: 4, noShows: 1, lateCancellations: 0, noShowRate: 1 / 3, lateCancellationRate: 0 },
    ]);
    expect(d90!.total).toEqual({
      visits: 9,
      noShows: 3,
      lateCancellations: 1,
      noShowRate: 3 / 7,
      lateCancellationRate: 1 / 9,
    });
    expect(d90!.byReminder.find((r) => r.key === "email")!.figures.visits).toBe(3);

    const audit = await db.auditEvent.findFirst({
      where: { clinicId: clinic.id, action: "attendance_report.view" },
      select: { actorId: true },
    });
    expect(audit?.actorId).toBe(admin.userId);
  });

  it("is for the clinic's admins only", async () => {
    const { clinic } = await seedClinic();
    for (const role of ["therapist", "front_desk"] as const)
      await expect(getAttendanceReport(await createStaffActor(clinic.id, role), { now })).rejects.toMatchObject({
        code: "forbidden",
      });
    const patientUser = await createUser(clinic.id, "patient");
    await expect(getAttendanceReport(await actorFor(patientUser), { now })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
