import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { mediaPath } from "./media-storage";
import { idSchema } from "./schema";

export type OpenedMedia = { path: string; contentType: string; byteSize: number; sha256: string };

/**
 * Who may fetch an uploaded file: prescribers of the clinic, and a patient whose
 * program (any version) includes the exercise. Everyone else gets a 404 that
 * does not say whether the file exists.
 */
export async function openExerciseMedia(actor: Actor, mediaId: string): Promise<OpenedMedia> {
  if (!idSchema.safeParse(mediaId).success) throw notFound("That file");
  const media = await db.exerciseMedia.findFirst({
    where: { id: mediaId, clinicId: actor.clinicId },
    select: { exerciseId: true, storageKey: true, contentType: true, byteSize: true, sha256: true },
  });
  let allowed = false;
  if (media && actor.role !== "patient") allowed = can(actor, "program:read");
  if (media && actor.role === "patient" && actor.patientId && can(actor, "program:read:own")) {
    const prescribed = await db.programItem.findFirst({
      where: {
        exerciseId: media.exerciseId,
        clinicId: actor.clinicId,
        version: { program: { patientId: actor.patientId } },
      },
      select: { id: true },
    });
    allowed = prescribed !== null;
  }
  if (!media || !allowed) {
    await recordAudit(actor, {
      action: "access.denied",
      outcome: "denied",
      recordType: "ExerciseMedia",
      recordId: mediaId,
    });
    throw notFound("That file");
  }
  return {
    path: mediaPath(media.storageKey),
    contentType: media.contentType,
    byteSize: media.byteSize,
    sha256: media.sha256,
  };
}
