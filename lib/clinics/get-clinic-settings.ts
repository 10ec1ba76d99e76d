import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

/** Visits a time zone change would show at a new local time: those still to come. */
export const UPCOMING_STATUSES = ["booked", "checked_in"] as const;

/**
 * The clinic's details for its settings page, with what a time zone change
 * would touch: how many visits are still to come, and the next one (the
 * confirmation shows it at its old and new local time).
 */
export async function getClinicSettings(actor: Actor) {
  await assertCan(actor, "clinic:configure");
  const upcoming = { clinicId: actor.clinicId, startsAt: { gte: new Date() }, status: { in: [...UPCOMING_STATUSES] } };
  const [clinic, upcomingVisits, next] = await Promise.all([
    db.clinic.findUniqueOrThrow({
      where: { id: actor.clinicId },
      select: { name: true, address: true, phone: true, email: true, timeZone: true, country: true, updatedAt: true },
    }),
    db.appointment.count({ where: upcoming }),
    db.appointment.findFirst({ where: upcoming, orderBy: { startsAt: "asc" }, select: { startsAt: true } }),
  ]);
  return { ...clinic, upcomingVisits, nextVisitAt: next?.startsAt ?? null };
}
