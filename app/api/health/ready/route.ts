import { readinessResponse } from "@/lib/server/health-responses";

/** Readiness: send this server traffic (database reachable, migrations applied, not shutting down). */
export async function GET() {
  return readinessResponse();
}
