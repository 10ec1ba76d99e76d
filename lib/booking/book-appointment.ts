import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { notFound } from "@/lib/errors";
import { addDays, localDateOf } from "@/lib/time/calendar-rules";
import { parseInput } from "@/lib/validation";
import { appointmentDto, appointmentSelect } from "./appointment-dto";
import { enqueueAppointmentEmail } from "./appointment-messages";
import {
  PATIENT_BUSY_MESSAGE,
  SlotTakenError,
  TAKEN_MESSAGE,
  inactivePatientRefusal,
  overlapRefusal,
} from "./booking-errors";
import { assertMayBook, assertNoEmergencyFlag, ownOrRequestedPatient } from "./booking-access";
import type { BookingSettings } from "./booking-settings";
import { checkBookableStart } from "./check-start";
import { groupSlots, searchSlots } from "./find-slots";
import {
  assertSameRequest,
  claimKey,
  fingerprintOf,
  newUuidV7,
  parseIdempotencyKey,
  previousResult,
  type StoredResult,
} from "./idempotency";
import { loadBookingFacts } from "./load-booking-facts";
import { bookAppointmentSchema } from "./schema";
import { listTherapists } from "./therapist-schedules";
import { lockBookingParties } from "./booking-locks";
import { retryOnDeadlock } from "./retry-transaction";
import { endWaitlistFor } from "@/lib/waitlist/end-waitlist-on-booking";
import { assertAuthorizationReason, checkEpisodeAuthorization } from "./episode-authorization";

/** Room for a burst of bookings queueing for the pool (the 200-at-once test) without a spurious failure. */
export const BOOKING_TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export type BookResult = { appointment: ReturnType<typeof appointmentDto>; replayed: boolean };

/**
 * POST /api/booking/appointments. Atomic by construction: the row is simply
 * inserted, and Postgres's exclusion constraints refuse an overlap for the
 * therapist or the patient however many requests race (docs/decisions/031).
 * The loser gets a 409 with fresh slots; a retry with the same key gets the
 * first answer.
 */
export async function bookAppointment(
  actor: Actor,
  input: unknown,
  idempotencyKey: unknown,
  now = Date.now(),
): Promise<BookResult> {
  await assertMayBook(actor);
  const data = parseInput(bookAppointmentSchema, input);
  const key = parseIdempotencyKey(idempotencyKey);
  const patientId = ownOrRequestedPatient(actor, data.patientId);
  const start = Date.parse(data.startsAt);
  // Everything to check before writing, in one round trip (load-booking-facts.ts); the checks
  // below run in the order they always have.
  const facts = await loadBookingFacts({
    clinicId: actor.clinicId,
    userId: actor.userId,
    key,
    appointmentTypeId: data.appointmentTypeId,
    onlineBookableOnly: actor.role === "patient",
    therapistId: data.therapistId,
    patientId,
    start,
  });
  if (!facts?.patient) throw notFound("That patient");
  const fingerprint = fingerprintOf({ ...data, patientId, startsAt: start });

  const replayOf = async (stored: StoredResult | null) => {
    if (!stored?.appointmentIds[0]) return null;
    const row = await db.appointment.findFirstOrThrow({
      where: { id: stored.appointmentIds[0], clinicId: actor.clinicId },
      select: appointmentSelect,
    });
    return { appointment: appointmentDto(row), replayed: true };
  };
  if (facts.previous) {
    assertSameRequest(facts.previous.fingerprint, fingerprint);
    const earlier = await replayOf(facts.previous.result);
    if (earlier) return earlier;
  }

  if (!facts.patient.active) throw inactivePatientRefusal(actor.role);
  await assertNoEmergencyFlag(actor, patientId);
  const { clinic, settings, type, therapist, patient } = facts;
  if (!type) throw notFound("That appointment type");
  if (!therapist) throw notFound("That therapist");
  checkBookableStart(actor, therapist, {
    start,
    durationMinutes: type.durationMinutes,
    timeZone: clinic.timeZone,
    settings,
    now,
  });

  try {
    return await retryOnDeadlock(() =>
      db.$transaction(async (tx) => {
        // The id is chosen here so the claimed key carries its final result in one INSERT.
        const id = newUuidV7();
        await claimKey(tx, actor, key, fingerprint, { appointmentIds: [id] });
        await lockBookingParties(tx, { therapistIds: [data.therapistId], patientId });
        const episode = await checkEpisodeAuthorization(tx, {
          clinicId: actor.clinicId,
          timeZone: clinic.timeZone,
          patientId,
          dates: [localDateOf(start, clinic.timeZone)],
        });
        assertAuthorizationReason(actor.role, episode, data.overAuthorizationReason);
        const overAuthorizationReason = episode.beyond[0] ? data.overAuthorizationReason! : null;
        const row = await tx.appointment.create({
          data: {
            id,
            clinicId: actor.clinicId,
            therapistId: data.therapistId,
            patientId,
            appointmentTypeId: type.id,
            startsAt: new Date(start),
            endsAt: new Date(start + type.durationMinutes * 60_000),
            blockedUntil: new Date(start + (type.durationMinutes + type.bufferAfterMinutes) * 60_000),
            bookedById: actor.userId,
            bookedVia: actor.role === "patient" ? "portal" : "staff",
            note: data.note || null,
            episodeId: episode.episodeId,
            overAuthorizationReason,
          },
          select: { ...appointmentSelect, icsSequence: true },
        });
        await recordAudit(
          actor,
          {
            action: "appointment.book",
            patientId,
            recordType: "Appointment",
            recordId: row.id,
            details: overAuthorizationReason
              ? { beyondAuthorization: episode.beyond[0], overAuthorizationReason }
              : undefined,
          },
          tx,
        );
        await endWaitlistFor(tx, {
          clinicId: actor.clinicId,
          appointmentId: row.id,
          patientId,
          appointmentTypeId: type.id,
          therapistId: data.therapistId,
          startsAt: row.startsAt,
          at: new Date(now),
        });
        await enqueueAppointmentEmail(
          tx,
          "confirmation",
          { ...row, therapist: { name: therapist.name }, patient, appointmentType: { name: type.name } },
          clinic,
        );
        return { appointment: appointmentDto(row), replayed: false };
      }, BOOKING_TX_OPTIONS),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      const again = await replayOf(await previousResult(actor, key, fingerprint));
      if (again) return again;
    }
    const refused = overlapRefusal(error);
    if (refused) {
      throw new SlotTakenError(
        refused === "patient" ? PATIENT_BUSY_MESSAGE : TAKEN_MESSAGE,
        await freshSlotsAround(actor, { clinicTimeZone: clinic.timeZone, settings, type, patientId, start, now }),
      );
    }
    throw error;
  }
}

/** The week from the asked day, every therapist: what a client offers after a 409. */
export async function freshSlotsAround(
  actor: Actor,
  p: {
    clinicTimeZone: string;
    settings: BookingSettings;
    type: { durationMinutes: number; bufferAfterMinutes: number };
    patientId: string;
    start: number;
    now: number;
  },
) {
  const from = localDateOf(p.start, p.clinicTimeZone);
  const therapists = await listTherapists(actor.clinicId);
  const slots = await searchSlots({
    clinicId: actor.clinicId,
    timeZone: p.clinicTimeZone,
    settings: p.settings,
    type: p.type,
    therapistIds: therapists.map((t) => t.id),
    from,
    to: addDays(from, 6),
    audience: actor.role === "patient" ? "patient" : "staff",
    patientId: p.patientId,
    now: p.now,
  });
  return groupSlots(slots).slice(0, 60);
}
