import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

/** The migration folders this build expects applied (lib/server/readiness.ts); next build runs in the project root. */
function migrationNames(): string[] {
  const dir = path.resolve("prisma", "migrations");
  // `next start` loads this file too, where the value no longer matters (it was inlined at build).
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  env: { MEND_MIGRATIONS: migrationNames().join(",") },
  // forbidden() answers a real 403 with app/forbidden.tsx (docs/decisions/004).
  experimental: {
    authInterrupts: true,
    // Drops the unused exports of Next's own CommonJS client modules from the browser's chunks (docs/decisions/072).
    turbopackCjsTreeShaking: true,
    // Profiling only (docs/booking.md): readable function names in `node --cpu-prof` output.
    ...(process.env.MEND_PROFILE_BUILD ? { turbopackMinify: { server: false } } : {}),
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "nodemailer", "graphile-worker"],
  async headers() {
    // Static files skip the proxy; they still get the non-CSP headers.
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
