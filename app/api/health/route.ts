import { readinessResponse } from "@/lib/server/health-responses";

/** Kept for existing probes and scripts: the same answer as /api/health/ready. */
export async function GET() {
  return readinessResponse();
}
