import { postgresRefusal } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { SlotGroup } from "./find-slots";

/** 409 for a time someone else took first; carries fresh slots so the client can offer them at once. */
export class SlotTakenError extends AppError {
  constructor(
    message: string,
    readonly freshSlots: SlotGroup[],
  ) {
    super("conflict", message, undefined, { freshSlots });
  }
}

export type SeriesConflict = {
  date: string;
  startsAt: string;
  reason: string;
  /** Other free times that day (same therapist first, then others at the asked time). */
  alternatives: Array<{ start: string; therapistId: string }>;
};

/** 409 for a series with occurrences that cannot be booked: nothing was booked. */
export class SeriesConflictError extends AppError {
  constructor(readonly conflicts: SeriesConflict[]) {
    super(
      "conflict",
      `${conflicts.length} of the dates cannot be booked, so none were. Choose other times for these dates or change the series.`,
      undefined,
      { conflicts },
    );
  }
}

/** Which exclusion constraint Postgres refused the write with (SQLSTATE 23P01), if any. */
export function overlapRefusal(error: unknown): "therapist" | "patient" | null {
  const refusal = postgresRefusal(error);
  if (refusal?.sqlState !== "23P01") return null;
  return refusal.message.includes("Appointment_patient_no_overlap") ? "patient" : "therapist";
}

export const TAKEN_MESSAGE = "That time was just taken. Please choose another time.";
export const PATIENT_BUSY_MESSAGE = "The patient already has an appointment at that time. Please choose another time.";

/**
 * An inactive patient cannot be booked (docs/decisions/058). 422: the request
 * is well-formed, but this patient is not bookable until marked active again.
 */
export const INACTIVE_SELF_BOOKING_MESSAGE =
  "Online booking is not available for your record at the moment. Please call the clinic to book a visit.";

export function inactivePatientRefusal(role: string): AppError {
  if (role === "patient") return new AppError("validation", INACTIVE_SELF_BOOKING_MESSAGE);
  const message =
    "This patient is marked inactive, so no new visits can be booked. Mark them active again on their page first.";
  return new AppError("validation", message, { patientId: [message] });
}
