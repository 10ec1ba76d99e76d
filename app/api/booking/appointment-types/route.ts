import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { listAppointmentTypes } from "@/lib/booking/appointment-types";
import { bookingRoute } from "@/lib/booking/http-handlers";

export const GET = bookingRoute(async () =>
  NextResponse.json({ appointmentTypes: await listAppointmentTypes(await requireActor()) }),
);
