import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { hasUnacknowledgedEmergencyFlag } from "@/lib/intake/red-flag-status";
import { inactivePatientRefusal } from "./booking-errors";

/** Patients act on their own bookings; the front desk and admins on any of their clinic's. */
export async function assertMayBook(actor: Actor): Promise<void> {
  if (actor.role === "patient") await assertCan(actor, "appointment:book:own");
  else await assertCan(actor, "appointment:manage");
}

/**
 * Who a booking is for, before any lookup: a patient always themself; staff
 * must name a patient (the caller then checks it is one of their clinic's).
 */
export function ownOrRequestedPatient(actor: Actor, requested: string | undefined): string {
  if (actor.role === "patient") {
    if (!actor.patientId)
      throw new AppError("forbidden", "Your account is not linked to a patient record yet. Please call the clinic.");
    if (requested && requested !== actor.patientId) throw notFound("That patient");
    return actor.patientId;
  }
  if (!requested) throw new AppError("validation", "Choose a patient.", { patientId: ["Choose a patient."] });
  return requested;
}

/**
 * The patient a booking is for: a patient always themself; staff name one of
 * their clinic's patients, who must be active (decision 058).
 */
export async function bookingPatientId(actor: Actor, requested: string | undefined, client: Tx | typeof db = db) {
  const id = ownOrRequestedPatient(actor, requested);
  if (actor.role === "patient") return id;
  const p = await client.patient.findFirst({
    where: { id, clinicId: actor.clinicId },
    select: { id: true, active: true },
  });
  if (!p) throw notFound("That patient");
  if (!p.active) throw inactivePatientRefusal(actor.role);
  return p.id;
}

export const RED_FLAG_BLOCK_MESSAGE =
  "We can't book this online right now because of answers in your health questions. Please call the clinic so a clinician can talk with you first. If you have new numbness in the groin or saddle area, new problems controlling your bladder or bowels, or worsening weakness in your legs, seek emergency care now.";

/** Routine self-booking waits while an emergency red flag stands unacknowledged (domain.md). */
export async function assertNoEmergencyFlag(actor: Actor, patientId: string): Promise<void> {
  if (actor.role !== "patient") return;
  if (await hasUnacknowledgedEmergencyFlag(patientId, actor.clinicId))
    throw new AppError("forbidden", RED_FLAG_BLOCK_MESSAGE);
}

export async function requireTherapistOf(clinicId: string, therapistId: string, client: Tx | typeof db = db) {
  const t = await client.user.findFirst({
    where: { id: therapistId, clinicId, role: "therapist", active: true },
    select: { id: true, name: true },
  });
  if (!t) throw notFound("That therapist");
  return t;
}
