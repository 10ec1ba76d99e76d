import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/booking/calendar-feed";
import { bookingRoute } from "@/lib/booking/http-handlers";

export const GET = bookingRoute(async () => NextResponse.json(await calendarFeedStatus(await requireActor())));

/** A new secret URL; the previous one stops working. */
export const POST = bookingRoute(async () =>
  NextResponse.json(await createCalendarFeed(await requireActor()), { status: 201 }),
);

export const DELETE = bookingRoute(async () => {
  await revokeCalendarFeed(await requireActor());
  return new NextResponse(null, { status: 204 });
});
