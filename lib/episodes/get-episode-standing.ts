import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingContext } from "@/lib/booking/booking-settings";
import { db } from "@/lib/db";
import { patientOutOfReach, visiblePatients } from "@/lib/patients/patient-access";
import { todayIn, type LocalDate } from "@/lib/time/calendar-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";
import { formatDayMonthYear } from "@/lib/time/format";
import { parseInput } from "@/lib/validation";
import { episodeStandingQuerySchema } from "@/lib/booking/schema";
import { summarizeAuthorizations, visitCountLabel } from "./authorization-rules";
import { beyondAuthorizationMessage, checkNewVisits } from "./booking-authorization-rules";
import { loadEpisodeVisitFacts } from "./load-episode-visits";

export type NewVisitStanding =
  | { kind: "no_authorizations" }
  | { kind: "within"; visitNumber: number; visitsAuthorized: number; validUntil: LocalDate }
  | { kind: "beyond"; message: string };

export type EpisodeStanding = {
  episodeId: string;
  status: "active" | "on_hold";
  visitsPerWeek: number;
  weeks: number;
  startDate: LocalDate;
  plannedEndDate: LocalDate;
  /** Completed and checked-in visits. */
  visitsCounted: number;
  /** Booked visits not yet attended. */
  visitsBooked: number;
  /** The plan's visits (visitsPerWeek x weeks) not yet counted or booked; never below 0. */
  plannedVisitsRemaining: number;
  /** The authorisation in force today (else the next, else the last); null when none is recorded. */
  authorization: {
    payerName: string;
    visitsAuthorized: number;
    used: number;
    planned: number;
    remaining: number;
    validFrom: LocalDate;
    validUntil: LocalDate;
  } | null;
  /** Authorised visits still free (not used or booked) in authorisations that have not ended. */
  authorizedVisitsRemaining: number | null;
  /** "visit 5 of 12 authorised, until 15 Jan 2027" */
  label: string;
  /** Only when a date was asked about. */
  newVisit?: NewVisitStanding;
};

/**
 * The schedule facts of a patient's open episode, for booking: visits used and
 * booked against the authorisation, and what the plan still proposes. Front
 * desk, therapists and admins (episode:read:schedule) for their clinic's
 * patients; a patient for themself (episode:read:own). Nothing clinical: no
 * reason, code, goals or scores. `{ standing: null }` when no episode is open.
 */
export async function getEpisodeStanding(
  actor: Actor,
  patientId: string,
  query: unknown = {},
  now = new Date(),
): Promise<{ standing: EpisodeStanding | null }> {
  await assertCan(actor, actor.role === "patient" ? "episode:read:own" : "episode:read:schedule");
  const q = parseInput(episodeStandingQuerySchema, query);
  if (!z.uuid().safeParse(patientId).success) return patientOutOfReach(actor, patientId);
  const patient = await db.patient.findFirst({
    // AND, not a spread: a patient's visible set is itself an id filter that `id` must not overwrite.
    where: { AND: [visiblePatients(actor), { id: patientId }] },
    select: { id: true },
  });
  if (!patient) return patientOutOfReach(actor, patientId);
  const { clinic } = await bookingContext(actor.clinicId);
  const episode = await db.episode.findFirst({
    where: { clinicId: actor.clinicId, patientId, status: { in: ["active", "on_hold"] } },
    select: {
      id: true,
      status: true,
      visitsPerWeek: true,
      weeks: true,
      startDate: true,
      plannedEndDate: true,
    },
  });
  await recordAudit(actor, {
    action: "episode.read_standing",
    patientId,
    recordType: "Episode",
    recordId: episode?.id,
  });
  if (!episode) return { standing: null };
  const facts = (await loadEpisodeVisitFacts(db, actor.clinicId, clinic.timeZone, [episode.id])).get(episode.id)!;
  const today = todayIn(clinic.timeZone, now);
  const summary = summarizeAuthorizations(facts.authorizations, facts.visits, today);
  const visitsBooked = facts.visits.filter((v) => !v.counted).length;
  const current = summary.current;
  let newVisit: NewVisitStanding | undefined;
  if (q.date) {
    const [check] = checkNewVisits(facts.authorizations, facts.visits, [q.date]);
    newVisit =
      check!.kind === "within"
        ? {
            kind: "within",
            visitNumber: check!.visitNumber,
            visitsAuthorized: check!.authorization.visitsAuthorized,
            validUntil: check!.authorization.validUntil,
          }
        : check!.kind === "beyond"
          ? {
              kind: "beyond",
              message: beyondAuthorizationMessage(facts.authorizations, check!, q.date, formatDayMonthYear),
            }
          : { kind: "no_authorizations" };
  }
  const openStandings = summary.standings.filter((s) => s.validUntil >= today);
  return {
    standing: {
      episodeId: episode.id,
      status: episode.status as "active" | "on_hold",
      visitsPerWeek: episode.visitsPerWeek,
      weeks: episode.weeks,
      startDate: localDateOfDateColumn(episode.startDate),
      plannedEndDate: localDateOfDateColumn(episode.plannedEndDate),
      visitsCounted: summary.visitsCounted,
      visitsBooked,
      plannedVisitsRemaining: Math.max(0, episode.visitsPerWeek * episode.weeks - summary.visitsCounted - visitsBooked),
      authorization: current
        ? {
            payerName: current.payerName,
            visitsAuthorized: current.visitsAuthorized,
            used: current.used,
            planned: current.planned,
            remaining: current.remaining,
            validFrom: current.validFrom,
            validUntil: current.validUntil,
          }
        : null,
      authorizedVisitsRemaining: facts.authorizations.length
        ? openStandings.reduce((n, s) => n + s.remaining, 0)
        : null,
      label: visitCountLabel(current, summary.visitsCounted, formatDayMonthYear),
      ...(newVisit && { newVisit }),
    },
  };
}
