import "server-only";
import { env } from "@/lib/env";

/** Refuses to start on a missing or malformed setting, rather than failing on the first request that needs it. */
export function checkEnvironmentOrExit(): void {
  try {
    env();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
