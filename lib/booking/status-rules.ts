/**
 * Appointment statuses and the moves between them (domain.md, "Booking").
 * Pure: shared by the server, the calendar UI and the tests.
 */
export const APPOINTMENT_STATUSES = ["booked", "checked_in", "completed", "cancelled", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold the therapist's and patient's time (the exclusion constraints use the same list). */
export const ACTIVE_STATUSES = ["booked", "checked_in", "completed"] as const satisfies readonly AppointmentStatus[];

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  booked: "Booked",
  checked_in: "Checked in",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

/** A booked visit the patient confirmed (a text reply "C") reads "Confirmed" wherever its status is shown. */
export const CONFIRMED_LABEL = "Confirmed";

export function appointmentLabel(status: AppointmentStatus, confirmedAt: string | Date | null | undefined): string {
  return status === "booked" && confirmedAt ? CONFIRMED_LABEL : STATUS_LABEL[status];
}

/** Status actions the front desk can take, and the status each may start from. */
export const STATUS_ACTIONS = {
  check_in: { from: ["booked"], to: "checked_in", label: "Check in" },
  undo_check_in: { from: ["checked_in"], to: "booked", label: "Undo check-in" },
  complete: { from: ["checked_in", "booked"], to: "completed", label: "Complete" },
  no_show: { from: ["booked"], to: "no_show", label: "Mark no-show" },
} as const satisfies Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus; label: string }>;
export type StatusAction = keyof typeof STATUS_ACTIONS;
export const STATUS_ACTION_NAMES = Object.keys(STATUS_ACTIONS) as StatusAction[];

export function canApply(action: StatusAction, status: AppointmentStatus): boolean {
  return (STATUS_ACTIONS[action].from as readonly AppointmentStatus[]).includes(status);
}

/** Only a booked (not yet arrived) appointment can be moved or cancelled. */
export function isChangeable(status: AppointmentStatus): boolean {
  return status === "booked";
}

/**
 * A cancellation is late when it comes less than the clinic's window before
 * the start (a window of 0 means never late).
 */
export function isLateCancellation(startsAt: number, now: number, lateWindowHours: number): boolean {
  return lateWindowHours > 0 && startsAt - now < lateWindowHours * 3_600_000;
}

/**
 * Patients manage their own bookings in the portal until the late window
 * opens; after that a move must go through the clinic (a cancel is still
 * allowed, and recorded as late).
 */
export function patientMayReschedule(startsAt: number, now: number, lateWindowHours: number): boolean {
  return startsAt > now && !isLateCancellation(startsAt, now, lateWindowHours);
}

export function patientMayCancel(startsAt: number, now: number): boolean {
  return startsAt > now;
}

/** Why a status action cannot happen yet (or null): no-show and complete only once the visit has started. */
export function statusActionTimingError(action: StatusAction, startsAt: number, now: number): string | null {
  if ((action === "no_show" || action === "complete") && now < startsAt)
    return action === "no_show"
      ? "A patient can only be marked as a no-show once the appointment has started."
      : "An appointment can only be completed once it has started.";
  if (action === "check_in" && startsAt - now > 12 * 3_600_000)
    return "Patients can be checked in on the day of their appointment.";
  return null;
}
