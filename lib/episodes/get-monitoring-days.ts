import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { patientOutOfReach, visiblePatients } from "@/lib/patients/patient-access";
import { todayIn, type LocalDate } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { monitoringSchedules, type MonitoringSchedule } from "./monitoring-days-rules";

export type MonitoringTarget = { patientId: string } | { episodeId: string };

export type MonitoringDays = {
  patientId: string;
  today: LocalDate;
  timeZone: string;
  /** The episode counted: the one asked for, or the patient's open one (else their latest). */
  episode: { id: string; status: string; startDate: LocalDate; dischargedOn: LocalDate | null } | null;
  /** First day of the episode's home program; null: no program yet, nothing monitored. */
  monitoringStart: LocalDate | null;
  /** The clinic has no threshold rows (an admin removed them all). */
  noThresholds: boolean;
  schedules: MonitoringSchedule[];
};

const uuid = z.uuid();

/**
 * Days with patient-reported exercise data per monitoring period of an
 * episode, against the clinic's thresholds. A clinical read (episode:read),
 * audited; another clinic's patient or episode is a 404.
 */
export async function getMonitoringDays(
  actor: Actor,
  target: MonitoringTarget,
  options: { now?: Date } = {},
): Promise<MonitoringDays> {
  const patientHint = "patientId" in target && uuid.safeParse(target.patientId).success ? target.patientId : null;
  await assertCan(actor, "episode:read", { patientId: patientHint });
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } });
  const today = todayIn(clinic.timeZone, options.now ?? new Date());
  const episodeSelect = { id: true, patientId: true, status: true, startDate: true, dischargedOn: true } as const;

  let patientId: string;
  let episode: { id: string; patientId: string; status: string; startDate: Date; dischargedOn: Date | null } | null;
  if ("episodeId" in target) {
    if (!uuid.safeParse(target.episodeId).success) throw await episodeOutOfReach(actor, target.episodeId);
    episode = await db.episode.findFirst({
      where: { id: target.episodeId, clinicId: actor.clinicId, patient: visiblePatients(actor) },
      select: episodeSelect,
    });
    if (!episode) throw await episodeOutOfReach(actor, target.episodeId);
    patientId = episode.patientId;
  } else {
    if (!patientHint) return patientOutOfReach(actor, target.patientId);
    const patient = await db.patient.findFirst({
      where: { AND: [{ id: patientHint }, visiblePatients(actor)] },
      select: { id: true },
    });
    if (!patient) return patientOutOfReach(actor, target.patientId);
    patientId = patient.id;
    const episodes = await db.episode.findMany({
      where: { clinicId: actor.clinicId, patientId },
      select: episodeSelect,
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
    });
    episode = episodes.find((e) => e.status !== "discharged") ?? episodes[0] ?? null;
  }

  const [firstVersion, logDays, thresholds] = episode
    ? await Promise.all([
        db.programVersion.findFirst({
          where: { clinicId: actor.clinicId, program: { episodeId: episode.id } },
          orderBy: { startDate: "asc" },
          select: { startDate: true },
        }),
        db.exerciseLog.findMany({
          where: { clinicId: actor.clinicId, patientId, program: { episodeId: episode.id } },
          distinct: ["localDate"],
          select: { localDate: true },
        }),
        db.monitoringThreshold.findMany({
          where: { clinicId: actor.clinicId },
          orderBy: [{ periodDays: "asc" }, { minDays: "asc" }, { label: "asc" }],
          select: { id: true, label: true, minDays: true, periodDays: true, source: true },
        }),
      ])
    : [null, [], await db.monitoringThreshold.count({ where: { clinicId: actor.clinicId } })];

  await recordAudit(actor, {
    action: "episode.monitoring_read",
    patientId,
    recordType: episode ? "Episode" : "Patient",
    recordId: episode?.id ?? patientId,
  });

  const thresholdRows = Array.isArray(thresholds) ? thresholds : [];
  const monitoringStart = firstVersion ? localDateOfDateColumn(firstVersion.startDate) : null;
  const dischargedOn = episode?.dischargedOn ? localDateOfDateColumn(episode.dischargedOn) : null;
  return {
    patientId,
    today,
    timeZone: clinic.timeZone,
    episode: episode
      ? { id: episode.id, status: episode.status, startDate: localDateOfDateColumn(episode.startDate), dischargedOn }
      : null,
    monitoringStart,
    noThresholds: Array.isArray(thresholds) ? thresholds.length === 0 : thresholds === 0,
    schedules: monitoringSchedules({
      start: monitoringStart,
      end: dischargedOn,
      today,
      dataDates: logDays.map((l) => localDateOfDateColumn(l.localDate)),
      thresholds: thresholdRows,
    }),
  };
}

async function episodeOutOfReach(actor: Actor, episodeId: string) {
  await recordAudit(actor, { action: "access.denied", outcome: "denied", recordType: "Episode", recordId: episodeId });
  return notFound("That episode");
}
