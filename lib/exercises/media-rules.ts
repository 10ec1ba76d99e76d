/**
 * What may be uploaded as an exercise illustration. The type is read from the
 * file's own first bytes (its "magic number"), never from the name or the
 * browser's claim, and only formats every browser shows natively are taken:
 * no SVG (it can carry script), no HEIC or QuickTime.
 */
import type { MediaKind } from "./catalog";

export const MEDIA_LIMITS: Record<MediaKind, number> = {
  image: 5 * 1024 * 1024,
  /** A short clip. Kept under the proxy's 10 MB request buffer (next.config.ts) with room for the form. */
  video: 9 * 1024 * 1024,
};
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MEDIA_LIMITS));
export const ACCEPTED_MEDIA = "image/png,image/jpeg,image/webp,video/mp4,video/webm";

export type SniffedMedia = { kind: MediaKind; contentType: string; extension: string };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

// ISO base-media brands that are MP4 video (not QuickTime "qt  ", not HEIC/AVIF stills).
const MP4_BRANDS = new Set(["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4"]);

export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: "image", contentType: "image/png", extension: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "image", contentType: "image/jpeg", extension: "jpg" };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return { kind: "image", contentType: "image/webp", extension: "webp" };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp" && MP4_BRANDS.has(ascii(bytes, 8, 12)))
    return { kind: "video", contentType: "video/mp4", extension: "mp4" };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, Math.min(bytes.length, 64)).includes("webm"))
    return { kind: "video", contentType: "video/webm", extension: "webm" };
  return null;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

export type UploadCheck = { ok: true; media: SniffedMedia } | { ok: false; message: string };

export function checkMediaUpload(bytes: Uint8Array): UploadCheck {
  if (bytes.length === 0) return { ok: false, message: "The file is empty. Choose a picture or a video." };
  const media = sniffMedia(bytes);
  if (!media) return { ok: false, message: "Upload a PNG, JPEG or WebP picture, or an MP4 or WebM video." };
  const tooBig = sizeProblem(media.kind, bytes.length);
  return tooBig ? { ok: false, message: tooBig } : { ok: true, media };
}

function sizeProblem(kind: MediaKind, size: number): string | null {
  const limit = MEDIA_LIMITS[kind];
  if (size <= limit) return null;
  const what = kind === "image" ? "Pictures" : "Videos";
  const shown = megabytes(size) === megabytes(limit) ? `just over ${megabytes(size)}` : megabytes(size);
  return `${what} can be at most ${megabytes(limit)}; this one is ${shown}.`;
}

/**
 * The browser's check before sending, from the file's size and the type the
 * browser claims (the server still reads the bytes): spares a 9 MB upload
 * that would only be refused.
 */
export function chosenFileProblem(file: { size: number; type: string } | undefined): string | null {
  if (!file) return "Choose a picture or a video first.";
  return sizeProblem(file.type.startsWith("video/") ? "video" : "image", file.size);
}

export type ByteRange = { start: number; end: number };

/**
 * A single "bytes=" range (video players seek with these), clamped to the
 * file; null for no or an unsupported range (the whole file is sent), "invalid"
 * for one that cannot be satisfied (416).
 */
export function parseByteRange(header: string | null, size: number): ByteRange | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === "" && b === "") return "invalid";
  let start: number;
  let end: number;
  if (a === "") {
    const suffix = Number(b);
    if (suffix === 0) return "invalid";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return "invalid";
  return { start, end };
}
