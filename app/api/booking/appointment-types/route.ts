import { requireActor } from "@/lib/auth/current-actor";
import { listAppointmentTypes } from "@/lib/booking/appointment-types";
import { bookingContracts } from "@/lib/booking/contracts";
import { apiRoute, respond } from "@/lib/http/respond";

export const GET = apiRoute(async () =>
  respond(bookingContracts.appointmentTypes, { appointmentTypes: await listAppointmentTypes(await requireActor()) }),
);
