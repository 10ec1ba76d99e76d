import "server-only";
import { NextResponse } from "next/server";

/** Health data must not sit in shared or browser caches. */
export function privateJson<T>(body: T, init: { status?: number } = {}) {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { "Cache-Control": "no-store" } });
}
