import { requireActor } from "@/lib/auth/current-actor";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/booking/calendar-feed";
import { bookingContracts } from "@/lib/booking/contracts";
import { apiRoute, respond } from "@/lib/http/respond";

export const GET = apiRoute(async () =>
  respond(bookingContracts.feedStatus, await calendarFeedStatus(await requireActor())),
);

/** A new secret URL; the previous one stops working. */
export const POST = apiRoute(async () =>
  respond(bookingContracts.createFeed, await createCalendarFeed(await requireActor())),
);

export const DELETE = apiRoute(async () => {
  await revokeCalendarFeed(await requireActor());
  return respond(bookingContracts.revokeFeed);
});
