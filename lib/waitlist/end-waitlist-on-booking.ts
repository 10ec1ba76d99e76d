import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Inside a booking's transaction, in one statement (booking stays one round
 * trip longer, no more): the patient's waiting or offered entries for this
 * kind of visit end as booked (operations.md: an entry ends when the patient
 * books), and an open freed time of this therapist that the visit starts in is
 * no longer open: "filled" when the patient came off the waitlist (this is how
 * the front desk booking straight from the freed-times view counts as a
 * refill), "closed" when someone else took it.
 */
export async function endWaitlistFor(
  tx: Tx,
  b: {
    clinicId: string;
    appointmentId: string;
    patientId: string;
    appointmentTypeId: string;
    therapistId: string;
    startsAt: Date;
    at: Date;
  },
): Promise<void> {
  await tx.$executeRaw`
    WITH ended AS (
      UPDATE "WaitlistEntry"
      SET "status" = 'booked', "bookedAppointmentId" = ${b.appointmentId}::uuid, "endedAt" = ${b.at}::timestamptz, "updatedAt" = ${b.at}::timestamptz
      WHERE "clinicId" = ${b.clinicId}::uuid AND "patientId" = ${b.patientId}::uuid
        AND "appointmentTypeId" = ${b.appointmentTypeId}::uuid AND "status" IN ('waiting', 'offered')
      RETURNING 1)
    UPDATE "FreedTime"
    SET "status" = CASE WHEN EXISTS (SELECT 1 FROM ended) THEN 'filled'::"FreedTimeStatus" ELSE 'closed'::"FreedTimeStatus" END,
        "filledAppointmentId" = CASE WHEN EXISTS (SELECT 1 FROM ended) THEN ${b.appointmentId}::uuid END,
        "filledAt" = CASE WHEN EXISTS (SELECT 1 FROM ended) THEN ${b.at}::timestamptz END,
        "closedAt" = CASE WHEN EXISTS (SELECT 1 FROM ended) THEN NULL ELSE ${b.at}::timestamptz END
    WHERE "clinicId" = ${b.clinicId}::uuid AND "therapistId" = ${b.therapistId}::uuid AND "status" = 'open'
      AND "startsAt" <= ${b.startsAt} AND "endsAt" > ${b.startsAt}`;
}
