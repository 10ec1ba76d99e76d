import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { exportOwnFhirRecord } from "@/lib/episodes/export-fhir-record";
import { apiRoute } from "@/lib/http/respond";

/** The signed-in patient's own record as a FHIR R4 Bundle, as a download. */
export const GET = apiRoute(async () => {
  const actor = await requireActor();
  const bundle = await exportOwnFhirRecord(actor);
  return new NextResponse(JSON.stringify(bundle, null, 2), {
    headers: {
      "Content-Type": "application/fhir+json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-record.fhir.json"',
      "Cache-Control": "no-store",
    },
  });
});
