/**
 * `npm run build`: the production build, in the order its parts depend on:
 * 1. `next build` into .next/;
 * 2. the service worker (public/sw.js), from this build's files (docs/decisions/075);
 * 3. a brotli copy of every JS and CSS file under .next/static (docs/decisions/100);
 * 4. the production server, server.ts bundled to .next/mend-server.mjs, which
 *    `npm start` runs: plain Node at run time, no TypeScript loader.
 * `--skip-next` runs steps 2-4 on the build already in .next/.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { precompressStatic } from "./precompress-static";
import { ROOT, SERVER_BUNDLE } from "./server-entry";

function run(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  if (!process.argv.includes("--skip-next"))
    run([path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"]);
  run([path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/build-service-worker.ts"]);

  const started = Date.now();
  const br = await precompressStatic(path.join(ROOT, ".next", "static"));
  console.log(
    `.next/static: ${br.files} JS/CSS files, ${(br.bytes / 1024).toFixed(0)} kB, brotli ${(br.brotliBytes / 1024).toFixed(0)} kB (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  await build({
    entryPoints: [path.join(ROOT, "server.ts")],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Next and everything else from node_modules load as they do under `next start`.
    packages: "external",
    logLevel: "warning",
  });
  console.log(`server: ${path.relative(ROOT, SERVER_BUNDLE)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
