import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { patientOutOfReach, visiblePatients } from "@/lib/patients/patient-access";
import { startOfLocalDay } from "@/lib/time/calendar-rules";
import { dateColumnOf } from "@/lib/time/date-column";
import { parseInput } from "@/lib/validation";
import { psfsGoalsOf } from "./psfs-goals";
import { openEpisodeSchema } from "./schema";

export const ALREADY_OPEN_MESSAGE =
  "This patient already has an open episode of care. Discharge it before opening another.";

/** The intake's STarT Back group, kept on the episode for the outcome report's grouping. */
export function startBackRiskOf(scores: unknown) {
  const risk = (scores as { startBack?: { risk?: unknown } | null } | null)?.startBack?.risk;
  return risk === "low" || risk === "medium" || risk === "high" ? (risk as "low" | "medium" | "high") : null;
}

async function conflictWithOpen(tx: Tx | typeof db, clinicId: string, patientId: string) {
  const open = await tx.episode.findFirst({
    where: { clinicId, patientId, status: { not: "discharged" } },
    select: { id: true },
  });
  return open ? new AppError("conflict", ALREADY_OPEN_MESSAGE, undefined, { episodeId: open.id }) : null;
}

/**
 * Opens a patient's episode of care: from a submitted intake (its PSFS
 * activities become the goals unless the therapist wrote their own, its
 * STarT Back group is kept) or without one. One open episode per patient
 * (a partial unique index settles a race: the loser gets the same 409). The
 * patient's intakes, active program and visits from the start date that
 * belong to no episode yet join it, so the count starts complete.
 */
export async function openEpisode(actor: Actor, input: unknown) {
  await assertCan(actor, "episode:write");
  const data = parseInput(openEpisodeSchema, input);
  const patient = await db.patient.findFirst({
    where: { AND: [{ id: data.patientId }, visiblePatients(actor)] },
    select: { id: true, primaryTherapistId: true },
  });
  if (!patient) return patientOutOfReach(actor, data.patientId);
  let goals = data.goals;
  let startBackRisk: ReturnType<typeof startBackRiskOf> = null;
  if (data.intakeId) {
    const intake = await db.intake.findFirst({
      where: { id: data.intakeId, clinicId: actor.clinicId, patientId: patient.id },
      select: { status: true, answers: true, scores: true },
    });
    if (!intake)
      throw new AppError("validation", "Some answers need another look.", { intakeId: ["That intake was not found."] });
    if (intake.status !== "submitted")
      throw new AppError("validation", "Some answers need another look.", {
        intakeId: ["Open the episode from a submitted intake."],
      });
    goals ??= psfsGoalsOf(intake.answers);
    startBackRisk = startBackRiskOf(intake.scores);
  }
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } });
  const existing = await conflictWithOpen(db, actor.clinicId, patient.id);
  if (existing) throw existing;
  try {
    return await db.$transaction(async (tx) => {
      const episode = await tx.episode.create({
        data: {
          clinicId: actor.clinicId,
          patientId: patient.id,
          therapistId: actor.role === "therapist" ? actor.userId : patient.primaryTherapistId,
          openedFromIntakeId: data.intakeId,
          reason: data.reason,
          icd10Code: data.icd10Code,
          goals: goals ?? [],
          visitsPerWeek: data.visitsPerWeek,
          weeks: data.weeks,
          startDate: dateColumnOf(data.startDate),
          plannedEndDate: dateColumnOf(data.plannedEndDate),
          startBackRisk,
          createdById: actor.userId,
        },
        select: { id: true, patientId: true },
      });
      const unattached = { clinicId: actor.clinicId, patientId: patient.id, episodeId: null };
      const [intakes, programs, visits] = await Promise.all([
        tx.intake.updateMany({ where: unattached, data: { episodeId: episode.id } }),
        tx.program.updateMany({ where: { ...unattached, status: "active" }, data: { episodeId: episode.id } }),
        tx.appointment.updateMany({
          where: {
            ...unattached,
            status: { not: "cancelled" },
            startsAt: { gte: new Date(startOfLocalDay(data.startDate, clinic.timeZone)) },
          },
          data: { episodeId: episode.id },
        }),
      ]);
      await recordAudit(
        actor,
        {
          action: "episode.open",
          patientId: patient.id,
          recordType: "Episode",
          recordId: episode.id,
          details: {
            fromIntake: data.intakeId,
            joined: { intakes: intakes.count, programs: programs.count, visits: visits.count },
          },
        },
        tx,
      );
      return episode;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw (await conflictWithOpen(db, actor.clinicId, patient.id)) ?? e;
    throw e;
  }
}

/**
 * The patient's open episode, for a new intake, program or visit to join in
 * the same insert (decision 089: nobody chooses). Internal: the caller has
 * already authorised the actor for this patient.
 */
export async function openEpisodeIdOf(tx: Tx | typeof db, clinicId: string, patientId: string): Promise<string | null> {
  const open = await tx.episode.findFirst({
    where: { clinicId, patientId, status: { not: "discharged" } },
    select: { id: true },
  });
  return open?.id ?? null;
}
