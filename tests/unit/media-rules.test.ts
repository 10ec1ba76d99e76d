import { describe, expect, it } from "vitest";
import {
  checkMediaUpload,
  chosenFileProblem,
  MEDIA_LIMITS,
  parseByteRange,
  sniffMedia,
} from "@/lib/exercises/media-rules";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const MP4 = bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0]);
const WEBM = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm");

describe("uploaded media type", () => {
  it.each([
    ["PNG", PNG, "image/png"],
    ["JPEG", JPEG, "image/jpeg"],
    ["WebP", WEBP, "image/webp"],
    ["MP4", MP4, "video/mp4"],
    ["WebM", WEBM, "video/webm"],
  ])("recognises %s from its first bytes", (_name, file, type) => {
    expect(sniffMedia(file)?.contentType).toBe(type);
  });

  it("refuses SVG, HTML, QuickTime and HEIC even when named like a picture", () => {
    expect(sniffMedia(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>'))).toBeNull();
    expect(sniffMedia(bytes("<!doctype html><html>"))).toBeNull();
    expect(sniffMedia(bytes([0, 0, 0, 0x14], "ftypqt  "))).toBeNull();
    expect(sniffMedia(bytes([0, 0, 0, 0x18], "ftypheic"))).toBeNull();
    expect(checkMediaUpload(bytes("GIF89a"))).toEqual({
      ok: false,
      message: "Upload a PNG, JPEG or WebP picture, or an MP4 or WebM video.",
    });
  });

  it("refuses an empty file", () => {
    expect(checkMediaUpload(new Uint8Array())).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
  });

  it("allows a picture up to its limit and not a byte more, saying the sizes", () => {
    const atLimit = new Uint8Array(MEDIA_LIMITS.image);
    atLimit.set(PNG);
    expect(checkMediaUpload(atLimit).ok).toBe(true);
    const over = new Uint8Array(MEDIA_LIMITS.image + 1);
    over.set(PNG);
    expect(checkMediaUpload(over)).toEqual({
      ok: false,
      message: "Pictures can be at most 5 MB; this one is just over 5 MB.",
    });
    const big = new Uint8Array(7.5 * 1024 * 1024);
    big.set(JPEG);
    expect(checkMediaUpload(big)).toEqual({ ok: false, message: "Pictures can be at most 5 MB; this one is 7.5 MB." });
  });

  it("allows a longer video than picture, within the video limit", () => {
    const video = new Uint8Array(MEDIA_LIMITS.image + 1024);
    video.set(MP4);
    expect(checkMediaUpload(video)).toMatchObject({ ok: true, media: { kind: "video" } });
    const tooLong = new Uint8Array(MEDIA_LIMITS.video + 1);
    tooLong.set(MP4);
    expect(checkMediaUpload(tooLong).ok).toBe(false);
  });
});

describe("the browser's check of a chosen file", () => {
  it("asks for a file, and refuses one over its kind's limit before sending it", () => {
    expect(chosenFileProblem(undefined)).toBe("Choose a picture or a video first.");
    expect(chosenFileProblem({ size: MEDIA_LIMITS.image, type: "image/png" })).toBeNull();
    expect(chosenFileProblem({ size: 7.5 * 1024 * 1024, type: "image/jpeg" })).toBe(
      "Pictures can be at most 5 MB; this one is 7.5 MB.",
    );
    expect(chosenFileProblem({ size: 7.5 * 1024 * 1024, type: "video/mp4" })).toBeNull();
    expect(chosenFileProblem({ size: MEDIA_LIMITS.video + 1, type: "video/webm" })).toBe(
      "Videos can be at most 9 MB; this one is just over 9 MB.",
    );
  });
});

describe("byte ranges for video seeking", () => {
  it("reads start-end, open-ended and suffix ranges, clamped to the file", () => {
    expect(parseByteRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange("bytes=990-2000", 1000)).toEqual({ start: 990, end: 999 });
  });

  it("sends the whole file for no range or several ranges, and refuses impossible ones", () => {
    expect(parseByteRange(null, 1000)).toBeNull();
    expect(parseByteRange("bytes=0-1,5-6", 1000)).toBeNull();
    expect(parseByteRange("bytes=1000-", 1000)).toBe("invalid");
    expect(parseByteRange("bytes=50-10", 1000)).toBe("invalid");
    expect(parseByteRange("bytes=-0", 1000)).toBe("invalid");
  });
});
