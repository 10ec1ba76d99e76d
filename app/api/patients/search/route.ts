import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute, readJson } from "@/lib/http/respond";
import { searchPatients } from "@/lib/patients/search-patients";

/**
 * Patient search with the search text in the body: a name typed into the
 * search box must not end up in a URL (server and proxy logs, browser history,
 * Referer). The app's own search boxes use this; see docs/decisions/046.
 */
export const POST = apiRoute(async (req) => {
  const actor = await requireActor();
  return NextResponse.json({ patients: await searchPatients(actor, await readJson(req)) });
});
