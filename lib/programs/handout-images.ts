import "server-only";
import { readFile } from "node:fs/promises";
import { db } from "@/lib/db";
import { mediaPath } from "@/lib/exercises/media-storage";
import type { HandoutImages } from "./handout-pdf";
import type { ProgramHandout } from "./get-program-handout";

/** Reads the handout's uploaded PNG/JPEG pictures (the caller has already passed the program's access check). */
export async function loadHandoutImages(handout: ProgramHandout, clinicId: string): Promise<HandoutImages> {
  const ids = handout.version.items
    .map((i) => i.exercise.media)
    .filter((m) => m && (m.contentType === "image/png" || m.contentType === "image/jpeg"))
    .map((m) => m!.id);
  const rows = ids.length
    ? await db.exerciseMedia.findMany({
        where: { id: { in: ids }, clinicId },
        select: { id: true, storageKey: true, contentType: true },
      })
    : [];
  const images: HandoutImages = new Map();
  for (const row of rows) {
    try {
      images.set(row.id, {
        data: await readFile(mediaPath(row.storageKey)),
        format: row.contentType === "image/png" ? "png" : "jpg",
      });
    } catch {
      // A missing file falls back to the drawing rather than failing the whole handout.
    }
  }
  return images;
}
