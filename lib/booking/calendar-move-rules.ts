/**
 * The front-desk calendar's optimistic move (docs/decisions/104): what the
 * cached calendar shows between a drop and the server's answer, and how it
 * goes back. Plain functions over the calendar's JSON so they can be tested
 * without React or a server; the server still decides (Postgres refuses an
 * overlap), these only draw its likely answer early.
 */

/** The fields of a calendar appointment a move changes or is checked by. */
export type PlacedAppointment = {
  id: string;
  therapistId: string;
  startsAt: string;
  endsAt: string;
  blockedUntil: string;
  version: number;
  confirmedAt: string | null;
};

type WithAppointments<A> = { appointments: A[] };

/**
 * The appointment as the server will store it after a move: the same visit
 * length and buffer from the new start (as move-appointment.ts keeps them),
 * and no patient confirmation, which a move clears.
 */
export function movedAppointment<A extends PlacedAppointment>(a: A, therapistId: string, startMs: number): A {
  const from = Date.parse(a.startsAt);
  const shifted = (iso: string) => new Date(Date.parse(iso) - from + startMs).toISOString();
  return {
    ...a,
    therapistId,
    startsAt: new Date(startMs).toISOString(),
    endsAt: shifted(a.endsAt),
    blockedUntil: shifted(a.blockedUntil),
    confirmedAt: null,
  };
}

/**
 * The calendar with one appointment replaced by `next(current)`, when `next`
 * gives something. Every other appointment keeps its identity, so the grid's
 * memoised blocks for them do not render again; a calendar without that
 * appointment (another week in the cache) is returned as it was.
 */
function replaceAppointment<A extends PlacedAppointment, D extends WithAppointments<A>>(
  data: D,
  id: string,
  next: (current: A) => A | null,
): D {
  const index = data.appointments.findIndex((a) => a.id === id);
  if (index < 0) return data;
  const replacement = next(data.appointments[index]!);
  if (!replacement) return data;
  const appointments = data.appointments.slice();
  appointments[index] = replacement;
  return { ...data, appointments };
}

/**
 * Drawn at its new place at once. It stays in the list even when the new day
 * is outside the calendar's days (the grid then simply does not draw it), so
 * a dialog open on it stays open until the server answers.
 */
export function showMove<A extends PlacedAppointment, D extends WithAppointments<A>>(
  data: D,
  original: A,
  therapistId: string,
  startMs: number,
): D {
  return replaceAppointment(data, original.id, () => movedAppointment(original, therapistId, startMs));
}

/**
 * Back where it was after a refusal. Only while the cache still holds the
 * version the move was made from: a refetch that already brought a newer one
 * (someone else changed it) is the truth and is kept.
 */
export function undoMove<A extends PlacedAppointment, D extends WithAppointments<A>>(data: D, original: A): D {
  return replaceAppointment(data, original.id, (current) => (current.version === original.version ? original : null));
}

/**
 * The server's answer to a move, merged over the drawn copy: its version, so
 * the next move of the same visit before the refetch is not refused as stale,
 * and its times, should they differ from the guess. Fields the move answer
 * does not carry (patient, intake, episode) stay until the refetch.
 */
export function confirmMove<A extends PlacedAppointment, D extends WithAppointments<A>>(
  data: D,
  saved: PlacedAppointment,
): D {
  return replaceAppointment(data, saved.id, (current) =>
    saved.version > current.version ? { ...current, ...pick(saved) } : null,
  );
}

function pick(a: PlacedAppointment): PlacedAppointment {
  return {
    id: a.id,
    therapistId: a.therapistId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    blockedUntil: a.blockedUntil,
    version: a.version,
    confirmedAt: a.confirmedAt,
  };
}
