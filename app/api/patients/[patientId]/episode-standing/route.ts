import { requireActor } from "@/lib/auth/current-actor";
import { bookingHandlers } from "@/lib/booking/http-handlers";
import { apiRoute } from "@/lib/http/respond";

export const GET = apiRoute(async (req, ctx: { params: Promise<{ patientId: string }> }) =>
  bookingHandlers.episodeStanding(await requireActor(), req, ctx),
);
