/**
 * Visits against a payer's authorisations ("visit 5 of 12 authorised, until
 * 15 Jan"). Pure: dates are clinic-local "YYYY-MM-DD" strings, which compare
 * correctly as strings.
 *
 * Only completed and checked-in visits are *used*; booked ones are *planned*.
 * Each visit is allocated, in date order, to the first authorisation whose
 * dates contain it and that still has room, so authorisations that follow one
 * another fill in sequence. A visit no authorisation can take is "beyond
 * authorisation" and needs a reason from staff (patients cannot book it).
 */
import type { LocalDate } from "@/lib/time/calendar-rules";

export type AuthorizationFact = {
  id: string;
  payerName: string;
  visitsAuthorized: number;
  validFrom: LocalDate;
  validUntil: LocalDate;
};

/** A visit of the episode that is not cancelled and not a no-show. */
export type EpisodeVisitFact = {
  id: string;
  date: LocalDate;
  /** Completed or checked in: it uses an authorised visit. */
  counted: boolean;
};

export type AuthorizationStanding = AuthorizationFact & {
  /** Visits used (completed or checked in). */
  used: number;
  /** Booked visits allocated to it, not yet used. */
  planned: number;
  /** Authorised visits neither used nor planned. */
  remaining: number;
};

export type EpisodeAuthorizationSummary = {
  /** Every counted visit of the episode, authorised or not. */
  visitsCounted: number;
  standings: AuthorizationStanding[];
  /** The authorisation in force today, else the next to start, else the last one; null when there are none. */
  current: AuthorizationStanding | null;
  /** Visit ids no authorisation covers (by count or date). Empty when the episode has no authorisations. */
  beyondAuthorization: string[];
  /** Visit id -> the authorisation it was allocated to, in allocation (date) order. */
  allocation: Map<string, string>;
};

/** Authorisations in the order they are used: by start, then end. */
function inSequence(auths: readonly AuthorizationFact[]): AuthorizationFact[] {
  return [...auths].sort(
    (a, b) =>
      a.validFrom.localeCompare(b.validFrom) || a.validUntil.localeCompare(b.validUntil) || a.id.localeCompare(b.id),
  );
}

/**
 * Allocate visits to authorisations. Counted visits are placed before planned
 * ones on the same footing of date order, so a booked visit never takes a place
 * an earlier-dated completed visit needed.
 */
export function summarizeAuthorizations(
  auths: readonly AuthorizationFact[],
  visits: readonly EpisodeVisitFact[],
  today: LocalDate,
): EpisodeAuthorizationSummary {
  const ordered = inSequence(auths);
  const standings: AuthorizationStanding[] = ordered.map((a) => ({
    ...a,
    used: 0,
    planned: 0,
    remaining: a.visitsAuthorized,
  }));
  const beyond: string[] = [];
  const allocation = new Map<string, string>();
  const byDate = [...visits].sort(
    (a, b) => a.date.localeCompare(b.date) || Number(b.counted) - Number(a.counted) || a.id.localeCompare(b.id),
  );
  for (const visit of byDate) {
    const slot = standings.find((s) => s.validFrom <= visit.date && visit.date <= s.validUntil && s.remaining > 0);
    if (!slot) {
      if (standings.length > 0) beyond.push(visit.id);
      continue;
    }
    slot.remaining -= 1;
    allocation.set(visit.id, slot.id);
    if (visit.counted) slot.used += 1;
    else slot.planned += 1;
  }
  const current =
    standings.find((s) => s.validFrom <= today && today <= s.validUntil) ??
    standings.find((s) => s.validFrom > today) ??
    standings.at(-1) ??
    null;
  return {
    visitsCounted: visits.filter((v) => v.counted).length,
    standings,
    current,
    beyondAuthorization: beyond,
    allocation,
  };
}

export type BookingAuthorizationCheck =
  | { kind: "no_authorizations" }
  | { kind: "within"; authorization: AuthorizationFact; visitNumber: number }
  | { kind: "beyond"; reason: "count" | "date"; message: string };

/**
 * Would a new visit on `date` be covered? `visits` are the episode's existing
 * visits (counted and booked, cancelled and no-shows left out). The visit's
 * number is its place in the authorisation it falls into.
 */
export function checkNewVisit(
  auths: readonly AuthorizationFact[],
  visits: readonly EpisodeVisitFact[],
  date: LocalDate,
): BookingAuthorizationCheck {
  if (auths.length === 0) return { kind: "no_authorizations" };
  const probeId = "\u0000new-visit";
  const summary = summarizeAuthorizations(auths, [...visits, { id: probeId, date, counted: false }], date);
  const holderId = summary.allocation.get(probeId);
  if (holderId) {
    let visitNumber = 0;
    for (const [visitId, authId] of summary.allocation) {
      if (authId === holderId) visitNumber += 1;
      if (visitId === probeId) break;
    }
    return { kind: "within", authorization: auths.find((a) => a.id === holderId)!, visitNumber };
  }
  const covering = inSequence(auths).filter((a) => a.validFrom <= date && date <= a.validUntil);
  if (covering.length === 0) {
    const last = inSequence(auths).at(-1)!;
    return {
      kind: "beyond",
      reason: "date",
      message:
        date > last.validUntil
          ? `The authorisation ends on ${last.validUntil}; this visit is after it.`
          : `No authorisation covers ${date}.`,
    };
  }
  const total = covering.reduce((n, a) => n + a.visitsAuthorized, 0);
  return { kind: "beyond", reason: "count", message: `All ${total} authorised visits are used or booked.` };
}

/** "visit 5 of 12 authorised, until 2027-01-15" (the date formatted by the caller). */
export function visitCountLabel(
  standing: AuthorizationStanding | null,
  visitsCounted: number,
  formatDate: (d: LocalDate) => string,
): string {
  if (!standing) return `visit ${visitsCounted} (no authorisation recorded)`;
  return `visit ${standing.used} of ${standing.visitsAuthorized} authorised, until ${formatDate(standing.validUntil)}`;
}
