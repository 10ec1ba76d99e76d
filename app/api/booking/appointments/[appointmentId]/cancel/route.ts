import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { apiRoute } from "@/lib/http/respond";

type Ctx = { params: Promise<{ appointmentId: string }> };

export const POST = apiRoute(async (req, ctx: Ctx) => bookingHandlers.cancel(await requireActor(), req, ctx));
