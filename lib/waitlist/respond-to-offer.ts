import "server-only";
import type { RequestOrigin } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueAppointmentEmail, messageAppointmentSelect } from "@/lib/booking/appointment-messages";
import { RED_FLAG_BLOCK_MESSAGE } from "@/lib/booking/booking-access";
import { overlapRefusal } from "@/lib/booking/booking-errors";
import { lockBookingParties } from "@/lib/booking/booking-locks";
import { bookingContext } from "@/lib/booking/booking-settings";
import { newUuidV7 } from "@/lib/booking/idempotency";
import { retryOnDeadlock } from "@/lib/booking/retry-transaction";
import { assertAuthorizationReason, checkEpisodeAuthorization } from "@/lib/booking/episode-authorization";
import { localDateOf } from "@/lib/time/calendar-rules";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashLinkToken, looksLikeLinkToken } from "@/lib/intake/link-token";
import { hasUnacknowledgedEmergencyFlag } from "@/lib/intake/red-flag-status";
import { endWaitlistFor } from "./end-waitlist-on-booking";
import { releaseOffersAsTaken } from "./offer-messages";
import { offerLinkState, type OfferLinkState } from "./offer-rules";

/** What the offer page shows: enough to decide, nothing clinical. */
export type OfferView = {
  state: OfferLinkState;
  firstName: string;
  clinic: { name: string; phone: string; timeZone: string };
  therapistName: string;
  appointmentTypeName: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
};

/** After accept or decline: the link's state now; "busy" when the patient already has a visit then. */
export type OfferResponse = { state: OfferLinkState | "busy"; appointmentId: string | null };

/** The offer behind a link, or null for a link that never existed. Opening it changes nothing. */
export async function viewWaitlistOffer(token: string, now = new Date()): Promise<OfferView | null> {
  const offer = await findOffer(token);
  if (!offer) return null;
  const [therapist, clinic] = await Promise.all([
    db.user.findFirst({ where: { id: offer.therapistId, clinicId: offer.clinicId }, select: { name: true } }),
    db.clinic.findUniqueOrThrow({ where: { id: offer.clinicId }, select: { name: true, phone: true, timeZone: true } }),
  ]);
  return {
    state: offerLinkState(offer, offer.freedTime.status, now),
    firstName: offer.entry.patient.preferredName ?? offer.entry.patient.firstName,
    clinic,
    therapistName: therapist?.name ?? "your therapist",
    appointmentTypeName: offer.entry.appointmentType.name,
    startsAt: offer.startsAt.toISOString(),
    endsAt: offer.endsAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
  };
}

async function findOffer(token: string) {
  if (!looksLikeLinkToken(token)) return null;
  return db.waitlistOffer.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      clinicId: true,
      freedTimeId: true,
      entryId: true,
      therapistId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      expiresAt: true,
      entry: {
        select: {
          patientId: true,
          appointmentTypeId: true,
          patient: { select: { firstName: true, preferredName: true, userId: true } },
          appointmentType: { select: { name: true, durationMinutes: true, bufferAfterMinutes: true } },
        },
      },
      freedTime: { select: { status: true } },
    },
  });
}

type Offer = NonNullable<Awaited<ReturnType<typeof findOffer>>>;

const auditWho = (offer: Offer, origin: RequestOrigin) => ({
  ...origin,
  clinicId: offer.clinicId,
  // No account is needed to answer; the audit names the patient the link was sent to.
  role: "waitlist_link",
});

/**
 * Locks the offer's freed time (FOR UPDATE: accepts of one time, and offer
 * passes, take turns on it) and re-reads the offer under the lock. A pending
 * offer whose hold ran out or whose time went is settled here, so the link
 * says so plainly from now on.
 */
async function lockedState(tx: Tx, offer: Offer, now: Date): Promise<OfferLinkState> {
  const [freed] = await tx.$queryRaw<Array<{ status: "open" | "filled" | "closed" }>>`
    SELECT "status" FROM "FreedTime" WHERE "id" = ${offer.freedTimeId}::uuid FOR UPDATE`;
  const fresh = await tx.waitlistOffer.findUniqueOrThrow({
    where: { id: offer.id },
    select: { status: true, expiresAt: true },
  });
  const state = offerLinkState(fresh, freed!.status, now);
  if (fresh.status === "pending" && (state === "expired" || state === "taken")) {
    await tx.waitlistOffer.update({ where: { id: offer.id }, data: { status: state } });
    await backToWaiting(tx, offer.entryId);
  }
  return state;
}

const backToWaiting = (tx: Tx, entryId: string) =>
  tx.waitlistEntry.updateMany({ where: { id: entryId, status: "offered" }, data: { status: "waiting" } });

/**
 * The patient takes the offered time (POST /api/waitlist/offers/{token}/accept).
 * One transaction: the visit is inserted like every booking (the exclusion
 * constraints refuse any overlap), the offer is accepted, the entry booked,
 * the freed time filled, the other pending offers for it "taken" (their
 * patients told), the confirmation queued. Racing accepts of one time queue
 * on the freed time's row lock, so the first wins and the rest read "taken".
 */
