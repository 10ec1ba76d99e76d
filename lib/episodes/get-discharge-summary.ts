import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { todayIn, type LocalDate } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { summarizeEpisodeOutcome, type EpisodeOutcome } from "./discharge-summary-rules";
import { loadEpisodeOutcomeFacts } from "./load-episode-outcome-facts";

export type DischargeSummary = EpisodeOutcome & {
  episode: {
    id: string;
    status: "active" | "on_hold" | "discharged";
    reason: string;
    icd10Code: string | null;
    goals: string[];
    startDate: LocalDate;
    plannedEndDate: LocalDate;
    visitsPerWeek: number;
    weeks: number;
    dischargedOn: LocalDate | null;
    dischargeReason: string | null;
    dischargeNote: string | null;
    therapistName: string | null;
  };
  patient: { id: string; firstName: string; lastName: string; preferredName: string | null; dateOfBirth: Date };
  clinic: { name: string; timeZone: string };
  today: LocalDate;
};

/**
 * An episode's outcome for the clinician: the discharge summary once
 * discharged, "progress so far" before. Clinical content, so therapists and
 * admins only (episode:read), of their own clinic; another clinic's or an
 * unknown episode is a 404. Audited.
 */
export async function getDischargeSummary(
  actor: Actor,
  episodeId: string,
  options: { now?: Date } = {},
): Promise<DischargeSummary> {
  await assertCan(actor, "episode:read");
  const outOfReach = async (): Promise<never> => {
    await recordAudit(actor, {
      action: "access.denied",
      outcome: "denied",
      recordType: "Episode",
      recordId: episodeId,
    });
    throw notFound("That episode");
  };
  if (!z.uuid().safeParse(episodeId).success) return outOfReach();
  const episode = await db.episode.findFirst({
    where: { id: episodeId, clinicId: actor.clinicId },
    select: {
      id: true,
      status: true,
      reason: true,
      icd10Code: true,
      goals: true,
      startDate: true,
      plannedEndDate: true,
      visitsPerWeek: true,
      weeks: true,
      dischargedOn: true,
      dischargeReason: true,
      dischargeNote: true,
      openedFromIntakeId: true,
      therapist: { select: { name: true } },
      patient: {
        select: { id: true, firstName: true, lastName: true, preferredName: true, dateOfBirth: true },
      },
      clinic: { select: { name: true, timeZone: true } },
    },
  });
  if (!episode) return outOfReach();
  const today = todayIn(episode.clinic.timeZone, options.now ?? new Date());
  const dates = {
    id: episode.id,
    startDate: localDateOfDateColumn(episode.startDate),
    dischargedOn: episode.dischargedOn ? localDateOfDateColumn(episode.dischargedOn) : null,
    openedFromIntakeId: episode.openedFromIntakeId,
  };
  const facts = (await loadEpisodeOutcomeFacts(actor.clinicId, episode.clinic.timeZone, [dates], today)).get(
    episode.id,
  )!;
  const outcome = summarizeEpisodeOutcome(facts, today);
  await recordAudit(actor, {
    action: "episode.summary.read",
    patientId: episode.patient.id,
    recordType: "Episode",
    recordId: episode.id,
  });
  return {
    ...outcome,
    episode: {
      id: episode.id,
      status: episode.status,
      reason: episode.reason,
      icd10Code: episode.icd10Code,
      goals: episode.goals,
      startDate: dates.startDate,
      plannedEndDate: localDateOfDateColumn(episode.plannedEndDate),
      visitsPerWeek: episode.visitsPerWeek,
      weeks: episode.weeks,
      dischargedOn: dates.dischargedOn,
      dischargeReason: episode.dischargeReason,
      dischargeNote: episode.dischargeNote,
      therapistName: episode.therapist?.name ?? null,
    },
    patient: episode.patient,
    clinic: episode.clinic,
    today,
  };
}
