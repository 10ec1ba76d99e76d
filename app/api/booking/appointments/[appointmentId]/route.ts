import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ appointmentId: string }> };

/** Move (reschedule) an appointment. */
export const PATCH = apiRoute(async (req, ctx: Ctx) => bookingHandlers.move(await requireActor(), req, ctx));
