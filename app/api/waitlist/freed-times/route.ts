import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { waitlistHandlers } from "@/lib/waitlist/http-handlers";

export const GET = apiRoute(async () => waitlistHandlers.freedTimes(await requireActor()));
