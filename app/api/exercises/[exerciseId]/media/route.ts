import { requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/exercises/media-rules";
import { removeExerciseMedia, uploadExerciseMedia } from "@/lib/exercises/upload-exercise-media";
import { exerciseContracts as c } from "@/lib/exercises/contracts";
import { apiRoute, respond } from "@/lib/http/respond";

type Ctx = { params: Promise<{ exerciseId: string }> };

const tooLarge = () =>
  new AppError("validation", "That file is too large.", {
    file: [`Files can be at most ${Math.round(MAX_UPLOAD_BYTES / (1024 * 1024))} MB.`],
  });

/** multipart/form-data with one `file`. The type and size are checked from the bytes in uploadExerciseMedia. */
export const POST = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const { exerciseId } = await ctx.params;
  // Refuse an oversized body before reading it (multipart adds a little around the file).
  if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("validation", "Choose a picture or a video to upload.", {
      file: ["Choose a picture or a video to upload."],
    });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("validation", "Choose a picture or a video to upload.", {
      file: ["Choose a picture or a video to upload."],
    });
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const exercise = await uploadExerciseMedia(actor, exerciseId, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return respond(c.uploadMedia, { exercise });
});

export const DELETE = apiRoute(async (_req, ctx: Ctx) => {
  const actor = await requireActor();
  return respond(c.removeMedia, { exercise: await removeExerciseMedia(actor, (await ctx.params).exerciseId) });
});
