/**
 * Draws Mend's icons (a white "M" on the header's teal) and writes them to
 * public/: favicon.ico, icon.svg, the manifest's PNGs and the Apple touch icon.
 * Run once when the mark changes and commit the files:
 *   npx tsx scripts/generate-icons.ts
 * Plain Node (zlib for PNG's deflate): the mark is four strokes, so a
 * signed-distance rasteriser is shorter than keeping an image library for it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const OUT = path.resolve("public");
// brand-800 (the app header) behind white: 7.6:1.
const TEAL = [0x11, 0x5e, 0x59] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
/** The "M" as a polyline in a unit square; its corners stay inside the maskable safe circle (radius 0.4). */
const M_POINTS: [number, number][] = [
  [0.3, 0.7],
  [0.3, 0.31],
  [0.5, 0.55],
  [0.7, 0.31],
  [0.7, 0.7],
];
const STROKE = 0.1;

type Shape = "rounded" | "square";

function segmentDistance(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function insideMark(x: number, y: number, scale: number) {
  // Scaled about the centre, so the maskable icon can draw the same mark smaller.
  const ux = 0.5 + (x - 0.5) / scale;
  const uy = 0.5 + (y - 0.5) / scale;
  let d = Infinity;
  for (let i = 1; i < M_POINTS.length; i++) d = Math.min(d, segmentDistance(ux, uy, M_POINTS[i - 1]!, M_POINTS[i]!));
  return d <= STROKE / 2;
}

function insideBackground(x: number, y: number, shape: Shape) {
  if (shape === "square") return true;
  const r = 0.22;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels, 4x4 samples per pixel for smooth edges. */
function render(size: number, shape: Shape, markScale = 1): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const x = (i + (sx + 0.5) / n) / size;
          const y = (j + (sy + 0.5) / n) / size;
          if (!insideBackground(x, y, shape)) continue;
          bg++;
          if (insideMark(x, y, markScale)) mark++;
        }
      const o = (j * size + i) * 4;
      const m = bg ? mark / bg : 0;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(TEAL[c]! * (1 - m) + WHITE[c]! * m);
      px[o + 3] = Math.round((255 * bg) / (n * n));
    }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (read by every browser since IE 9 / Windows Vista). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e[0] = size % 256;
    e[1] = size % 256;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([head, ...entries, ...images.map((i) => i.data)]);
}

function svg(): string {
  const pts = M_POINTS.map(([x, y]) => `${x * 64},${y * 64}`).join(" ");
  const hex = `#${TEAL.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`,
    `<rect width="64" height="64" rx="14" fill="${hex}"/>`,
    `<polyline points="${pts}" fill="none" stroke="#fff" stroke-width="${STROKE * 64}" stroke-linecap="round" stroke-linejoin="round"/>`,
    `</svg>`,
    "",
  ].join("\n");
}

mkdirSync(path.join(OUT, "icons"), { recursive: true });
const write = (name: string, data: Buffer | string) => {
  writeFileSync(path.join(OUT, name), data);
  console.log(`public/${name}`);
};
write("favicon.ico", ico([16, 32, 48].map((size) => ({ size, data: png(size, render(size, "rounded")) }))));
write("icon.svg", svg());
write("icons/icon-192.png", png(192, render(192, "rounded")));
write("icons/icon-512.png", png(512, render(512, "rounded")));
// Maskable: full bleed, the mark shrunk into the central safe zone the launcher may crop to.
write("icons/maskable-512.png", png(512, render(512, "square", 0.8)));
// iOS rounds the corners itself and shows transparency as black.
write("apple-touch-icon.png", png(180, render(180, "square")));
