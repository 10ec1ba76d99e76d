import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import { tzlib_get_ical_block } from "timezones-ical-library";

export type IcsAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  icsSequence: number;
  cancelled: boolean;
  summary: string;
  description: string;
  patientName: string;
  patientEmail: string | null;
};
export type IcsClinic = { name: string; address: string; email: string | null; timeZone: string };

/** Stable across every change of the appointment, so calendars update the event instead of adding one. */
export function appointmentUid(appointmentId: string): string {
  return `appointment-${appointmentId}@mend`;
}

const vtimezones = new Map<string, string | null>();

/** The zone's VTIMEZONE block: fixed data, built once per zone (a reminder pass renders thousands of files). */
function vtimezone(timeZone: string): string | null {
  if (!vtimezones.has(timeZone)) {
    const block = tzlib_get_ical_block(timeZone);
    vtimezones.set(timeZone, Array.isArray(block) && typeof block[0] === "string" ? block[0] : null);
  }
  return vtimezones.get(timeZone)!;
}

function event(cal: ReturnType<typeof ical>, a: IcsAppointment, clinic: IcsClinic) {
  const zoned = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(clinic.timeZone);
  cal.createEvent({
    id: appointmentUid(a.id),
    sequence: a.icsSequence,
    start: zoned(a.startsAt),
    end: zoned(a.endsAt),
    timezone: clinic.timeZone,
    summary: a.summary,
    description: a.description,
    location: `${clinic.name}, ${clinic.address}`,
    status: a.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: clinic.name, email: clinic.email ?? "no-reply@mend.localhost" },
    attendees: a.patientEmail ? [{ name: a.patientName, email: a.patientEmail, rsvp: false }] : [],
  });
}

/**
 * One appointment as an iTIP message: METHOD:REQUEST for a new or changed
 * visit, METHOD:CANCEL when cancelled; times carry TZID with the zone's
 * VTIMEZONE, so the event shows at the clinic's wall-clock time everywhere.
 */
export function appointmentIcs(a: IcsAppointment, clinic: IcsClinic): string {
  const cal = ical({
    prodId: { company: "Mend", product: "booking", language: "EN" },
    name: clinic.name,
    method: a.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: clinic.timeZone, generator: vtimezone },
  });
  event(cal, a, clinic);
  return withUtcStamp(cal.toString());
}

/** A patient's calendar feed: every appointment, cancelled ones marked so subscribed calendars drop them. */
export function appointmentFeedIcs(appointments: IcsAppointment[], clinic: IcsClinic, calendarName: string): string {
  const cal = ical({
    prodId: { company: "Mend", product: "booking", language: "EN" },
    name: calendarName,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: clinic.timeZone, generator: vtimezone },
    ttl: 60 * 60,
  });
  for (const a of appointments) event(cal, a, clinic);
  return withUtcStamp(cal.toString());
}

/**
 * ical-generator writes DTSTAMP in the calendar's zone without a TZID, which
 * RFC 5545 (3.8.7.2) forbids: it must be UTC. Rewrite it.
 */
function withUtcStamp(ics: string, now = new Date()): string {
  const utc = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return ics.replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${utc}`);
}
