/**
 * What booking does with the authorisation rules (authorization-rules.ts):
 * check several new visits at once (a series), word the refusal people read,
 * and number the visits a calendar shows. Pure; dates are clinic-local
 * "YYYY-MM-DD" strings.
 */
import type { LocalDate } from "@/lib/time/calendar-rules";
import {
  checkNewVisit,
  summarizeAuthorizations,
  type AuthorizationFact,
  type BookingAuthorizationCheck,
  type EpisodeVisitFact,
} from "./authorization-rules";

/**
 * Each new date checked in date order, every earlier new visit that an
 * authorisation took counted as booked, so a series cannot spend the same
 * last authorised visit twice. Results come back in the order of `dates`.
 */
export function checkNewVisits(
  auths: readonly AuthorizationFact[],
  visits: readonly EpisodeVisitFact[],
  dates: readonly LocalDate[],
): BookingAuthorizationCheck[] {
  const order = dates.map((date, i) => ({ date, i })).sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i);
  const known: EpisodeVisitFact[] = [...visits];
  const out: BookingAuthorizationCheck[] = new Array(dates.length);
  for (const { date, i } of order) {
    const check = checkNewVisit(auths, known, date);
    out[i] = check;
    if (check.kind === "within") known.push({ id: `\u0000new-${i}`, date, counted: false });
  }
  return out;
}

/** Why a visit on `date` is beyond authorisation, in words for staff ("The authorisation ends on 15 Jan 2027."). */
export function beyondAuthorizationMessage(
  auths: readonly AuthorizationFact[],
  check: Extract<BookingAuthorizationCheck, { kind: "beyond" }>,
  date: LocalDate,
  formatDate: (d: LocalDate) => string,
): string {
  if (check.reason === "count") return check.message;
  const lastEnd = auths.reduce<LocalDate | null>((end, a) => (end && end > a.validUntil ? end : a.validUntil), null);
  if (lastEnd && date > lastEnd) return `The authorisation ends on ${formatDate(lastEnd)}.`;
  return `No authorisation covers ${formatDate(date)}.`;
}

export type VisitNumber = {
  /** Its place among the visits allocated to its authorisation, 1-based. */
  visitNumber: number;
  visitsAuthorized: number;
  validUntil: LocalDate;
};

/**
 * Every visit's number within the authorisation it falls into ("visit 5 of
 * 12"); a visit missing from the map is beyond authorisation, or the episode
 * has none. One pass over the allocation, so a week's calendar costs one
 * summary per episode, not one per visit.
 */
export function visitNumbers(
  auths: readonly AuthorizationFact[],
  visits: readonly EpisodeVisitFact[],
  today: LocalDate,
): { numbers: Map<string, VisitNumber>; beyond: Set<string> } {
  const summary = summarizeAuthorizations(auths, visits, today);
  const byId = new Map(auths.map((a) => [a.id, a]));
  const counts = new Map<string, number>();
  const numbers = new Map<string, VisitNumber>();
  for (const [visitId, authId] of summary.allocation) {
    const n = (counts.get(authId) ?? 0) + 1;
    counts.set(authId, n);
    const auth = byId.get(authId)!;
    numbers.set(visitId, { visitNumber: n, visitsAuthorized: auth.visitsAuthorized, validUntil: auth.validUntil });
  }
  return { numbers, beyond: new Set(summary.beyondAuthorization) };
}
