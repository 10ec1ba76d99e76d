import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { requireActor } from "@/lib/auth/current-actor";
import { parseByteRange } from "@/lib/exercises/media-rules";
import { openExerciseMedia } from "@/lib/exercises/open-exercise-media";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ mediaId: string }> };

/** Streams an uploaded picture or video after the access check; honours one byte range so videos can seek. */
export const GET = apiRoute(async (req, ctx: Ctx) => {
  const actor = await requireActor();
  const media = await openExerciseMedia(actor, (await ctx.params).mediaId);
  const headers = new Headers({
    "Content-Type": media.contentType,
    "Accept-Ranges": "bytes",
    // Private: behind a session; a shared cache must never keep it.
    "Cache-Control": "private, max-age=3600",
    ETag: `"${media.sha256}"`,
    "Content-Disposition": "inline",
  });
  if (req.headers.get("if-none-match") === `"${media.sha256}"`) return new Response(null, { status: 304, headers });
  const range = parseByteRange(req.headers.get("range"), media.byteSize);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${media.byteSize}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: media.byteSize - 1 };
  headers.set("Content-Length", String(end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${media.byteSize}`);
  const stream = Readable.toWeb(createReadStream(media.path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: range ? 206 : 200, headers });
});
