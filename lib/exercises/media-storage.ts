import "server-only";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/** The configured folder (EXERCISE_MEDIA_DIR), resolved against the working directory. */
function mediaRoot(): string {
  // Runtime configuration, not a build input: keep the bundler from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().EXERCISE_MEDIA_DIR);
}

/** Keys are ours (clinic id / random uuid . ext), never from the upload's name, so no path can escape the folder. */
export function mediaPath(storageKey: string): string {
  const root = mediaRoot();
  const full = path.resolve(/*turbopackIgnore: true*/ root, storageKey);
  if (!full.startsWith(root + path.sep)) throw new Error("Media key outside the media folder");
  return full;
}

export async function writeMediaFile(storageKey: string, bytes: Uint8Array): Promise<void> {
  const full = mediaPath(storageKey);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, bytes, { flag: "wx", mode: 0o640 });
}

export async function removeMediaFile(storageKey: string): Promise<void> {
  await rm(mediaPath(storageKey), { force: true });
}
