import { requireActor } from "@/lib/auth/current-actor";
import { apiRoute } from "@/lib/http/respond";
import { waitlistHandlers } from "@/lib/waitlist/http-handlers";

type Ctx = { params: Promise<{ entryId: string }> };

/** Take an entry off the waitlist. */
export const DELETE = apiRoute(async (req, ctx: Ctx) => waitlistHandlers.removeEntry(await requireActor(), req, ctx));
/** Mark an entry urgent or routine. */
export const PATCH = apiRoute(async (req, ctx: Ctx) => waitlistHandlers.setPriority(await requireActor(), req, ctx));
