import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { exerciseSelect, toExerciseView, type ExerciseView } from "./exercise-view";
import { checkMediaUpload } from "./media-rules";
import { removeMediaFile, writeMediaFile } from "./media-storage";
import { idSchema } from "./schema";

export type UploadedFile = { name: string; bytes: Uint8Array };

/**
 * Stores a picture or short video for a library exercise; it replaces the
 * current one. The file is written first and removed again if the database
 * write fails, so no row ever points at a missing file.
 */
export async function uploadExerciseMedia(actor: Actor, exerciseId: string, file: UploadedFile): Promise<ExerciseView> {
  await assertCan(actor, "exercise-library:write");
  if (!idSchema.safeParse(exerciseId).success) throw notFound("That exercise");
  const exercise = await db.exercise.findFirst({
    where: { id: exerciseId, clinicId: actor.clinicId },
    select: { id: true },
  });
  if (!exercise) throw notFound("That exercise");
  const check = checkMediaUpload(file.bytes);
  if (!check.ok) throw new AppError("validation", check.message, { file: [check.message] });

  const storageKey = `${actor.clinicId}/${randomUUID()}.${check.media.extension}`;
  await writeMediaFile(storageKey, file.bytes);
  try {
    return await db.$transaction(async (tx) => {
      await tx.exerciseMedia.updateMany({
        where: { exerciseId, replacedAt: null },
        data: { replacedAt: new Date() },
      });
      const media = await tx.exerciseMedia.create({
        data: {
          clinicId: actor.clinicId,
          exerciseId,
          kind: check.media.kind,
          contentType: check.media.contentType,
          byteSize: file.bytes.length,
          storageKey,
          originalName: file.name.replace(/[^\w .()-]/g, "_").slice(0, 120) || "upload",
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          createdById: actor.userId,
        },
        select: { id: true, kind: true },
      });
      await recordAudit(
        actor,
        {
          action: "exercise.media_upload",
          recordType: "ExerciseMedia",
          recordId: media.id,
          details: { exerciseId, kind: media.kind, bytes: file.bytes.length },
        },
        tx,
      );
      return toExerciseView(await tx.exercise.findUniqueOrThrow({ where: { id: exerciseId }, select: exerciseSelect }));
    });
  } catch (e) {
    await removeMediaFile(storageKey);
    throw e;
  }
}

/** Goes back to the drawing: the upload is kept on disk but no longer shown. */
export async function removeExerciseMedia(actor: Actor, exerciseId: string): Promise<ExerciseView> {
  await assertCan(actor, "exercise-library:write");
  if (!idSchema.safeParse(exerciseId).success) throw notFound("That exercise");
  return db.$transaction(async (tx) => {
    const exercise = await tx.exercise.findFirst({
      where: { id: exerciseId, clinicId: actor.clinicId },
      select: { id: true },
    });
    if (!exercise) throw notFound("That exercise");
    await tx.exerciseMedia.updateMany({ where: { exerciseId, replacedAt: null }, data: { replacedAt: new Date() } });
    await recordAudit(actor, { action: "exercise.media_remove", recordType: "Exercise", recordId: exerciseId }, tx);
    return toExerciseView(await tx.exercise.findUniqueOrThrow({ where: { id: exerciseId }, select: exerciseSelect }));
  });
}
