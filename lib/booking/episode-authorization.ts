import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadEpisodeVisitFacts } from "@/lib/episodes/load-episode-visits";
import { beyondAuthorizationMessage, checkNewVisits } from "@/lib/episodes/booking-authorization-rules";
import type { LocalDate } from "@/lib/time/calendar-rules";
import { formatDayMonthYear } from "@/lib/time/format";

export const PATIENT_BEYOND_AUTHORIZATION_MESSAGE =
  "This visit is past what your insurer has authorised, so it cannot be booked online. Please call the clinic to book it.";

export type EpisodeBookingCheck = {
  /** The episode the new visits join (null: the patient has no open episode). */
  episodeId: string | null;
  /** Per date (in the order given): null when covered or nothing to check, else why it is beyond. */
  beyond: (string | null)[];
};

/**
 * The episode a new or moved visit belongs to, and whether each date stays
 * within its payer authorisations. Runs inside the booking transaction: the
 * episode row is locked (FOR UPDATE) before the visits are counted, so two
 * bookings racing for the last authorised visit take turns and the second
 * sees the first (decision 092).
 *
 * `episodeId` given (a move): that episode, whatever its status; otherwise the
 * patient's open (active or on hold) episode.
 */
export async function checkEpisodeAuthorization(
  tx: Tx,
  p: {
    clinicId: string;
    timeZone: string;
    patientId: string;
    dates: LocalDate[];
    episodeId?: string | null;
    /** A moved visit: left out of the count, it is the one being placed. */
    excludeAppointmentId?: string;
  },
): Promise<EpisodeBookingCheck> {
  const rows =
    p.episodeId === undefined
      ? await tx.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Episode"
          WHERE "clinicId" = ${p.clinicId}::uuid AND "patientId" = ${p.patientId}::uuid
            AND "status" IN ('active', 'on_hold')
          FOR UPDATE`
      : p.episodeId === null
        ? []
        : await tx.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Episode" WHERE "id" = ${p.episodeId}::uuid AND "clinicId" = ${p.clinicId}::uuid
          FOR UPDATE`;
  const episodeId = rows[0]?.id ?? null;
  if (!episodeId) return { episodeId: null, beyond: p.dates.map(() => null) };
  const facts = (await loadEpisodeVisitFacts(tx, p.clinicId, p.timeZone, [episodeId])).get(episodeId)!;
  const visits = facts.visits.filter((v) => v.id !== p.excludeAppointmentId);
  const checks = checkNewVisits(facts.authorizations, visits, p.dates);
  return {
    episodeId,
    beyond: checks.map((c, i) =>
      c.kind === "beyond" ? beyondAuthorizationMessage(facts.authorizations, c, p.dates[i]!, formatDayMonthYear) : null,
    ),
  };
}

/**
 * Refuses a booking beyond authorisation unless staff gave a reason: patients
 * online are told to call (nothing is written); staff without a reason get a
 * field error on overAuthorizationReason saying why.
 */
export function assertAuthorizationReason(role: string, check: EpisodeBookingCheck, reason: string | undefined): void {
  const first = check.beyond.find((b) => b !== null);
  if (!first) return;
  if (role === "patient") throw new AppError("conflict", PATIENT_BEYOND_AUTHORIZATION_MESSAGE);
  if (reason) return;
  const count = check.beyond.filter((b) => b !== null).length;
  const message =
    check.beyond.length > 1
      ? `${count} of the visits are beyond the authorisation (${first.replace(/\.$/, "")}). Give a reason to book them anyway.`
      : `${first} Give a reason to book this visit anyway.`;
  throw new AppError("validation", message, { overAuthorizationReason: [message] });
}
