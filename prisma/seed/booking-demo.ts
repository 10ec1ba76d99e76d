/**
 * Booking demo data: appointment types, both therapists' hours, a date
 * override or two, and a realistic week of appointments around today in the
 * clinic's zone (past ones completed, one no-show, one late cancellation).
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, instantOfLocal, todayIn, weekdayOf } from "../../lib/time/calendar-rules";
import type { SeededDemo } from "./demo-data";

export const DEMO_APPOINTMENT_TYPES = [
  { name: "Initial evaluation", durationMinutes: 60, bufferAfterMinutes: 15, colour: "#0f766e", onlineBookable: true },
  { name: "Follow-up", durationMinutes: 45, bufferAfterMinutes: 15, colour: "#1d4ed8", onlineBookable: true },
  { name: "Re-evaluation", durationMinutes: 30, bufferAfterMinutes: 10, colour: "#7e22ce", onlineBookable: false },
] as const;

const H = (h: number, m = 0) => h * 60 + m;

/** Maya: Mon-Fri 8-17 with lunch; Sam: Mon-Thu 10-19 with a short break, Saturday mornings. */
const HOURS: Record<
  string,
  Array<{ weekday: number; kind: "work" | "break"; startMinute: number; endMinute: number }>
> = {
  "maya.chen@harborpoint.example": [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, kind: "work" as const, startMinute: H(8), endMinute: H(17) },
    { weekday, kind: "break" as const, startMinute: H(12), endMinute: H(13) },
  ]),
  "sam.okafor@harborpoint.example": [
    ...[1, 2, 3, 4].flatMap((weekday) => [
      { weekday, kind: "work" as const, startMinute: H(10), endMinute: H(19) },
      { weekday, kind: "break" as const, startMinute: H(14), endMinute: H(14, 30) },
    ]),
    { weekday: 6, kind: "work" as const, startMinute: H(9), endMinute: H(13) },
  ],
};

/** A day's bookings per therapist: start time and type (index into DEMO_APPOINTMENT_TYPES). */
const DAY_PLAN: Record<string, Array<[number, number]>> = {
  "maya.chen@harborpoint.example": [
    [H(9), 0],
    [H(10, 15), 1],
    [H(13), 1],
    [H(14, 30), 1],
  ],
  "sam.okafor@harborpoint.example": [
    [H(10), 1],
    [H(11, 15), 2],
    [H(15), 1],
    [H(16, 30), 0],
  ],
};

export async function seedBookingDemo(prisma: PrismaClient, core: SeededDemo, now = Date.now()): Promise<void> {
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: core.clinicId }, select: { timeZone: true } });
  const tz = clinic.timeZone;
  const frontDeskId = core.users["frontdesk@harborpoint.example"]!;
  const patients = Object.values(core.patients);
  const today = todayIn(tz, now);

  await prisma.bookingSettings.create({ data: { clinicId: core.clinicId } });
  const types = [];
  for (const t of DEMO_APPOINTMENT_TYPES)
    types.push(await prisma.appointmentType.create({ data: { ...t, clinicId: core.clinicId } }));

  for (const [email, blocks] of Object.entries(HOURS)) {
    await prisma.weeklyScheduleBlock.createMany({
      data: blocks.map((b) => ({ ...b, clinicId: core.clinicId, therapistId: core.users[email]! })),
    });
  }
  // Maya is at a course next Wednesday afternoon and covers a Saturday morning the week after.
  const nextWednesday = addDays(today, ((3 - weekdayOf(today) + 7) % 7) + 7);
  await prisma.scheduleOverride.createMany({
    data: [
      {
        clinicId: core.clinicId,
        therapistId: core.users["maya.chen@harborpoint.example"]!,
        date: new Date(`${nextWednesday}T00:00:00Z`),
        kind: "time_off",
        startMinute: H(13),
        endMinute: H(17),
        note: "Manual therapy course",
      },
      {
        clinicId: core.clinicId,
        therapistId: core.users["maya.chen@harborpoint.example"]!,
        date: new Date(`${addDays(nextWednesday, 10)}T00:00:00Z`),
        kind: "extra_hours",
        startMinute: H(9),
        endMinute: H(12),
        note: "Saturday clinic",
      },
    ],
  });

  const rows = [];
  for (let offset = -3; offset <= 4; offset++) {
    const date = addDays(today, offset);
    const weekday = weekdayOf(date);
    for (const [t, [email, plan]] of Object.entries(DAY_PLAN).entries()) {
      const therapistId = core.users[email]!;
      const works = HOURS[email]!.some((b) => b.kind === "work" && b.weekday === weekday);
      if (!works) continue;
      for (const [i, [minute, typeIndex]] of plan.entries()) {
        const type = types[typeIndex]!;
        const start = instantOfLocal(date, minute, tz);
        const end = start + type.durationMinutes * 60_000;
        // Overlapping visits of the two therapists always go to different patients (no one is in two places).
        const patientId = patients[(offset + 8 + i + 2 * t) % patients.length]!;
        const past = end < now;
        const started = start <= now;
        let status: "booked" | "checked_in" | "completed" | "cancelled" | "no_show" = past
          ? "completed"
          : started
            ? "checked_in"
            : "booked";
        if (offset === -2 && t === 1 && i === 2) status = "no_show";
        const lateCancel = offset === -1 && t === 0 && i === 3;
        if (lateCancel) status = "cancelled";
        rows.push({
          clinicId: core.clinicId,
          therapistId,
          patientId,
          appointmentTypeId: type.id,
          startsAt: new Date(start),
          endsAt: new Date(end),
          blockedUntil: new Date(end + type.bufferAfterMinutes * 60_000),
          status,
          bookedById: frontDeskId,
          bookedVia: "staff",
          checkedInAt: status === "checked_in" || status === "completed" ? new Date(start - 5 * 60_000) : null,
          completedAt: status === "completed" ? new Date(end) : null,
          noShowAt: status === "no_show" ? new Date(start + 15 * 60_000) : null,
          cancelledAt: lateCancel ? new Date(start - 6 * 3_600_000) : null,
          cancelledById: lateCancel ? frontDeskId : null,
          cancelledByRole: lateCancel ? "front_desk" : null,
          cancelReason: lateCancel ? "Patient phoned: child is sick" : null,
          lateCancellation: lateCancel,
          icsSequence: lateCancel ? 1 : 0,
          version: lateCancel ? 2 : 1,
        });
      }
    }
  }
  await prisma.appointment.createMany({ data: rows });
}
