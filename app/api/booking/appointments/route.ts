import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { apiRoute } from "@/lib/http/respond";

export const POST = apiRoute(async (req) => bookingHandlers.book(await requireActor(), req));
