/**
 * Mend's production server (`npm start`; docs/decisions/100): Next's own
 * request handler for everything, except the build's JS and CSS under
 * /_next/static/, which go out as their brotli copy when the browser accepts
 * it (`next start` only gzips). Bundled to .next/mend-server.mjs by
 * scripts/build.ts and run with plain Node:
 *
 *   node .next/mend-server.mjs --port 3000 [--hostname 127.0.0.1]
 *
 * PORT works too, as with `next start`. SIGTERM and SIGINT belong
 * to lib/server/shutdown.ts (installed by instrumentation.ts), which finds this
 * HTTP server through Node's diagnostics channel as it found `next start`'s.
 */
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadPrecompressedStatic } from "@/lib/server/precompressed-static";

// As `next start` sets it, before Next loads; and Next's signal handling stays off (decision 060).
Object.assign(process.env, { NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true" });

// The bundle runs from .next/, one level below the project.
const ROOT = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env.PORT}`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const precompressed = loadPrecompressedStatic(path.join(ROOT, ".next", "static"));
if (precompressed.size === 0) console.warn("No brotli copies under .next/static: run `npm run build`. Serving gzip.");

const server = createServer((req, res) => {
  if (precompressed.serve(req, res)) return;
  handle(req, res).catch((error: unknown) => {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error("The server could not start:", error);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`Mend is listening on http://${hostname ?? "localhost"}:${port} (${precompressed.size} brotli files)`);
});
