/**
 * Builds public/sw.js from lib/offline/service-worker.ts, after `next build`
 * (part of `npm run build`; docs/decisions/075). Turbopack, Next 16's builder,
 * takes no plugins, so the worker is bundled here with esbuild and given the
 * list of this build's files to precache: everything under .next/static
 * (content-hashed names, so the address is the revision) and the icons and
 * manifests in public/ (revision = content hash). The server (Next) serves the
 * files public/ holds when it starts, so this must run before it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const STATIC_DIR = path.join(ROOT, ".next", "static");
const PUBLIC_DIR = path.join(ROOT, "public");
const OUT = path.join(PUBLIC_DIR, "sw.js");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const urlOf = (base: string, dir: string, file: string) =>
  `${base}/${path.relative(dir, file).split(path.sep).join("/")}`;

async function main() {
  if (!existsSync(STATIC_DIR)) throw new Error("No .next/static: run `next build` first.");
  const buildFiles = filesUnder(STATIC_DIR)
    // Source maps stay out, and so do the brotli copies (scripts/precompress-static.ts): the server picks the encoding.
    .filter((f) => !f.endsWith(".map") && !f.endsWith(".br"))
    .map((f) => ({ url: urlOf("/_next/static", STATIC_DIR, f), revision: null }));
  const publicFiles = filesUnder(PUBLIC_DIR)
    .filter((f) => f !== OUT)
    .map((f) => ({
      url: urlOf("", PUBLIC_DIR, f),
      revision: createHash("sha256").update(readFileSync(f)).digest("hex").slice(0, 16),
    }));
  const entries = [...buildFiles, ...publicFiles].sort((a, b) => a.url.localeCompare(b.url));
  const bytes = [...filesUnder(STATIC_DIR), ...filesUnder(PUBLIC_DIR)]
    .filter((f) => f !== OUT && !f.endsWith(".br"))
    .reduce((sum, f) => sum + statSync(f).size, 0);

  await build({
    entryPoints: [path.join(ROOT, "lib", "offline", "service-worker.ts")],
    outfile: OUT,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: {
      MEND_PRECACHE: JSON.stringify(entries),
      // Serwist's development logging and assertions are dropped from the bundle.
      "process.env.NODE_ENV": JSON.stringify("production"),
    },
    logLevel: "warning",
  });
  console.log(
    `public/sw.js: ${(statSync(OUT).size / 1024).toFixed(1)} kB, precaching ${entries.length} files (${(bytes / 1024).toFixed(0)} kB before compression)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