export async function acceptWaitlistOffer(
  token: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<OfferResponse> {
  const offer = await findOffer(token);
  if (!offer) return unknownOffer();
  // As for booking in the portal: a patient with an unacknowledged emergency red flag is asked to call.
  if (await hasUnacknowledgedEmergencyFlag(offer.entry.patientId, offer.clinicId))
    throw new AppError("forbidden", RED_FLAG_BLOCK_MESSAGE);
  const { clinic } = await bookingContext(offer.clinicId);
  const type = offer.entry.appointmentType;
  const start = offer.startsAt.getTime();
  try {
    return await retryOnDeadlock(() =>
      db.$transaction(
        async (tx): Promise<OfferResponse> => {
          const state = await lockedState(tx, offer, now);
          if (state !== "open") return { state, appointmentId: null };
          const id = newUuidV7(now.getTime());
          await lockBookingParties(tx, { therapistIds: [offer.therapistId], patientId: offer.entry.patientId });
          // The patient answers online: a visit past the authorisation is for the clinic to book.
          const episode = await checkEpisodeAuthorization(tx, {
            clinicId: offer.clinicId,
            timeZone: clinic.timeZone,
            patientId: offer.entry.patientId,
            dates: [localDateOf(start, clinic.timeZone)],
          });
          assertAuthorizationReason("patient", episode, undefined);
          const row = await tx.appointment.create({
            data: {
              id,
              clinicId: offer.clinicId,
              therapistId: offer.therapistId,
              patientId: offer.entry.patientId,
              appointmentTypeId: offer.entry.appointmentTypeId,
              startsAt: new Date(start),
              endsAt: new Date(start + type.durationMinutes * 60_000),
              blockedUntil: new Date(start + (type.durationMinutes + type.bufferAfterMinutes) * 60_000),
              // The patient booked it; one without a portal account is named by their patient id.
              bookedById: offer.entry.patient.userId ?? offer.entry.patientId,
              bookedVia: "waitlist",
              episodeId: episode.episodeId,
            },
            select: messageAppointmentSelect,
          });
          await tx.waitlistOffer.update({
            where: { id: offer.id },
            data: { status: "accepted", respondedAt: now, appointmentId: id },
          });
          // Ends this entry (and any other of the patient's for this kind of visit) and fills the freed time.
          await endWaitlistFor(tx, {
            clinicId: offer.clinicId,
            appointmentId: id,
            patientId: offer.entry.patientId,
            appointmentTypeId: offer.entry.appointmentTypeId,
            therapistId: offer.therapistId,
            startsAt: row.startsAt,
            at: now,
          });
          // Offers whose hold already ran out stay for the pass to mark "expired": their links say so.
          const others = await tx.waitlistOffer.findMany({
            where: { freedTimeId: offer.freedTimeId, status: "pending", expiresAt: { gt: now } },
            select: { id: true },
          });
          await releaseOffersAsTaken(
            tx,
            others.map((o) => o.id),
            now,
          );
          await recordAudit(
            auditWho(offer, origin),
            {
              action: "waitlist_offer.accept",
              patientId: offer.entry.patientId,
              recordType: "Appointment",
              recordId: id,
              details: { offerId: offer.id },
            },
            tx,
          );
          await enqueueAppointmentEmail(tx, "confirmation", row, clinic);
          return { state: "accepted", appointmentId: id };
        },
        { maxWait: 30_000, timeout: 30_000 },
      ),
    );
  } catch (error) {
    const refused = overlapRefusal(error);
    if (!refused) throw error;
    // Booked some other way meanwhile (the therapist's time, or the patient's own other visit then).
    await db.$transaction(async (tx) => {
      await tx.waitlistOffer.updateMany({
        where: { id: offer.id, status: "pending" },
        data: { status: refused === "patient" ? "declined" : "taken", respondedAt: now },
      });
      await backToWaiting(tx, offer.entryId);
    });
    return { state: refused === "patient" ? "busy" : "taken", appointmentId: null };
  }
}

/** The patient lets the time go: the entry waits again, and the next pass offers the time to the next patient. */
export async function declineWaitlistOffer(
  token: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<OfferResponse> {
  const offer = await findOffer(token);
  if (!offer) return unknownOffer();
  return db.$transaction(async (tx): Promise<OfferResponse> => {
    const state = await lockedState(tx, offer, now);
    if (state !== "open") return { state, appointmentId: null };
    await tx.waitlistOffer.update({ where: { id: offer.id }, data: { status: "declined", respondedAt: now } });
    await backToWaiting(tx, offer.entryId);
    await recordAudit(
      auditWho(offer, origin),
      {
        action: "waitlist_offer.decline",
        patientId: offer.entry.patientId,
        recordType: "WaitlistOffer",
        recordId: offer.id,
      },
      tx,
    );
    return { state: "declined", appointmentId: null };
  });
}

function unknownOffer(): never {
  throw new AppError(
    "not_found",
    "We could not find this offer. Check that you opened the whole link, or call the clinic.",
  );
}
