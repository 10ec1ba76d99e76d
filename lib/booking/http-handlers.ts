import "server-only";
import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { queryOf, readJson } from "@/lib/http/respond";
import { bookAppointment } from "./book-appointment";
import { bookSeries } from "./book-series";
import { cancelAppointment } from "./cancel-appointment";
import { changeAppointmentStatus } from "./change-appointment-status";
import { findSlots } from "./find-slots";
import { listCalendar } from "./list-calendar";
import { listMyAppointments } from "./list-my-appointments";
import { moveAppointment } from "./move-appointment";

/**
 * The booking API's handlers, taking the actor explicitly: route files add
 * `requireActor()`, and integration tests call these with real actors and
 * real Requests (including 200 at once) to see exactly what a client gets.
 */
type IdParams = { params: Promise<{ appointmentId: string }> };

export const bookingHandlers = {
  slots: (actor: Actor, req: Request) => findSlots(actor, queryOf(req)).then((r) => NextResponse.json(r)),

  async book(actor: Actor, req: Request) {
    const result = await bookAppointment(actor, await readJson(req), req.headers.get("idempotency-key"));
    // A replay answers exactly as the first request did (201), and says so.
    return NextResponse.json(
      { appointment: result.appointment },
      { status: 201, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} },
    );
  },

  async bookSeries(actor: Actor, req: Request) {
    const { replayed, ...result } = await bookSeries(actor, await readJson(req), req.headers.get("idempotency-key"));
    return NextResponse.json(result, { status: 201, headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
  },

  async move(actor: Actor, req: Request, ctx: IdParams) {
    const { appointmentId } = await ctx.params;
    return NextResponse.json({ appointment: await moveAppointment(actor, appointmentId, await readJson(req)) });
  },

  async cancel(actor: Actor, req: Request, ctx: IdParams) {
    const { appointmentId } = await ctx.params;
    return NextResponse.json({ appointment: await cancelAppointment(actor, appointmentId, await readJson(req)) });
  },

  async status(actor: Actor, req: Request, ctx: IdParams) {
    const { appointmentId } = await ctx.params;
    return NextResponse.json({ appointment: await changeAppointmentStatus(actor, appointmentId, await readJson(req)) });
  },

  calendar: (actor: Actor, req: Request) => listCalendar(actor, queryOf(req)).then((r) => NextResponse.json(r)),

  mine: (actor: Actor) => listMyAppointments(actor).then((r) => NextResponse.json(r)),
};
