import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() answers a real 403 with app/forbidden.tsx (docs/decisions/004).
  experimental: {
    authInterrupts: true,
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
