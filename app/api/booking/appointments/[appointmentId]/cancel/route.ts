import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers, bookingRoute } from "@/lib/booking/http-handlers";

type Ctx = { params: Promise<{ appointmentId: string }> };

export const POST = bookingRoute(async (req, ctx: Ctx) => bookingHandlers.cancel(await requireActor(), req, ctx));
