import { NextResponse } from "next/server";
import { requestOrigin } from "@/lib/auth/request-origin";
import { renderCalendarFeed } from "@/lib/booking/calendar-feed";
import { apiRoute } from "@/lib/http/respond";

/** A patient's subscribed calendar: the secret token in the path is the only credential. */
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ token: string }> }) => {
  const { token } = await ctx.params;
  const ics = await renderCalendarFeed(token.replace(/\.ics$/, ""), requestOrigin(req.headers));
  if (ics === null) return new NextResponse("Not found", { status: 404 });
  return new NextResponse(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="appointments.ics"',
    },
  });
});
