import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers, bookingRoute } from "@/lib/booking/http-handlers";

export const POST = bookingRoute(async (req) => bookingHandlers.bookSeries(await requireActor(), req));
