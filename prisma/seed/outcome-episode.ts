/**
 * One discharged (or open) episode with known scores, visits and adherence,
 * written directly: the outcome demo seeds these and the outcome tests build
 * their hand-computed fixtures from them, so both count the same rows.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { ScoreValues } from "../../lib/episodes/discharge-summary-rules";
import { FORM_VERSION } from "../../lib/intake/intake-rules";
import { addDays, daysBetween, type LocalDate } from "../../lib/time/calendar-rules";
import { dateColumnOf } from "../../lib/time/date-column";

export type OutcomeEpisodeSpec = {
  clinicId: string;
  patientId: string;
  therapistId: string;
  risk: "low" | "medium" | "high" | null;
  startDate: LocalDate;
  /** Null leaves the episode active. */
  dischargedOn: LocalDate | null;
  baseline: Partial<ScoreValues>;
  /** Null: no follow-up questionnaire. */
  followUp: Partial<ScoreValues> | null;
  /** Completed visits, every other day from the start. */
  visits: number;
  appointmentTypeId: string;
  /** A once-a-day exercise from start to discharge, done on the first `doneDays` days; omit for no program. */
  program?: { exerciseId: string; doneDays: number };
  reason?: string;
};

// Each episode of a therapist gets its own half-hour of the day for its visits, so visits never overlap.
const slotsTaken = new Map<string, number>();

function scoresJson(v: Partial<ScoreValues>) {
  return {
    nprs: v.nprs == null ? null : { value: v.nprs, band: "" },
    odi: v.odi == null ? null : { percent: v.odi, display: v.odi, sectionsAnswered: 10, band: "" },
    startBack: null,
    psfs: v.psfs == null ? null : { mean: v.psfs, display: v.psfs, activities: [] },
  };
}

export async function createOutcomeEpisode(prisma: PrismaClient, spec: OutcomeEpisodeSpec) {
  const end = spec.dischargedOn ?? addDays(spec.startDate, 42);
  const weeks = Math.max(1, Math.ceil((daysBetween(spec.startDate, end) + 1) / 7));
  const mine = { clinicId: spec.clinicId, patientId: spec.patientId };
  const baselineIntake = await prisma.intake.create({
    data: {
      ...mine,
      kind: "initial",
      status: "submitted",
      formVersion: FORM_VERSION,
      submittedAt: new Date(`${addDays(spec.startDate, -1)}T15:00:00Z`),
      scores: scoresJson(spec.baseline),
    },
  });
  const episode = await prisma.episode.create({
    data: {
      ...mine,
      therapistId: spec.therapistId,
      openedFromIntakeId: baselineIntake.id,
      reason: spec.reason ?? "Low back pain",
      visitsPerWeek: 2,
      weeks,
      startDate: dateColumnOf(spec.startDate),
      plannedEndDate: dateColumnOf(addDays(spec.startDate, weeks * 7)),
      startBackRisk: spec.risk,
      createdById: spec.therapistId,
      ...(spec.dischargedOn
        ? {
            status: "discharged" as const,
            dischargedOn: dateColumnOf(spec.dischargedOn),
            dischargedAt: new Date(`${spec.dischargedOn}T20:00:00Z`),
            dischargeReason: "goals_met" as const,
            dischargedById: spec.therapistId,
          }
        : {}),
      authorizations: {
        create: {
          payerName: "Test Payer",
          visitsAuthorized: 12,
          validFrom: dateColumnOf(spec.startDate),
          validUntil: dateColumnOf(addDays(spec.startDate, weeks * 7)),
          createdById: spec.therapistId,
        },
      },
    },
  });
  await prisma.intake.update({ where: { id: baselineIntake.id }, data: { episodeId: episode.id } });
  if (spec.followUp) {
    await prisma.intake.create({
      data: {
        ...mine,
        episodeId: episode.id,
        kind: "follow_up",
        status: "submitted",
        formVersion: FORM_VERSION,
        submittedAt: new Date(`${end}T15:00:00Z`),
        scores: scoresJson(spec.followUp),
      },
    });
  }
  const slot = slotsTaken.get(spec.therapistId) ?? 0;
  slotsTaken.set(spec.therapistId, slot + 1);
  await prisma.appointment.createMany({
    data: Array.from({ length: spec.visits }, (_, i) => {
      const startsAt = new Date(Date.parse(`${addDays(spec.startDate, 2 * i)}T15:00:00Z`) + slot * 30 * 60_000);
      const endsAt = new Date(startsAt.getTime() + 25 * 60_000);
      return {
        ...mine,
        episodeId: episode.id,
        therapistId: spec.therapistId,
        appointmentTypeId: spec.appointmentTypeId,
        startsAt,
        endsAt,
        blockedUntil: endsAt,
        status: "completed" as const,
        completedAt: endsAt,
        bookedById: spec.therapistId,
        bookedVia: "staff",
      };
    }),
  });
  if (spec.program) {
    const program = await prisma.program.create({
      data: {
        ...mine,
        episodeId: episode.id,
        status: spec.dischargedOn ? "ended" : "active",
        endedOn: spec.dischargedOn ? dateColumnOf(spec.dischargedOn) : null,
        versions: {
          create: {
            version: 1,
            title: "Home program",
            startDate: dateColumnOf(spec.startDate),
            effectiveFrom: dateColumnOf(spec.startDate),
            createdByName: "Therapist",
            items: {
              create: {
                exerciseId: spec.program.exerciseId,
                position: 0,
                kind: "reps",
                sets: 2,
                reps: 10,
                timesPerDay: 1,
                daysPerWeek: 7,
              },
            },
          },
        },
      },
      include: { versions: { include: { items: true } } },
    });
    const version = program.versions[0]!;
    const item = version.items[0]!;
    await prisma.exerciseLog.createMany({
      data: Array.from({ length: spec.program.doneDays }, (_, d) => ({
        ...mine,
        programId: program.id,
        versionId: version.id,
        itemId: item.id,
        exerciseId: item.exerciseId,
        clientKey: randomUUID(),
        completed: true,
        performedAt: new Date(`${addDays(spec.startDate, d)}T16:00:00Z`),
        localDate: dateColumnOf(addDays(spec.startDate, d)),
      })),
    });
  }
  return { episode, baselineIntakeId: baselineIntake.id };
}
