import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { listAppointmentTypes } from "@/lib/booking/appointment-types";
import { apiRoute } from "@/lib/http/respond";

export const GET = apiRoute(async () =>
  NextResponse.json({ appointmentTypes: await listAppointmentTypes(await requireActor()) }),
);
