import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers, bookingRoute } from "@/lib/booking/http-handlers";

export const GET = bookingRoute(async () => bookingHandlers.mine(await requireActor()));
