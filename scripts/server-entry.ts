import path from "node:path";

/**
 * The production server and how to start it, for every script and test that
 * runs one (`npm start` runs the same file): server.ts, bundled by
 * scripts/build.ts (docs/decisions/100).
 */
export const ROOT = path.resolve(import.meta.dirname, "..");
export const SERVER_BUNDLE = path.join(ROOT, ".next", "mend-server.mjs");

/** Arguments for `node`: the server on a port, on every interface unless a hostname is given. */
export function serverArgs(port: number, hostname?: string): string[] {
  return [SERVER_BUNDLE, "--port", String(port), ...(hostname ? ["--hostname", hostname] : [])];
}
