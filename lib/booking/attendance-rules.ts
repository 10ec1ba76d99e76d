/**
 * Attendance figures (docs/decisions/084): how many visits were missed
 * (no-show) or cancelled too late to refill, per therapist and per reminder
 * channel. Counts come from the visits whose final start fell in the period;
 * the rates here are the stated rule, so the page, the tests and anyone
 * comparing with their old system read the same thing.
 */

/** Visits whose final start is in the period, by how they ended. */
export type AttendanceCounts = {
  /** completed or checked in */
  attended: number;
  noShows: number;
  lateCancellations: number;
  /** Cancelled before the late-cancellation window: the time could be offered again, so not "due". */
  earlyCancellations: number;
  /** Still "booked" after its start: nobody recorded the outcome yet. */
  unrecorded: number;
};

export type AttendanceFigures = {
  /** Visits due: every visit of the period except those cancelled early. */
  visits: number;
  noShows: number;
  lateCancellations: number;
  /** noShows / (attended + noShows); null when there is nothing to divide by. */
  noShowRate: number | null;
  /** lateCancellations / visits; null when there were no visits due. */
  lateCancellationRate: number | null;
};

export const NO_COUNTS: AttendanceCounts = {
  attended: 0,
  noShows: 0,
  lateCancellations: 0,
  earlyCancellations: 0,
  unrecorded: 0,
};

export function addCounts(a: AttendanceCounts, b: AttendanceCounts): AttendanceCounts {
  return {
    attended: a.attended + b.attended,
    noShows: a.noShows + b.noShows,
    lateCancellations: a.lateCancellations + b.lateCancellations,
    earlyCancellations: a.earlyCancellations + b.earlyCancellations,
    unrecorded: a.unrecorded + b.unrecorded,
  };
}

const rate = (n: number, of: number) => (of > 0 ? n / of : null);

/**
 * No-show rate: of the visits whose outcome was recorded as held or missed,
 * the share missed (an unrecorded visit is neither). Late-cancellation rate:
 * of the visits due (still on the books when the late window opened), the
 * share cancelled inside it.
 */
export function attendanceFigures(c: AttendanceCounts): AttendanceFigures {
  const visits = c.attended + c.noShows + c.lateCancellations + c.unrecorded;
  return {
    visits,
    noShows: c.noShows,
    lateCancellations: c.lateCancellations,
    noShowRate: rate(c.noShows, c.attended + c.noShows),
    lateCancellationRate: rate(c.lateCancellations, visits),
  };
}

export type ReminderGroup = "none" | "email" | "text" | "both";
export const REMINDER_GROUPS: readonly ReminderGroup[] = ["none", "email", "text", "both"];

/** Which reminders the visit got for its final start, from the channels actually queued. */
export function reminderGroup(channels: ReadonlyArray<"email" | "sms">): ReminderGroup {
  const email = channels.includes("email");
  const text = channels.includes("sms");
  return email && text ? "both" : email ? "email" : text ? "text" : "none";
}

/** "12.5%"; "–" for a rate with nothing to divide by. */
export function formatRate(r: number | null): string {
  return r === null ? "–" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}
