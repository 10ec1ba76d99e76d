import { NextResponse } from "next/server";

/** Liveness: the process answers. No database, so an outage there never gets healthy servers restarted. */
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
