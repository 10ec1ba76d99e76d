/**
 * A row for the front desk's follow-up list in the demo: Jamie Ortiz, in a
 * 2-a-week plan for 6 weeks that started 4 weeks ago, came 3 times (the last
 * 12 days ago) and has nothing booked: dropped out and under-scheduled. The
 * episode was opened "today", so the automatic nudge waits 2 days (decision
 * 094) and Remind can be tried at once.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, instantOfLocal, todayIn } from "../../lib/time/calendar-rules";
import { dateColumnOf } from "../../lib/time/date-column";
import type { SeededDemo } from "./demo-data";
import { DEMO_PAYER } from "./episodes-demo";

export const FOLLOW_UP_DEMO_PATIENT = { firstName: "Jamie", lastName: "Ortiz", email: "jamie.ortiz@example.com" };

export async function seedFollowUpDemo(prisma: PrismaClient, core: SeededDemo): Promise<void> {
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: core.clinicId }, select: { timeZone: true } });
  const therapistId = core.users["sam.okafor@harborpoint.example"]!;
  const frontDeskId = core.users["frontdesk@harborpoint.example"]!;
  const type = await prisma.appointmentType.findFirstOrThrow({
    where: { clinicId: core.clinicId, active: true },
    orderBy: { durationMinutes: "asc" },
  });
  const today = todayIn(clinic.timeZone, Date.now());
  const start = addDays(today, -28);
  const patient = await prisma.patient.create({
    data: {
      clinicId: core.clinicId,
      ...FOLLOW_UP_DEMO_PATIENT,
      dateOfBirth: new Date("1991-09-14T00:00:00Z"),
      phone: "+12075550177",
      primaryTherapistId: therapistId,
    },
  });
  const episode = await prisma.episode.create({
    data: {
      clinicId: core.clinicId,
      patientId: patient.id,
      therapistId,
      reason: "Neck pain after a fall from a bicycle",
      goals: ["Turn head to reverse the car", "Sleep through the night"],
      visitsPerWeek: 2,
      weeks: 6,
      startDate: dateColumnOf(start),
      plannedEndDate: dateColumnOf(addDays(start, 6 * 7)),
      startBackRisk: "medium",
      createdById: therapistId,
    },
  });
  await prisma.payerAuthorization.create({
    data: {
      clinicId: core.clinicId,
      episodeId: episode.id,
      payerName: DEMO_PAYER,
      visitsAuthorized: 12,
      validFrom: dateColumnOf(start),
      validUntil: dateColumnOf(addDays(start, 6 * 7 + 14)),
      createdById: frontDeskId,
    },
  });
  // Early-morning visits, outside the booking demo's days and hours, so they never overlap one of its visits.
  await prisma.appointment.createMany({
    data: [-27, -20, -12].map((offset) => {
      const startsAt = instantOfLocal(addDays(today, offset), 7 * 60, clinic.timeZone);
      const endsAt = startsAt + type.durationMinutes * 60_000;
      return {
        clinicId: core.clinicId,
        therapistId,
        patientId: patient.id,
        appointmentTypeId: type.id,
        episodeId: episode.id,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        blockedUntil: new Date(endsAt + type.bufferAfterMinutes * 60_000),
        status: "completed" as const,
        bookedById: frontDeskId,
        bookedVia: "staff",
        checkedInAt: new Date(startsAt - 5 * 60_000),
        completedAt: new Date(endsAt),
      };
    }),
  });
}
