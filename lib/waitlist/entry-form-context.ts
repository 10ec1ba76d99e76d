import "server-only";
import { bookingContext } from "@/lib/booking/booking-settings";
import { addDays, todayIn } from "@/lib/time/calendar-rules";

/** The bounds the add form shows its date fields with: today in the clinic's zone and the booking window's end. */
export async function entryFormDates(clinicId: string, now = new Date()) {
  const { clinic, settings } = await bookingContext(clinicId);
  const today = todayIn(clinic.timeZone, now);
  return { timeZone: clinic.timeZone, today, lastBookableDate: addDays(today, settings.bookingWindowDays) };
}
