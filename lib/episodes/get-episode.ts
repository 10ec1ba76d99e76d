import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { patientOutOfReach, visiblePatients } from "@/lib/patients/patient-access";
import { episodeView, findEpisodeRow, type EpisodeView } from "./episode-view";

const patientIdSchema = z.uuid();

async function clinicZone(clinicId: string) {
  return (await db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { timeZone: true } })).timeZone;
}

/**
 * One episode with its authorisations, visit standing, re-evaluation status
 * and (for clinicians) its clinical part. The front desk reads schedule facts
 * only (episode:read:schedule); the read is audited either way.
 */
export async function getEpisode(actor: Actor, episodeId: unknown, now = new Date()): Promise<EpisodeView> {
  await assertCan(actor, "episode:read:schedule");
  const row = await findEpisodeRow(actor, episodeId);
  const clinical = can(actor, "episode:read");
  const view = await episodeView(db, actor.clinicId, row, {
    timeZone: await clinicZone(actor.clinicId),
    now,
    clinical,
  });
  await recordAudit(actor, {
    action: "episode.read",
    patientId: row.patientId,
    recordType: "Episode",
    recordId: row.id,
    details: { clinical },
  });
  return view;
}

/** A patient's episodes, newest first: the open one (if any) leads. */
export async function listPatientEpisodes(actor: Actor, patientId: unknown, now = new Date()) {
  await assertCan(actor, "episode:read:schedule");
  const id = patientIdSchema.safeParse(patientId);
  if (!id.success) return patientOutOfReach(actor, String(patientId).slice(0, 100));
  const patient = await db.patient.findFirst({
    where: { AND: [{ id: id.data }, visiblePatients(actor)] },
    select: { id: true },
  });
  if (!patient) return patientOutOfReach(actor, id.data);
  const rows = await db.episode.findMany({
    where: { clinicId: actor.clinicId, patientId: patient.id },
    orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: { id: true },
  });
  const clinical = can(actor, "episode:read");
  const timeZone = await clinicZone(actor.clinicId);
  const episodes: EpisodeView[] = [];
  for (const { id: episodeId } of rows) {
    const row = await findEpisodeRow(actor, episodeId);
    episodes.push(await episodeView(db, actor.clinicId, row, { timeZone, now, clinical }));
  }
  // Open first: at most one (a partial unique index), then the discharged ones newest first.
  episodes.sort((a, b) => Number(a.status === "discharged") - Number(b.status === "discharged"));
  await recordAudit(actor, {
    action: "episode.list",
    patientId: patient.id,
    recordType: "Patient",
    recordId: patient.id,
    details: { count: episodes.length, clinical },
  });
  return { timeZone, episodes };
}
