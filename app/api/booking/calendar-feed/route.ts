import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current-actor";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/booking/calendar-feed";
import { apiRoute } from "@/lib/http/respond";

export const GET = apiRoute(async () => NextResponse.json(await calendarFeedStatus(await requireActor())));

/** A new secret URL; the previous one stops working. */
export const POST = apiRoute(async () =>
  NextResponse.json(await createCalendarFeed(await requireActor()), { status: 201 }),
);

export const DELETE = apiRoute(async () => {
  await revokeCalendarFeed(await requireActor());
  return new NextResponse(null, { status: 204 });
});
