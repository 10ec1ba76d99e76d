import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers, bookingRoute } from "@/lib/booking/http-handlers";

export const GET = bookingRoute(async (req) => bookingHandlers.slots(await requireActor(), req));
