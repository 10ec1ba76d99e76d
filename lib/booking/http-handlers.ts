import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { queryOf, readJson, respond } from "@/lib/http/respond";
import { bookAppointment } from "./book-appointment";
import { bookSeries } from "./book-series";
import { cancelAppointment } from "./cancel-appointment";
import { changeAppointmentStatus } from "./change-appointment-status";
import { bookingContracts as c } from "./contracts";
import { findSlots } from "./find-slots";
import { listCalendar } from "./list-calendar";
import { listMyAppointments } from "./list-my-appointments";
import { moveAppointment } from "./move-appointment";
import { getEpisodeStanding } from "@/lib/episodes/get-episode-standing";

/**
 * The booking API's handlers, taking the actor explicitly: route files add
 * `requireActor()`, and integration tests call these with real actors and
 * real Requests (including 200 at once) to see exactly what a client gets.
 */
type IdParams = { params: Promise<{ appointmentId: string }> };

export const bookingHandlers = {
  slots: (actor: Actor, req: Request) => findSlots(actor, queryOf(req)).then((r) => respond(c.slots, r)),

  async book(actor: Actor, req: Request) {
    const result = await bookAppointment(actor, await readJson(req), req.headers.get("idempotency-key"));
    // A replay answers exactly as the first request did (201), and says so.
    return respond(
      c.book,
      { appointment: result.appointment },
      { headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} },
    );
  },

  async bookSeries(actor: Actor, req: Request) {
    const { replayed, ...result } = await bookSeries(actor, await readJson(req), req.headers.get("idempotency-key"));
    return respond(c.bookSeries, result, { headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
  },

  async move(actor: Actor, req: Request, ctx: IdParams) {
    const { appointmentId } = await ctx.params;
    return respond(c.move, { appointment: await moveAppointment(actor, appointmentId, await readJson(req)) });
  },

  async cancel(actor: Actor, req: Request, ctx: IdParams) {
    const { appointmentId } = await ctx.params;
    return respond(c.cancel, { appointment: await cancelAppointment(actor, appointmentId, await readJson(req)) });
  },

  async status(actor: Actor, req: Request, ctx: IdParams) {
    const { appointmentId } = await ctx.params;
    return respond(c.status, { appointment: await changeAppointmentStatus(actor, appointmentId, await readJson(req)) });
  },

  calendar: (actor: Actor, req: Request) => listCalendar(actor, queryOf(req)).then((r) => respond(c.calendar, r)),

  mine: (actor: Actor) => listMyAppointments(actor).then((r) => respond(c.mine, r)),

  async episodeStanding(actor: Actor, req: Request, ctx: { params: Promise<{ patientId: string }> }) {
    const { patientId } = await ctx.params;
    return respond(c.episodeStanding, await getEpisodeStanding(actor, patientId, queryOf(req)));
  },
};
