import "server-only";
import { env } from "@/lib/env";

/** Refuses to start on a missing or malformed setting, rather than failing on the first request that needs it. */
export function checkEnvironmentOrExit(): void {
  try {
    // One setting for the public address: next-auth reads its own variable for redirects and the cookie's Secure flag.
    process.env.NEXTAUTH_URL ??= env().APP_URL;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
