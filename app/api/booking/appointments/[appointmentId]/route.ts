import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers, bookingRoute } from "@/lib/booking/http-handlers";

type Ctx = { params: Promise<{ appointmentId: string }> };

/** Move (reschedule) an appointment. */
export const PATCH = bookingRoute(async (req, ctx: Ctx) => bookingHandlers.move(await requireActor(), req, ctx));
