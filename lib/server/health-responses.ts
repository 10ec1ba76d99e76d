import "server-only";
import { NextResponse } from "next/server";
import { checkReadiness, compiledMigrationNames } from "./readiness";

export async function readinessResponse(): Promise<NextResponse> {
  const readiness = await checkReadiness(compiledMigrationNames());
  const headers = { "Cache-Control": "no-store" };
  if (readiness.ready) return NextResponse.json({ ok: true }, { headers });
  return NextResponse.json({ ok: false, ...readiness }, { status: 503, headers });
}
