/**
 * Discharged episodes for the outcome report demo: synthetic patients (no
 * portal accounts) with an intake and a discharge questionnaire, a few visits
 * and a home program with logs. Maya Chen has 8 and Sam Okafor 3, so the
 * report shows Maya's figures and "fewer than 5" for Sam; by STarT Back group,
 * medium risk has figures and low and high say "fewer than 5".
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, todayIn } from "../../lib/time/calendar-rules";
import type { SeededDemo } from "./demo-data";
import { createOutcomeEpisode } from "./outcome-episode";

type DemoOutcome = {
  first: string;
  last: string;
  therapist: "maya.chen@harborpoint.example" | "sam.okafor@harborpoint.example";
  risk: "low" | "medium" | "high";
  /** Days before today the episode was discharged. */
  dischargedDaysAgo: number;
  baseline: { odi: number; nprs: number; psfs: number };
  followUp: { odi: number; nprs: number; psfs?: number } | null;
  visits: number;
  /** Days of the 42-day home program with the exercise done. */
  doneDays: number;
};

const MAYA = "maya.chen@harborpoint.example";
const SAM = "sam.okafor@harborpoint.example";

export const DEMO_OUTCOMES: DemoOutcome[] = [
  {
    first: "Robin",
    last: "Ashby",
    therapist: MAYA,
    risk: "medium",
    dischargedDaysAgo: 21,
    baseline: { odi: 42, nprs: 7, psfs: 3 },
    followUp: { odi: 24, nprs: 3, psfs: 7 },
    visits: 10,
    doneDays: 36,
  },
  {
    first: "Tessa",
    last: "Moreno",
    therapist: MAYA,
    risk: "medium",
    dischargedDaysAgo: 35,
    baseline: { odi: 36, nprs: 6, psfs: 4 },
    followUp: { odi: 30, nprs: 5, psfs: 5 },
    visits: 6,
    doneDays: 12,
  },
  {
    first: "Felix",
    last: "Grant",
    therapist: MAYA,
    risk: "medium",
    dischargedDaysAgo: 48,
    baseline: { odi: 50, nprs: 8, psfs: 2 },
    followUp: { odi: 28, nprs: 4, psfs: 6 },
    visits: 12,
    doneDays: 40,
  },
  {
    first: "Imani",
    last: "Brooks",
    therapist: MAYA,
    risk: "medium",
    dischargedDaysAgo: 63,
    baseline: { odi: 30, nprs: 5, psfs: 5 },
    followUp: { odi: 18, nprs: 2, psfs: 8 },
    visits: 8,
    doneDays: 30,
  },
  {
    first: "Owen",
    last: "Park",
    therapist: MAYA,
    risk: "medium",
    dischargedDaysAgo: 90,
    baseline: { odi: 44, nprs: 6, psfs: 4 },
    followUp: null,
    visits: 4,
    doneDays: 9,
  },
  {
    first: "Lena",
    last: "Fischer",
    therapist: MAYA,
    risk: "high",
    dischargedDaysAgo: 110,
    baseline: { odi: 58, nprs: 8, psfs: 2 },
    followUp: { odi: 46, nprs: 6, psfs: 4 },
    visits: 12,
    doneDays: 25,
  },
  {
    first: "Marcus",
    last: "Hale",
    therapist: MAYA,
    risk: "low",
    dischargedDaysAgo: 140,
    baseline: { odi: 20, nprs: 4, psfs: 6 },
    followUp: { odi: 10, nprs: 1, psfs: 9 },
    visits: 5,
    doneDays: 33,
  },
  {
    first: "Nadia",
    last: "Rahman",
    therapist: MAYA,
    risk: "high",
    dischargedDaysAgo: 170,
    baseline: { odi: 62, nprs: 9, psfs: 1 },
    followUp: { odi: 56, nprs: 8 },
    visits: 9,
    doneDays: 15,
  },
  {
    first: "Peter",
    last: "Lindqvist",
    therapist: SAM,
    risk: "medium",
    dischargedDaysAgo: 28,
    baseline: { odi: 38, nprs: 6, psfs: 4 },
    followUp: { odi: 26, nprs: 3, psfs: 6 },
    visits: 7,
    doneDays: 28,
  },
  {
    first: "Ruth",
    last: "Adeyemi",
    therapist: SAM,
    risk: "high",
    dischargedDaysAgo: 75,
    baseline: { odi: 54, nprs: 7, psfs: 3 },
    followUp: { odi: 40, nprs: 5, psfs: 5 },
    visits: 11,
    doneDays: 20,
  },
  {
    first: "Gus",
    last: "Whelan",
    therapist: SAM,
    risk: "low",
    dischargedDaysAgo: 120,
    baseline: { odi: 22, nprs: 3, psfs: 6 },
    followUp: { odi: 16, nprs: 2, psfs: 7 },
    visits: 3,
    doneDays: 38,
  },
];

export async function seedOutcomesDemo(prisma: PrismaClient, core: SeededDemo): Promise<void> {
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: core.clinicId }, select: { timeZone: true } });
  const today = todayIn(clinic.timeZone, new Date());
  const [exercise, type] = await Promise.all([
    prisma.exercise.findFirstOrThrow({
      where: { clinicId: core.clinicId, archivedAt: null },
      orderBy: { name: "asc" },
    }),
    prisma.appointmentType.findFirstOrThrow({ where: { clinicId: core.clinicId }, orderBy: { name: "asc" } }),
  ]);
  for (const [i, d] of DEMO_OUTCOMES.entries()) {
    const therapistId = core.users[d.therapist]!;
    const patient = await prisma.patient.create({
      data: {
        clinicId: core.clinicId,
        firstName: d.first,
        lastName: d.last,
        dateOfBirth: new Date(`${1950 + ((i * 7) % 45)}-0${1 + (i % 9)}-1${i % 9}T00:00:00Z`),
        email: `${d.first}.${d.last}@example.net`.toLowerCase(),
        primaryTherapistId: therapistId,
        active: false,
        inactiveSince: new Date(),
        inactiveReason: "Discharged",
      },
    });
    const dischargedOn = addDays(today, -d.dischargedDaysAgo);
    await createOutcomeEpisode(prisma, {
      clinicId: core.clinicId,
      patientId: patient.id,
      therapistId,
      risk: d.risk,
      startDate: addDays(dischargedOn, -41),
      dischargedOn,
      baseline: d.baseline,
      followUp: d.followUp,
      visits: d.visits,
      appointmentTypeId: type.id,
      program: { exerciseId: exercise.id, doneDays: d.doneDays },
      reason: "Low back pain",
    });
  }
}
