import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IntakeScores } from "@/lib/intake/intake-rules";
import type { PainRegionCode } from "@/lib/pain-map/regions";
import { itemSelect, toItemView } from "@/lib/programs/program-view";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { buildFhirRecordBundle, type FhirRecordInput } from "./fhir-record-rules";

const uuid = z.uuid();

/** One episode of care as a FHIR R4 Bundle, for clinicians (episode:read). Audited as a health-data export. */
export async function exportEpisodeFhir(actor: Actor, episodeId: string, now = new Date()) {
  await assertCan(actor, "episode:read");
  const episode = uuid.safeParse(episodeId).success
    ? await db.episode.findFirst({ where: { id: episodeId, clinicId: actor.clinicId }, select: { patientId: true } })
    : null;
  if (!episode) {
    await recordAudit(actor, {
      action: "access.denied",
      outcome: "denied",
      recordType: "Episode",
      recordId: episodeId,
    });
    throw notFound("That episode");
  }
  const input = await loadRecord(actor.clinicId, episode.patientId, { episodeId });
  await recordAudit(actor, {
    action: "episode.export_fhir",
    patientId: episode.patientId,
    recordType: "Episode",
    recordId: episodeId,
  });
  return buildFhirRecordBundle(input, now);
}

/** The signed-in patient's own record (every episode, questionnaire, program and visit) as a FHIR R4 Bundle. */
export async function exportOwnFhirRecord(actor: Actor, now = new Date()) {
  await assertCan(actor, "record:export:own");
  if (!actor.patientId) throw new AppError("forbidden", "Only a patient can download their own record.");
  const input = await loadRecord(actor.clinicId, actor.patientId, {});
  await recordAudit(actor, {
    action: "patient.export_fhir",
    patientId: actor.patientId,
    recordType: "Patient",
    recordId: actor.patientId,
  });
  return buildFhirRecordBundle(input, now);
}

/**
 * Everything the bundle holds for one patient, or for one of their episodes.
 * Internal: callers have authorised the actor; clinicId and patientId scope every query.
 */
async function loadRecord(
  clinicId: string,
  patientId: string,
  scope: { episodeId?: string },
): Promise<FhirRecordInput> {
  const byEpisode = scope.episodeId ? { episodeId: scope.episodeId } : {};
  const patient = await db.patient.findFirst({
    where: { id: patientId, clinicId },
    select: { id: true, firstName: true, lastName: true, dateOfBirth: true },
  });
  if (!patient) throw notFound("That patient");
  const [episodes, intakes, programs, appointments] = await Promise.all([
    db.episode.findMany({
      where: { clinicId, patientId, ...(scope.episodeId ? { id: scope.episodeId } : {}) },
      orderBy: { startDate: "asc" },
      select: {
        id: true,
        status: true,
        reason: true,
        icd10Code: true,
        goals: true,
        visitsPerWeek: true,
        weeks: true,
        startDate: true,
        plannedEndDate: true,
        dischargedOn: true,
        createdAt: true,
      },
    }),
    db.intake.findMany({
      where: { clinicId, patientId, status: "submitted", submittedAt: { not: null }, ...byEpisode },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        formVersion: true,
        submittedAt: true,
        answers: true,
        scores: true,
        marks: { select: { regionCode: true, intensity: true, qualities: true, role: true, spreadFrom: true } },
      },
    }),
    db.program.findMany({
      where: { clinicId, patientId, ...byEpisode },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        episodeId: true,
        status: true,
        currentVersion: true,
        versions: {
          orderBy: { version: "desc" },
          take: 1,
          select: {
            title: true,
            startDate: true,
            endDate: true,
            items: { orderBy: { position: "asc" }, select: itemSelect },
          },
        },
      },
    }),
    db.appointment.findMany({
      where: { clinicId, patientId, ...byEpisode },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        episodeId: true,
        status: true,
        startsAt: true,
        endsAt: true,
        appointmentType: { select: { name: true } },
        therapist: { select: { name: true } },
      },
    }),
  ]);
  return {
    patient: {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: localDateOfDateColumn(patient.dateOfBirth),
    },
    episodes: episodes.map((e) => ({
      ...e,
      startDate: localDateOfDateColumn(e.startDate),
      plannedEndDate: localDateOfDateColumn(e.plannedEndDate),
      dischargedOn: e.dischargedOn ? localDateOfDateColumn(e.dischargedOn) : null,
    })),
    intakes: intakes.map((i) => ({
      id: i.id,
      formVersion: i.formVersion,
      submittedAt: i.submittedAt!,
      answers: isObject(i.answers) ? i.answers : {},
      scores: isObject(i.scores) ? (i.scores as unknown as Partial<IntakeScores>) : null,
      marks: i.marks.map((m) => ({
        code: m.regionCode as PainRegionCode,
        intensity: m.intensity,
        qualities: m.qualities,
        role: m.role,
        spreadFrom: (m.spreadFrom ?? null) as PainRegionCode | null,
      })),
    })),
    programs: programs.flatMap((p) => {
      const v = p.versions[0];
      if (!v) return [];
      return [
        {
          id: p.id,
          episodeId: p.episodeId,
          status: p.status,
          title: v.title,
          startDate: localDateOfDateColumn(v.startDate),
          endDate: v.endDate ? localDateOfDateColumn(v.endDate) : null,
          items: v.items.map((row) => {
            const item = toItemView(row);
            return {
              id: item.id,
              exerciseName: item.exercise.name,
              dosageText: item.dosageText,
              timesPerDay: item.dosage.timesPerDay,
              daysPerWeek: item.dosage.daysPerWeek,
              notes: item.dosage.notes,
            };
          }),
        },
      ];
    }),
    appointments: appointments.map((a) => ({
      id: a.id,
      episodeId: a.episodeId,
      status: a.status,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      typeName: a.appointmentType.name,
      therapistName: a.therapist.name,
    })),
  };
}

function isObject(v: Prisma.JsonValue | null): v is Prisma.JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
