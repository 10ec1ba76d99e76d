/**
 * Episodes of care for the demo: every patient with a submitted initial intake
 * (Alex Rivera, Casey Morgan) is in an active 3-a-week, 8-week plan opened from
 * that intake, with a payer authorisation of 24 visits; their intakes, program
 * and visits since the start belong to it. The demo week books Alex often, so
 * the plan leaves room for the visits he books online in the demo and in e2e.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, localDateOf } from "../../lib/time/calendar-rules";
import { dateColumnOf } from "../../lib/time/date-column";
import type { SeededDemo } from "./demo-data";

export const DEMO_PAYER = "Blue Harbor Health";

export async function seedEpisodesDemo(prisma: PrismaClient, core: SeededDemo): Promise<void> {
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: core.clinicId }, select: { timeZone: true } });
  const frontDeskId = core.users["frontdesk@harborpoint.example"]!;
  await prisma.episodeSettings.create({ data: { clinicId: core.clinicId } });
  const initials = await prisma.intake.findMany({
    where: { clinicId: core.clinicId, kind: "initial", status: "submitted" },
    orderBy: { submittedAt: "asc" },
    include: { patient: { select: { primaryTherapistId: true } } },
  });
  for (const intake of initials) {
    const start = localDateOf(intake.submittedAt!, clinic.timeZone);
    const scores = intake.scores as { startBack?: { risk?: string } | null } | null;
    const risk = scores?.startBack?.risk;
    const episode = await prisma.episode.create({
      data: {
        clinicId: core.clinicId,
        patientId: intake.patientId,
        therapistId: intake.patient.primaryTherapistId,
        openedFromIntakeId: intake.id,
        reason: "Low back pain with pain spreading to the left hip and buttock",
        icd10Code: "M54.50",
        goals: psfsActivitiesOf(intake.answers),
        visitsPerWeek: 3,
        weeks: 8,
        startDate: dateColumnOf(start),
        plannedEndDate: dateColumnOf(addDays(start, 8 * 7)),
        startBackRisk: risk === "low" || risk === "medium" || risk === "high" ? risk : null,
        createdById: intake.patient.primaryTherapistId ?? frontDeskId,
        authorizations: {
          create: {
            payerName: DEMO_PAYER,
            reference: `BH-${intake.id.slice(-6).toUpperCase()}`,
            visitsAuthorized: 24,
            validFrom: dateColumnOf(start),
            validUntil: dateColumnOf(addDays(start, 8 * 7)),
            createdById: frontDeskId,
          },
        },
      },
    });
    const mine = { clinicId: core.clinicId, patientId: intake.patientId };
    await prisma.intake.updateMany({ where: mine, data: { episodeId: episode.id } });
    await prisma.program.updateMany({ where: mine, data: { episodeId: episode.id } });
    await prisma.appointment.updateMany({
      where: { ...mine, startsAt: { gte: intake.submittedAt! } },
      data: { episodeId: episode.id },
    });
  }
}

/** The PSFS activities the patient named: the plan's goals start from them. */
function psfsActivitiesOf(answers: unknown): string[] {
  const psfs = (answers as { psfs?: { activities?: { activity?: unknown }[] } } | null)?.psfs;
  return (psfs?.activities ?? []).flatMap((a) => (typeof a.activity === "string" && a.activity ? [a.activity] : []));
}
